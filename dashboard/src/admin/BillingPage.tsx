import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { errorMessage } from '../api/errors';
import { graphql } from '../gql';
import type { BillingCycle, PlanCode } from '../gql/graphql';
import { useI18n } from '../i18n/I18n';
import { BillingProfileForm } from './BillingProfileForm';
import { InvoiceLines, type InvoiceFigures } from './InvoiceLines';
import { TableScroll } from '../layout/TableScroll';

const BillingDocument = graphql(`
  query Billing {
    me {
      tenant {
        id
        activeSubscription {
          id
          plan
          status
          billingCycle
          currency
          currentPeriodStart
          currentPeriodEnd
          cancelAtPeriodEnd
        }
      }
    }
    billingProfile {
      country
      currency
    }
    invoices(first: 50) {
      id
      number
      kind
      issuedAt
      total {
        amountMinor
        currency
      }
      paymentStatus
    }
    plans {
      code
      includedDevices
      includedMessagesPerMonth
    }
  }
`);
const PreviewPlanChangeDocument = graphql(`
  query PreviewPlanChange($input: ChangePlanInput!) {
    previewPlanChange(input: $input) {
      currency
      lines {
        position
        description
        quantity
        amount {
          amountMinor
          currency
        }
        item {
          kind
          credit
          plan
          billingCycle
          from
          to
          month
        }
      }
      subtotal {
        amountMinor
        currency
      }
      vatRateBasisPoints
      vat {
        amountMinor
        currency
      }
      total {
        amountMinor
        currency
      }
    }
  }
`);
const PreviewSubscribeDocument = graphql(`
  query PreviewSubscribe($input: SubscribeInput!) {
    previewSubscribe(input: $input) {
      currency
      lines {
        position
        description
        quantity
        amount {
          amountMinor
          currency
        }
        item {
          kind
          credit
          plan
          billingCycle
          from
          to
          month
        }
      }
      subtotal {
        amountMinor
        currency
      }
      vatRateBasisPoints
      vat {
        amountMinor
        currency
      }
      total {
        amountMinor
        currency
      }
    }
  }
`);
const NextInvoiceDocument = graphql(`
  query NextInvoice {
    previewNextInvoice {
      currency
      lines {
        position
        description
        quantity
        amount {
          amountMinor
          currency
        }
        item {
          kind
          credit
          plan
          billingCycle
          from
          to
          month
        }
      }
      subtotal {
        amountMinor
        currency
      }
      vatRateBasisPoints
      vat {
        amountMinor
        currency
      }
      total {
        amountMinor
        currency
      }
    }
  }
`);
const ChangePlanDocument = graphql(`
  mutation ChangePlan($input: ChangePlanInput!) {
    changePlan(input: $input) {
      subscription {
        id
        plan
        billingCycle
      }
      invoice {
        id
        number
      }
    }
  }
`);
const SubscribeDocument = graphql(`
  mutation Subscribe($input: SubscribeInput!) {
    subscribe(input: $input) {
      id
      plan
      billingCycle
    }
  }
`);

const PLANS: readonly PlanCode[] = ['STARTER', 'PROFESSIONAL', 'ENTERPRISE'];
const CYCLES: readonly BillingCycle[] = ['MONTHLY', 'ANNUAL'];

/**
 * The tenant's plan, a plan change with the invoice it would bring shown before confirming
 * (proration included), and the invoices, each a link to its lines.
 */
export function BillingPage() {
  const { t, format } = useI18n();
  const [{ data, error }, refetch] = useQuery({ query: BillingDocument });
  if (error) {
    return (
      <section className="stack">
        <h1>{t('billing.heading')}</h1>
        <p role="alert">{errorMessage(error, t)}</p>
      </section>
    );
  }
  if (!data) return <p role="status">{t('common.loading')}</p>;
  const subscription = data.me.tenant?.activeSubscription;
  return (
    <section aria-labelledby="billing-heading" className="stack">
      <h1 id="billing-heading">{t('billing.heading')}</h1>
      <div className="card">
        {subscription ? (
          <>
            <p>
              <strong>{t('billing.currentPlan', { plan: t(`plan.${subscription.plan}`), cycle: t(`cycle.${subscription.billingCycle}`) })}</strong>
            </p>
            <p>
              {t('billing.period', {
                from: format.dateTime(subscription.currentPeriodStart, 'UTC'),
                to: format.dateTime(subscription.currentPeriodEnd, 'UTC'),
              })}
            </p>
            {subscription.cancelAtPeriodEnd && <p className="status warn">{t('billing.cancelsAtEnd')}</p>}
          </>
        ) : (
          <p>{t('billing.noPlan')}</p>
        )}
        {data.billingProfile && (
          <p className="muted">{t('billing.profile', { country: data.billingProfile.country, currency: data.billingProfile.currency })}</p>
        )}
      </div>
      {subscription && <NextInvoice key={`${subscription.plan}-${subscription.billingCycle}`} periodEnd={subscription.currentPeriodEnd} />}
      <PlanChange
        current={subscription ? { plan: subscription.plan, cycle: subscription.billingCycle } : null}
        plans={data.plans}
        onChanged={() => refetch({ requestPolicy: 'network-only' })}
      />
      <BillingProfileForm current={data.billingProfile} onSaved={() => refetch({ requestPolicy: 'network-only' })} />
      <h2>{t('billing.invoices')}</h2>
      {data.invoices.length === 0 ? (
        <p>{t('billing.noInvoices')}</p>
      ) : (
        <TableScroll label={t('billing.invoices')}>
          <table>
            <caption className="visually-hidden">{t('billing.invoices')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('invoice.number')}</th>
                <th scope="col">{t('invoice.issued')}</th>
                <th scope="col" className="number">
                  {t('invoice.total')}
                </th>
                <th scope="col">{t('invoice.payment')}</th>
              </tr>
            </thead>
            <tbody>
              {data.invoices.map((invoice) => (
                <tr key={invoice.id}>
                  <th scope="row">
                    <Link to={`/admin/billing/invoices/${invoice.id}`}>
                      {t(invoice.kind === 'CREDIT_NOTE' ? 'invoice.creditNoteNumber' : 'invoice.invoiceNumber', { number: invoice.number })}
                    </Link>
                  </th>
                  <td>{format.dateTime(invoice.issuedAt, 'UTC')}</td>
                  <td className="number">{format.money(invoice.total.amountMinor, invoice.total.currency)}</td>
                  <td>{t(`paymentStatus.${invoice.paymentStatus}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

/** What the end of the current period will bring (next period and usage so far), so no invoice surprises. */
function NextInvoice({ periodEnd }: { periodEnd: string }) {
  const { t, format } = useI18n();
  const [{ data, error }] = useQuery({ query: NextInvoiceDocument, requestPolicy: 'network-only' });
  if (error) return <p role="alert">{errorMessage(error, t)}</p>;
  if (!data) return null;
  return (
    <section className="card stack" aria-labelledby="next-invoice-heading">
      <h2 id="next-invoice-heading">{t('billing.nextInvoice', { at: format.dateTime(periodEnd, 'UTC') })}</h2>
      <InvoiceLines figures={data.previewNextInvoice} caption={t('billing.nextInvoiceCaption')} />
    </section>
  );
}

interface PlanInfo {
  code: PlanCode;
  includedDevices: number;
  includedMessagesPerMonth: number;
}

function PlanChange({
  current,
  plans,
  onChanged,
}: {
  current: { plan: PlanCode; cycle: BillingCycle } | null;
  plans: readonly PlanInfo[];
  onChanged: () => void;
}) {
  const { t, format } = useI18n();
  const [plan, setPlan] = useState<PlanCode>(current?.plan === 'ENTERPRISE' ? 'PROFESSIONAL' : 'ENTERPRISE');
  const [cycle, setCycle] = useState<BillingCycle>(current?.cycle ?? 'MONTHLY');
  // Asked for on "Preview"; the key makes a double-tapped confirm one change.
  const [asked, setAsked] = useState<{ plan: PlanCode; billingCycle: BillingCycle; idempotencyKey: string } | null>(null);
  const [result, setResult] = useState<{ kind: 'ok' | 'error'; text: string; invoiceId?: string } | null>(null);
  const input = asked ? { plan: asked.plan, billingCycle: asked.billingCycle } : { plan, billingCycle: cycle };
  const [changePreview] = useQuery({ query: PreviewPlanChangeDocument, variables: { input }, pause: !asked || !current, requestPolicy: 'network-only' });
  const [subscribePreview] = useQuery({ query: PreviewSubscribeDocument, variables: { input }, pause: !asked || !!current, requestPolicy: 'network-only' });
  const [changing, changePlan] = useMutation(ChangePlanDocument);
  const [subscribing, subscribe] = useMutation(SubscribeDocument);
  const preview = current ? changePreview : subscribePreview;
  const figures = (preview.data && ('previewPlanChange' in preview.data ? preview.data.previewPlanChange : preview.data.previewSubscribe)) as
    InvoiceFigures | undefined;

  function ask(event: FormEvent) {
    event.preventDefault();
    setResult(null);
    setAsked({ plan, billingCycle: cycle, idempotencyKey: crypto.randomUUID() });
  }

  async function confirm() {
    if (!asked) return;
    if (current) {
      const changed = await changePlan({ input: asked });
      if (changed.error || !changed.data) return setResult({ kind: 'error', text: changed.error ? errorMessage(changed.error, t) : t('error.generic') });
      const invoice = changed.data.changePlan.invoice;
      setResult({ kind: 'ok', text: t('billing.changed', { plan: t(`plan.${asked.plan}`) }), invoiceId: invoice?.id });
    } else {
      const subscribed = await subscribe({ input: asked });
      if (subscribed.error) return setResult({ kind: 'error', text: errorMessage(subscribed.error, t) });
      setResult({ kind: 'ok', text: t('billing.changed', { plan: t(`plan.${asked.plan}`) }) });
    }
    setAsked(null);
    onChanged();
  }

  return (
    <form className="card stack" onSubmit={ask} aria-labelledby="plan-change-heading">
      <h2 id="plan-change-heading">{current ? t('billing.change') : t('billing.subscribe')}</h2>
      <div className="row">
        <label>
          {t('billing.plan')}
          <select
            value={plan}
            onChange={(event) => {
              setPlan(event.target.value as PlanCode);
              setAsked(null);
            }}
          >
            {PLANS.map((code) => {
              const info = plans.find((candidate) => candidate.code === code);
              return (
                <option key={code} value={code}>
                  {info ? t('billing.planOption', { plan: t(`plan.${code}`), devices: format.number(info.includedDevices, 0) }) : t(`plan.${code}`)}
                </option>
              );
            })}
          </select>
        </label>
        <label>
          {t('billing.cycle')}
          <select
            value={cycle}
            onChange={(event) => {
              setCycle(event.target.value as BillingCycle);
              setAsked(null);
            }}
          >
            {CYCLES.map((value) => (
              <option key={value} value={value}>
                {t(`cycle.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('billing.preview')}</button>
      </div>
      {asked && preview.fetching && <p role="status">{t('common.loading')}</p>}
      {asked && preview.error && <p role="alert">{errorMessage(preview.error, t)}</p>}
      {asked && figures && (
        <>
          <InvoiceLines figures={figures} caption={t('billing.previewCaption')} />
          <div className="row">
            <button type="button" className="primary" onClick={() => void confirm()} disabled={changing.fetching || subscribing.fetching}>
              {t('billing.confirm', { total: format.money(figures.total.amountMinor, figures.total.currency) })}
            </button>
            <button type="button" onClick={() => setAsked(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </>
      )}
      {result && (
        <p role={result.kind === 'error' ? 'alert' : 'status'}>
          {result.text} {result.invoiceId && <Link to={`/admin/billing/invoices/${result.invoiceId}`}>{t('billing.seeInvoice')}</Link>}
        </p>
      )}
    </form>
  );
}

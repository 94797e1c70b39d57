import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { errorMessage } from '../api/errors';
import { graphql } from '../gql';
import { useI18n } from '../i18n/I18n';
import { useViewer } from '../session/Viewer';
import { InvoiceLines } from './InvoiceLines';

const InvoiceDocument = graphql(`
  query Invoice($id: ID!) {
    invoice(id: $id) {
      id
      number
      kind
      currency
      issuedAt
      vatCountry
      vatRateBasisPoints
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
      vat {
        amountMinor
        currency
      }
      total {
        amountMinor
        currency
      }
      amountPaid {
        amountMinor
        currency
      }
      amountDue {
        amountMinor
        currency
      }
      paymentStatus
      creditedInvoice {
        id
        number
      }
      payments {
        id
        kind
        amount {
          amountMinor
          currency
        }
        reference
        recordedAt
      }
    }
  }
`);

/** One invoice or credit note with its lines, VAT and totals, laid out to print. */
export function InvoicePage() {
  const { invoiceId = '' } = useParams();
  const { t, format } = useI18n();
  const viewer = useViewer();
  const [{ data, error }] = useQuery({ query: InvoiceDocument, variables: { id: invoiceId } });
  if (error) return <p role="alert">{errorMessage(error, t)}</p>;
  const invoice = data?.invoice;
  if (!data) return <p role="status">{t('common.loading')}</p>;
  if (!invoice) return <p role="alert">{t('error.notFound')}</p>;
  const title = t(invoice.kind === 'CREDIT_NOTE' ? 'invoice.creditNoteNumber' : 'invoice.invoiceNumber', { number: invoice.number });
  return (
    <article aria-labelledby="invoice-heading" className="stack invoice">
      <div className="page-heading">
        <h1 id="invoice-heading">{title}</h1>
        <Link to="/admin/billing" className="no-print">
          {t('billing.heading')}
        </Link>
        <button type="button" className="no-print" onClick={() => window.print()}>
          {t('invoice.print')}
        </button>
      </div>
      <dl className="facts">
        <div>
          <dt>{t('invoice.billedTo')}</dt>
          <dd>{viewer.tenant?.name}</dd>
        </div>
        <div>
          <dt>{t('invoice.issued')}</dt>
          <dd>{format.dateTime(invoice.issuedAt, 'UTC')}</dd>
        </div>
        <div>
          <dt>{t('invoice.vatCountry')}</dt>
          <dd>{invoice.vatCountry}</dd>
        </div>
        <div>
          <dt>{t('invoice.payment')}</dt>
          <dd>{t(`paymentStatus.${invoice.paymentStatus}`)}</dd>
        </div>
        {invoice.creditedInvoice && (
          <div>
            <dt>{t('invoice.credits')}</dt>
            <dd>
              <Link to={`/admin/billing/invoices/${invoice.creditedInvoice.id}`}>{t('invoice.invoiceNumber', { number: invoice.creditedInvoice.number })}</Link>
            </dd>
          </div>
        )}
      </dl>
      <InvoiceLines figures={invoice} caption={t('invoice.lines')} />
      <p>
        {t('invoice.paidDue', {
          paid: format.money(invoice.amountPaid.amountMinor, invoice.amountPaid.currency),
          due: format.money(invoice.amountDue.amountMinor, invoice.amountDue.currency),
        })}
      </p>
      {invoice.payments.length > 0 && (
        <ul>
          {invoice.payments.map((payment) => (
            <li key={payment.id}>
              {t(payment.kind === 'REFUND' ? 'invoice.refund' : 'invoice.paymentLine', {
                amount: format.money(payment.amount.amountMinor, payment.amount.currency),
                reference: payment.reference,
                at: format.dateTime(payment.recordedAt, 'UTC'),
              })}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

import { randomBytes, randomUUID } from 'node:crypto';
import { SIGNATURE_HEADER, signWebhook } from '../subgraphs/billing/payments/webhookSignature';
import { backends } from './support/postgres';
import { inviteAndLogIn, loginAsPlatformAdmin, tenantWithAdmin } from './support/sessions';
import { errorCode, startTestSystem, type TestSystem } from './support/testSystem';

const WEBHOOK_SECRET = randomBytes(32).toString('hex');

const INVOICE_FIELDS = `id number kind currency subtotal { amountMinor currency } vat { amountMinor } total { amountMinor } vatCountry vatRateBasisPoints
  lines { position description quantity amount { amountMinor currency } } amountPaid { amountMinor } amountDue { amountMinor } paymentStatus`;
const SUBSCRIBE = `mutation ($input: SubscribeInput!) { subscribe(input: $input) { id plan status billingCycle currency currentPeriodStart currentPeriodEnd invoices { ${INVOICE_FIELDS} } } }`;
const CHANGE_PLAN = `mutation ($input: ChangePlanInput!) { changePlan(input: $input) { subscription { id plan history { reason plan } } invoice { ${INVOICE_FIELDS} issuedAt } } }`;
const INVOICES = `{ invoices { id number kind total { amountMinor } } }`;

describe.each(backends())('billing through the gateway on %s', (backend) => {
  let farmiq: TestSystem;

  beforeAll(async () => {
    farmiq = await startTestSystem(backend, { BILLING_WEBHOOK_SECRET: WEBHOOK_SECRET });
  });
  afterAll(async () => {
    await farmiq?.stop();
  });

  async function newTenant(name: string) {
    const { tenantId, admin } = await tenantWithAdmin(farmiq, name);
    const platform = await loginAsPlatformAdmin(farmiq, tenantId);
    return { tenantId, admin, api: farmiq.as(admin.accessToken), platform: farmiq.as(platform.accessToken), platformToken: platform.accessToken };
  }

  it('should invoice a PROFESSIONAL month at 199.00 USD plus 7 % Thai VAT, once per idempotency key', async () => {
    const { api } = await newTenant('Money Farm');
    const profile = await api('mutation { setBillingProfile(input: { country: "th", currency: "usd" }) { country currency } }');
    expect(profile.data!.setBillingProfile).toEqual({ country: 'TH', currency: 'USD' });

    const input = { plan: 'PROFESSIONAL', idempotencyKey: 'first-subscription' };
    const subscribed = await api(SUBSCRIBE, { input });
    expect(subscribed.errors).toBeUndefined();
    const subscription = subscribed.data!.subscribe;
    expect(subscription).toMatchObject({ plan: 'PROFESSIONAL', status: 'ACTIVE', billingCycle: 'MONTHLY', currency: 'USD' });
    // 19900 + 7 % (1393) = 21293 minor units = 212.93 USD.
    expect(subscription.invoices).toEqual([
      expect.objectContaining({
        number: 1,
        kind: 'INVOICE',
        subtotal: { amountMinor: 19_900, currency: 'USD' },
        vat: { amountMinor: 1_393 },
        total: { amountMinor: 21_293 },
        vatCountry: 'TH',
        vatRateBasisPoints: 700,
        paymentStatus: 'UNPAID',
        amountDue: { amountMinor: 21_293 },
      }),
    ]);

    // A retry with the same key is the same subscription and invoice, not a second charge.
    const again = await api(SUBSCRIBE, { input });
    expect(again.data!.subscribe.id).toBe(subscription.id);
    const reused = await api(SUBSCRIBE, { input: { ...input, plan: 'ENTERPRISE' } });
    expect(errorCode(reused)).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await api(INVOICES)).data!.invoices).toHaveLength(1);
  });

  it('should bill an annual subscription at 12 × 19900 less 10 % = 214920', async () => {
    const { api } = await newTenant('Annual Farm');
    const subscribed = await api(SUBSCRIBE, { input: { plan: 'PROFESSIONAL', billingCycle: 'ANNUAL', idempotencyKey: 'annual' } });
    // 214920 + 7 % (15044.4 → 15044) = 229964.
    expect(subscribed.data!.subscribe.invoices[0]).toMatchObject({
      subtotal: { amountMinor: 214_920 },
      vat: { amountMinor: 15_044 },
      total: { amountMinor: 229_964 },
    });
    const start = new Date(subscribed.data!.subscribe.currentPeriodStart);
    const end = new Date(subscribed.data!.subscribe.currentPeriodEnd);
    expect(end.getUTCFullYear() - start.getUTCFullYear()).toBe(1);
  });

  it('should preview a plan change, then issue one prorated invoice for concurrent requests with one key', async () => {
    const { api } = await newTenant('Upgrade Farm');
    await api(SUBSCRIBE, { input: { plan: 'STARTER', idempotencyKey: 'start' } });
    const preview = await api(
      'query { previewPlanChange(input: { plan: PROFESSIONAL }) { currency lines { description amount { amountMinor } } subtotal { amountMinor } vatRateBasisPoints total { amountMinor } } }',
    );
    expect(preview.errors).toBeUndefined();
    // Seconds after the start nearly the whole month is left: credit ≈ −4900, charge ≈ 19900.
    const [credit, charge] = preview.data!.previewPlanChange.lines.map((line: any) => line.amount.amountMinor);
    expect(credit).toBeGreaterThanOrEqual(-4_900);
    expect(credit).toBeLessThan(-4_890);
    expect(charge).toBeGreaterThan(19_850);
    // The lines say what they charge in words a reader of the invoice reads: plan, cycle and the moments, to the minute in UTC.
    const MOMENT = String.raw`\d{4}-\d\d-\d\d \d\d:\d\d UTC`;
    expect(preview.data!.previewPlanChange.lines.map((line: any) => line.description)).toEqual([
      expect.stringMatching(new RegExp(`^Unused time on STARTER plan, monthly, ${MOMENT} to ${MOMENT}$`)),
      expect.stringMatching(new RegExp(`^PROFESSIONAL plan, monthly, ${MOMENT} to ${MOMENT}$`)),
    ]);
    const next = await api('{ previewNextInvoice { lines { description amount { amountMinor } } total { amountMinor } } }');
    // The next month of STARTER: 4900 + 343 VAT.
    expect(next.data!.previewNextInvoice).toMatchObject({ lines: [{ amount: { amountMinor: 4_900 } }], total: { amountMinor: 5_243 } });
    expect((await api(INVOICES)).data!.invoices).toHaveLength(1); // previews issue nothing

    const results = await Promise.all(Array.from({ length: 4 }, () => api(CHANGE_PLAN, { input: { plan: 'PROFESSIONAL', idempotencyKey: 'upgrade' } })));
    for (const result of results) expect(result.errors).toBeUndefined();
    expect(new Set(results.map((result) => result.data!.changePlan.invoice.id)).size).toBe(1);
    const invoice = results[0]!.data!.changePlan.invoice;
    const subtotal = invoice.lines.reduce((sum: number, line: any) => sum + line.amount.amountMinor, 0);
    expect(invoice).toMatchObject({ number: 2, kind: 'INVOICE', subtotal: { amountMinor: subtotal } });
    expect(invoice.total.amountMinor).toBe(subtotal + invoice.vat.amountMinor);
    expect(results[0]!.data!.changePlan.subscription.history.map((event: any) => event.reason)).toEqual(['STARTED', 'PLAN_CHANGED']);
    // The same lines in fields, for a reader in another language: what each charges, from when to when.
    const issued = await api(
      'query ($id: ID!) { invoice(id: $id) { lines { item { kind credit plan billingCycle from to month } } subscription { currentPeriodEnd } } }',
      { id: invoice.id },
    );
    const periodEnd = issued.data!.invoice.subscription.currentPeriodEnd;
    const [creditItem, chargeItem] = issued.data!.invoice.lines.map((line: any) => line.item);
    expect(creditItem).toEqual({
      kind: 'UNUSED_TIME',
      credit: false,
      plan: 'STARTER',
      billingCycle: 'MONTHLY',
      from: expect.any(String),
      to: periodEnd,
      month: null,
    });
    expect(chargeItem).toEqual({
      kind: 'PLAN_PRORATED',
      credit: false,
      plan: 'PROFESSIONAL',
      billingCycle: 'MONTHLY',
      from: creditItem.from,
      to: periodEnd,
      month: null,
    });
    expect(Date.parse(creditItem.from)).toBeLessThanOrEqual(Date.now());
    expect((await api(INVOICES)).data!.invoices.map((i: any) => i.number)).toEqual([2, 1]);
  });

  it('should refuse bad input with BAD_USER_INPUT and change nothing', async () => {
    const { api } = await newTenant('Careless Farm');
    expect(errorCode(await api('mutation { setBillingProfile(input: { country: "Thailand", currency: "USD" }) { country } }'))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api('mutation { setBillingProfile(input: { country: "TH", currency: "BTC" }) { country } }'))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api(SUBSCRIBE, { input: { plan: 'STARTER', idempotencyKey: 'has spaces' } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api('{ invoices(first: 0) { id } }'))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api(CHANGE_PLAN, { input: { plan: 'PROFESSIONAL', idempotencyKey: 'no-subscription' } }))).toBe('NOT_FOUND');
    await api(SUBSCRIBE, { input: { plan: 'STARTER' } });
    expect(errorCode(await api(CHANGE_PLAN, { input: { plan: 'PROFESSIONAL' } }))).toBe('BAD_USER_INPUT'); // no idempotency key
    expect(errorCode(await api(CHANGE_PLAN, { input: { plan: 'STARTER', idempotencyKey: 'same-plan' } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api(SUBSCRIBE, { input: { plan: 'STARTER' } }))).toBe('CONFLICT');
    expect((await api(INVOICES)).data!.invoices).toHaveLength(1);
    expect((await api('{ billingProfile { country } }')).data!.billingProfile).toBeNull();
  });

  it('should show the price list to anyone signed in, and a tenant without a subscription what subscribing would invoice', async () => {
    const { tenantId, api, admin } = await newTenant('Shopping Farm');
    const viewer = farmiq.as((await inviteAndLogIn(farmiq, admin.accessToken, tenantId, 'VIEWER')).accessToken);
    const PLANS = `query ($c: String) { plans(currency: $c) { code includedDevices includedMessagesPerMonth
      prices { currency billingCycle periodPrice { amountMinor currency } overagePerDevice { amountMinor } overagePer1000Messages { amountMinor } } } }`;
    const list = await viewer(PLANS, { c: 'usd' });
    expect(list.errors).toBeUndefined();
    const professional = list.data!.plans.find((plan: { code: string }) => plan.code === 'PROFESSIONAL');
    // Monthly 199.00 USD; annual 12 × 19900 × 0.9 = 214920; 2.50 USD per extra device, 0.40 USD per 1,000 extra messages.
    expect(professional).toEqual({
      code: 'PROFESSIONAL',
      includedDevices: 50,
      includedMessagesPerMonth: 1_000_000,
      prices: [
        {
          currency: 'USD',
          billingCycle: 'MONTHLY',
          periodPrice: { amountMinor: 19_900, currency: 'USD' },
          overagePerDevice: { amountMinor: 250 },
          overagePer1000Messages: { amountMinor: 40 },
        },
        {
          currency: 'USD',
          billingCycle: 'ANNUAL',
          periodPrice: { amountMinor: 214_920, currency: 'USD' },
          overagePerDevice: { amountMinor: 250 },
          overagePer1000Messages: { amountMinor: 40 },
        },
      ],
    });
    expect(list.data!.plans.map((plan: { code: string }) => plan.code)).toEqual(['STARTER', 'PROFESSIONAL', 'ENTERPRISE']);
    // Without a currency: USD and THB, each monthly and annual.
    const all = await viewer(PLANS);
    expect(all.data!.plans[0].prices.map((price: { currency: string; billingCycle: string }) => `${price.currency} ${price.billingCycle}`)).toEqual([
      'USD MONTHLY',
      'USD ANNUAL',
      'THB MONTHLY',
      'THB ANNUAL',
    ]);
    expect(errorCode(await viewer(PLANS, { c: 'EUR' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await farmiq.graphql(PLANS))).toBe('UNAUTHENTICATED');

    // A tenant with no subscription previews one; nothing is written.
    const PREVIEW = `query ($input: SubscribeInput!) { previewSubscribe(input: $input) { currency lines { description quantity amount { amountMinor } } subtotal { amountMinor } vatRateBasisPoints vat { amountMinor } total { amountMinor } } }`;
    const monthly = await api(PREVIEW, { input: { plan: 'PROFESSIONAL' } });
    expect(monthly.errors).toBeUndefined();
    // 19900 + 7 % Thai VAT (1393) = 21293.
    expect(monthly.data!.previewSubscribe).toMatchObject({
      currency: 'USD',
      subtotal: { amountMinor: 19_900 },
      vatRateBasisPoints: 700,
      vat: { amountMinor: 1_393 },
      total: { amountMinor: 21_293 },
    });
    expect(monthly.data!.previewSubscribe.lines).toEqual([
      { description: expect.stringMatching(/^PROFESSIONAL plan, monthly, /), quantity: 1, amount: { amountMinor: 19_900 } },
    ]);
    expect((await api(INVOICES)).data!.invoices).toEqual([]);
    expect(errorCode(await viewer(PREVIEW, { input: { plan: 'STARTER' } }))).toBe('FORBIDDEN');
    // In baht: STARTER annual = 12 × 169000 × 0.9 = 1825200; VAT 7 % = 127764; total 1952964.
    await api('mutation { setBillingProfile(input: { country: "TH", currency: "THB" }) { currency } }');
    const annual = await api(PREVIEW, { input: { plan: 'STARTER', billingCycle: 'ANNUAL' } });
    expect(annual.data!.previewSubscribe).toMatchObject({
      currency: 'THB',
      subtotal: { amountMinor: 1_825_200 },
      vat: { amountMinor: 127_764 },
      total: { amountMinor: 1_952_964 },
    });
    // Subscribing issues what the preview showed; afterwards the preview answers CONFLICT, as subscribe would.
    const subscribed = await api(SUBSCRIBE, { input: { plan: 'STARTER', billingCycle: 'ANNUAL' } });
    expect(subscribed.data!.subscribe.invoices[0]).toMatchObject({ currency: 'THB', subtotal: { amountMinor: 1_825_200 }, total: { amountMinor: 1_952_964 } });
    expect(errorCode(await api(PREVIEW, { input: { plan: 'PROFESSIONAL' } }))).toBe('CONFLICT');
  });

  it('should show billing to the tenant’s admins only', async () => {
    const { tenantId, api, admin } = await newTenant('Private Farm');
    await api(SUBSCRIBE, { input: { plan: 'STARTER' } });
    for (const role of ['FARM_MANAGER', 'VIEWER']) {
      const member = farmiq.as((await inviteAndLogIn(farmiq, admin.accessToken, tenantId, role)).accessToken);
      expect(errorCode(await member(INVOICES))).toBe('FORBIDDEN');
      expect(errorCode(await member('mutation { cancelSubscription(input: { atPeriodEnd: false, idempotencyKey: "k" }) { invoice { id } } }'))).toBe(
        'FORBIDDEN',
      );
      expect((await member(`query ($id: ID!) { tenant(id: $id) { activeSubscription { id } } }`, { id: tenantId })).data!.tenant.activeSubscription).toBeNull();
    }
    expect(errorCode(await farmiq.graphql(INVOICES))).toBe('UNAUTHENTICATED');
    // Payments, credit notes and metering are the platform's, not the tenant admin's.
    const invoiceId = (await api(INVOICES)).data!.invoices[0].id;
    expect(
      errorCode(
        await api('mutation ($id: ID!) { recordPayment(input: { invoiceId: $id, amountMinor: 5243, currency: "USD", reference: "self" }) { id } }', {
          id: invoiceId,
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(
        await api(
          'mutation ($t: ID!) { recordUsage(input: { tenantId: $t, kind: TELEMETRY_MESSAGES, usageKey: "k", quantity: 1, occurredAt: "2026-11-25T00:00:00Z" }) { recorded } }',
          { t: tenantId },
        ),
      ),
    ).toBe('FORBIDDEN');
  });

  it('should take partial and full payments and refunds from the platform, and show the balance', async () => {
    const { api, platform } = await newTenant('Paying Farm');
    const invoice = (await api(SUBSCRIBE, { input: { plan: 'STARTER', idempotencyKey: 's' } })).data!.subscribe.invoices[0];
    expect(invoice.total.amountMinor).toBe(5_243); // 4900 + 343
    const pay = (amountMinor: number, reference: string) =>
      platform('mutation ($input: RecordPaymentInput!) { recordPayment(input: $input) { id kind amount { amountMinor currency } } }', {
        input: { invoiceId: invoice.id, amountMinor, currency: 'USD', reference },
      });
    const first = await pay(3_000, 'wire-1');
    expect(first.data!.recordPayment).toMatchObject({ kind: 'PAYMENT', amount: { amountMinor: 3_000, currency: 'USD' } });
    const balance = `query ($id: ID!) { invoice(id: $id) { amountPaid { amountMinor } amountDue { amountMinor } paymentStatus payments { kind amount { amountMinor } } } }`;
    expect((await api(balance, { id: invoice.id })).data!.invoice).toMatchObject({
      amountPaid: { amountMinor: 3_000 },
      amountDue: { amountMinor: 2_243 },
      paymentStatus: 'PARTIALLY_PAID',
    });
    expect(errorCode(await pay(2_244, 'wire-2'))).toBe('BAD_USER_INPUT');
    await pay(2_243, 'wire-2');
    expect((await api(balance, { id: invoice.id })).data!.invoice).toMatchObject({ amountDue: { amountMinor: 0 }, paymentStatus: 'PAID' });
    const refund = await platform(
      'mutation ($id: ID!) { refundPayment(input: { paymentId: $id, amountMinor: 1000, reference: "refund-1" }) { kind amount { amountMinor } } }',
      { id: first.data!.recordPayment.id },
    );
    expect(refund.data!.refundPayment).toEqual({ kind: 'REFUND', amount: { amountMinor: 1_000 } });
    expect((await api(balance, { id: invoice.id })).data!.invoice).toMatchObject({
      amountPaid: { amountMinor: 4_243 },
      amountDue: { amountMinor: 1_000 },
      paymentStatus: 'PARTIALLY_PAID',
    });
  });

  it('should apply a signed payment webhook once, and nothing unsigned, through the gateway', async () => {
    const { tenantId, api } = await newTenant('Webhook Farm');
    const invoice = (await api(SUBSCRIBE, { input: { plan: 'STARTER', idempotencyKey: 's' } })).data!.subscribe.invoices[0];
    // The provider calls the public port; the gateway passes the raw body and signature on to billing.
    const url = new URL('/webhooks/payments', farmiq.gatewayUrl).toString();
    const body = JSON.stringify({
      id: `evt_${randomUUID()}`,
      type: 'payment.succeeded',
      data: { tenantId, invoiceId: invoice.id, amountMinor: 5_243, currency: 'USD', reference: 'psp-1' },
    });
    const send = (signature: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature }, body });
    const now = Math.floor(Date.now() / 1000);
    expect((await send(signWebhook('guessed secret', body, now))).status).toBe(401);
    expect((await send(signWebhook(WEBHOOK_SECRET, body, now - 600))).status).toBe(400);
    expect((await api(`query ($id: ID!) { invoice(id: $id) { paymentStatus } }`, { id: invoice.id })).data!.invoice.paymentStatus).toBe('UNPAID');
    expect(await (await send(signWebhook(WEBHOOK_SECRET, body, now))).json()).toEqual({ status: 'processed' });
    expect(await (await send(signWebhook(WEBHOOK_SECRET, body, now))).json()).toEqual({ status: 'duplicate' });
    expect((await api(`query ($id: ID!) { invoice(id: $id) { paymentStatus amountPaid { amountMinor } } }`, { id: invoice.id })).data!.invoice).toEqual({
      paymentStatus: 'PAID',
      amountPaid: { amountMinor: 5_243 },
    });
  });

  it('should meter usage once per key and bill the overage in the next invoice', async () => {
    const { tenantId, api, platform } = await newTenant('Busy Farm');
    await api(SUBSCRIBE, { input: { plan: 'STARTER', idempotencyKey: 's' } });
    const record = (usageKey: string, quantity: number) =>
      platform('mutation ($input: RecordUsageInput!) { recordUsage(input: $input) { recorded } }', {
        input: { tenantId, kind: 'TELEMETRY_MESSAGES', usageKey, quantity, occurredAt: new Date(Date.now() - 60_000).toISOString() },
      });
    expect((await record('batch-1', 112_000)).data!.recordUsage.recorded).toBe(true);
    expect((await record('batch-1', 112_000)).data!.recordUsage.recorded).toBe(false);
    expect(errorCode(await record('batch-2', 0))).toBe('BAD_USER_INPUT');
    const changed = await api(CHANGE_PLAN, { input: { plan: 'PROFESSIONAL', idempotencyKey: 'up' } });
    // STARTER allows 100000 messages; 12000 above × 50 / 1000 = 600.
    expect(changed.data!.changePlan.invoice.lines.at(-1)).toMatchObject({ quantity: 12_000, amount: { amountMinor: 600 } });
  });

  it('should cancel immediately with a final credit note, or at the period end with none', async () => {
    const later = await newTenant('Leaving Later');
    await later.api(SUBSCRIBE, { input: { plan: 'STARTER', idempotencyKey: 's' } });
    const scheduled = await later.api(
      'mutation { cancelSubscription(input: { atPeriodEnd: true, idempotencyKey: "bye" }) { subscription { status cancelAtPeriodEnd } invoice { id } } }',
    );
    expect(scheduled.data!.cancelSubscription).toEqual({ subscription: { status: 'ACTIVE', cancelAtPeriodEnd: true }, invoice: null });
    expect(errorCode(await later.platform('mutation { renewSubscription(input: { idempotencyKey: "r" }) { invoice { id } } }'))).toBe('BAD_USER_INPUT');

    const now = await newTenant('Leaving Now');
    await now.api(SUBSCRIBE, { input: { plan: 'PROFESSIONAL', idempotencyKey: 's' } });
    const canceled = await now.api(
      'mutation { cancelSubscription(input: { atPeriodEnd: false, idempotencyKey: "bye" }) { subscription { status canceledAt } invoice { kind total { amountMinor } lines { amount { amountMinor } } } } }',
    );
    expect(canceled.data!.cancelSubscription.subscription.status).toBe('CANCELED');
    // Nearly the whole month is credited back: about −19900 − 7 %.
    expect(canceled.data!.cancelSubscription.invoice.kind).toBe('CREDIT_NOTE');
    expect(canceled.data!.cancelSubscription.invoice.lines[0].amount.amountMinor).toBeLessThan(-19_800);
    expect((await now.api('{ me { tenant { activeSubscription { id } } } }')).data!.me.tenant.activeSubscription).toBeNull();
  });

  it('should correct an invoice by a credit note and show totals in another currency at a dated rate', async () => {
    const { api, platform } = await newTenant('Correcting Farm');
    const invoice = (await api(SUBSCRIBE, { input: { plan: 'PROFESSIONAL', idempotencyKey: 's' } })).data!.subscribe.invoices[0];
    const note = await platform(
      'mutation ($id: ID!) { issueCreditNote(input: { invoiceId: $id, reason: "Goodwill", idempotencyKey: "cn" }) { number kind total { amountMinor } creditedInvoice { id } } }',
      { id: invoice.id },
    );
    expect(note.data!.issueCreditNote).toEqual({ number: 2, kind: 'CREDIT_NOTE', total: { amountMinor: -21_293 }, creditedInvoice: { id: invoice.id } });
    const noteLines = await api('{ invoices { number lines { description item { kind credit plan billingCycle from to } } } }');
    const [noteDocument, original] = noteLines.data!.invoices;
    const period = original.lines[0].item;
    expect(period).toMatchObject({ kind: 'PLAN_PERIOD', credit: false, plan: 'PROFESSIONAL', billingCycle: 'MONTHLY' });
    expect(noteDocument.lines).toEqual([
      { description: `Credit: ${original.lines[0].description}`, item: { ...period, credit: true } },
      { description: 'Reason: Goodwill', item: { kind: 'CREDIT_REASON', credit: false, plan: null, billingCycle: null, from: null, to: null } },
    ]);

    const today = new Date().toISOString().slice(0, 10);
    const rate = await platform(
      'mutation ($d: Date!) { setExchangeRate(input: { baseCurrency: "USD", quoteCurrency: "THB", rate: "35.125", asOf: $d }) { rate asOf } }',
      { d: today },
    );
    expect(rate.data!.setExchangeRate).toEqual({ rate: '35.125', asOf: today });
    const shown = await api(
      'query ($id: ID!) { invoice(id: $id) { total { amountMinor currency } totalIn(currency: "THB") { amount { amountMinor currency } rate asOf } } }',
      { id: invoice.id },
    );
    // 21293 cents × 35.125 = 747916.625 satang → 747917; the invoice itself stays in USD.
    expect(shown.data!.invoice).toEqual({
      total: { amountMinor: 21_293, currency: 'USD' },
      totalIn: { amount: { amountMinor: 747_917, currency: 'THB' }, rate: '35.125', asOf: today },
    });
    expect((await api('query ($id: ID!) { invoice(id: $id) { totalIn(currency: "EUR") { rate } } }', { id: invoice.id })).data!.invoice.totalIn).toBeNull();
    expect(
      errorCode(await api('mutation { setExchangeRate(input: { baseCurrency: "USD", quoteCurrency: "THB", rate: "1", asOf: "2026-01-01" }) { rate } }')),
    ).toBe('FORBIDDEN');
  });

  it('should let the platform add a VAT rate from a date, which the tenant admin can read', async () => {
    const { api, platform } = await newTenant('Tax Farm');
    const set = await platform(
      'mutation { setVatRate(input: { country: "TH", rateBasisPoints: 800, effectiveFrom: "2099-01-01" }) { country rateBasisPoints effectiveFrom } }',
    );
    expect(set.data!.setVatRate).toEqual({ country: 'TH', rateBasisPoints: 800, effectiveFrom: '2099-01-01' });
    expect(
      errorCode(await platform('mutation { setVatRate(input: { country: "TH", rateBasisPoints: 10001, effectiveFrom: "2099-01-01" }) { country } }')),
    ).toBe('BAD_USER_INPUT');
    expect((await api('{ vatRates(country: "TH") { rateBasisPoints effectiveFrom } }')).data!.vatRates.slice(0, 2)).toEqual([
      { rateBasisPoints: 800, effectiveFrom: '2099-01-01' },
      { rateBasisPoints: 700, effectiveFrom: '1992-01-01' },
    ]);
    expect(errorCode(await api('mutation { setVatRate(input: { country: "TH", rateBasisPoints: 0, effectiveFrom: "2026-01-01" }) { country } }'))).toBe(
      'FORBIDDEN',
    );
  });
});

import { randomUUID } from 'node:crypto';
import type { Database } from '../../../lib/db/database';
import { migratedDatabase } from '../../../tests/support/database';
import { backends } from '../../../tests/support/postgres';
import { issueCreditNote } from '../invoices/creditNotes';
import { inPaymentTransaction, recordPaymentIn, refundPaymentIn } from '../payments/payments';
import { setBillingProfile } from '../profile/billingProfile';
import { setVatRate } from '../rates/rates';
import { previewNextInvoice, renewSubscription } from '../subscriptions/renewal';
import { cancelSubscription, changePlan, previewPlanChange, subscribe } from '../subscriptions/subscriptionChanges';
import { recordUsage } from '../usage/recordUsage';

const at = (iso: string) => new Date(iso);
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: { extensions?: { code?: string } }) => error.extensions?.code ?? String(error),
  );

describe.each(backends())('billing on %s, with a fixed clock', (backend) => {
  let database: { db: Database; close(): Promise<void> };
  let db: Database['prisma'];

  beforeAll(async () => {
    database = await migratedDatabase(backend);
    db = database.db.prisma;
  });
  afterAll(async () => {
    await database?.close();
  });

  const linesOf = (invoiceId: string) =>
    db.invoiceLine.findMany({ where: { invoiceId }, orderBy: { position: 'asc' }, select: { description: true, amountMinor: true } });

  it('should invoice the first month at the list price plus Thai VAT', async () => {
    const tenantId = randomUUID();
    const { subscription, invoice } = await subscribe(db, tenantId, { plan: 'PROFESSIONAL', idempotencyKey: 'start-1' }, at('2026-11-01T00:00:00.400Z'));
    expect(subscription).toMatchObject({
      billingCycle: 'MONTHLY',
      currency: 'USD',
      currentPeriodStart: at('2026-11-01T00:00:00Z'),
      currentPeriodEnd: at('2026-12-01T00:00:00Z'),
    });
    // 19900 + 7 % VAT (1393) = 21293.
    expect(invoice).toMatchObject({
      number: 1,
      kind: 'INVOICE',
      subtotalMinor: 19_900,
      vatCountry: 'TH',
      vatRateBasisPoints: 700,
      vatMinor: 1_393,
      totalMinor: 21_293,
    });
  });

  it('should invoice an annual subscription at 12 × monthly less 10 %', async () => {
    const { invoice } = await subscribe(db, randomUUID(), { plan: 'PROFESSIONAL', billingCycle: 'ANNUAL' }, at('2026-11-01T00:00:00Z'));
    // 12 × 19900 × 0.9 = 214920; VAT 7 % = 15044.4 → 15044; total 229964.
    expect(invoice).toMatchObject({ subtotalMinor: 214_920, vatMinor: 15_044, totalMinor: 229_964 });
  });

  it('should prorate a mid-cycle upgrade by the second, as worked by hand', async () => {
    const tenantId = randomUUID();
    await subscribe(db, tenantId, { plan: 'STARTER' }, at('2026-11-01T00:00:00Z'));
    const upgradeAt = at('2026-11-10T12:00:00Z');
    // November: 30 days = 2,592,000 s. From 10 Nov 12:00 to 1 Dec: 20.5 days = 1,771,200 s left.
    // Credit STARTER: 4900 × 1771200 / 2592000 = 3348.33 → −3348.
    // Charge PROFESSIONAL: 19900 × 1771200 / 2592000 = 13598.33 → 13598.
    // Subtotal 10250; VAT 7 % = 717.5 → 718 (half-even: 717 is odd); total 10968.
    const preview = await previewPlanChange(db, tenantId, { plan: 'PROFESSIONAL' }, upgradeAt);
    expect(preview).toMatchObject({ subtotalMinor: 10_250, vatMinor: 718, totalMinor: 10_968 });
    expect(await db.invoice.count({ where: { tenantId } })).toBe(1); // the preview issued nothing

    const { subscription, invoice } = await changePlan(db, tenantId, { plan: 'PROFESSIONAL', idempotencyKey: 'upgrade-1' }, upgradeAt);
    expect(invoice).toMatchObject({ number: 2, kind: 'INVOICE', subtotalMinor: 10_250, vatMinor: 718, totalMinor: 10_968, issuedAt: upgradeAt });
    expect((await linesOf(invoice!.id)).map((line) => line.amountMinor)).toEqual([-3_348, 13_598]);
    expect(subscription).toMatchObject({ plan: 'PROFESSIONAL', currentPeriodEnd: at('2026-12-01T00:00:00Z') });
    const history = await db.subscriptionEvent.findMany({ where: { subscriptionId: subscription.id }, orderBy: { at: 'asc' } });
    expect(history.map((event) => [event.reason, event.plan])).toEqual([
      ['STARTED', 'STARTER'],
      ['PLAN_CHANGED', 'PROFESSIONAL'],
    ]);
  });

  it('should issue a credit note for a downgrade whose credit is larger than the new charge', async () => {
    const tenantId = randomUUID();
    await subscribe(db, tenantId, { plan: 'PROFESSIONAL' }, at('2026-11-01T00:00:00Z'));
    // Half of November left: credit 19900 / 2 = 9950, charge 4900 / 2 = 2450; subtotal −7500, VAT −525, total −8025.
    const { invoice } = await changePlan(db, tenantId, { plan: 'STARTER', idempotencyKey: 'down-1' }, at('2026-11-16T00:00:00Z'));
    expect(invoice).toMatchObject({ kind: 'CREDIT_NOTE', subtotalMinor: -7_500, vatMinor: -525, totalMinor: -8_025 });
  });

  it('should start a new annual period when the cycle changes', async () => {
    const tenantId = randomUUID();
    await subscribe(db, tenantId, { plan: 'PROFESSIONAL' }, at('2026-11-01T00:00:00Z'));
    // Credit half a month (−9950), charge a year (214920): subtotal 204970, VAT 14347.9 → 14348.
    const { subscription, invoice } = await changePlan(
      db,
      tenantId,
      { plan: 'PROFESSIONAL', billingCycle: 'ANNUAL', idempotencyKey: 'annual' },
      at('2026-11-16T00:00:00Z'),
    );
    expect(invoice).toMatchObject({ subtotalMinor: 204_970, vatMinor: 14_348, totalMinor: 219_318 });
    expect(subscription).toMatchObject({ currentPeriodStart: at('2026-11-16T00:00:00Z'), currentPeriodEnd: at('2027-11-16T00:00:00Z') });
  });

  it('should return the first invoice for a repeated key and refuse the key with another request', async () => {
    const tenantId = randomUUID();
    await subscribe(db, tenantId, { plan: 'STARTER' }, at('2026-11-01T00:00:00Z'));
    const first = await changePlan(db, tenantId, { plan: 'PROFESSIONAL', idempotencyKey: 'k-1' }, at('2026-11-10T00:00:00Z'));
    const again = await changePlan(db, tenantId, { plan: 'PROFESSIONAL', idempotencyKey: 'k-1' }, at('2026-11-11T00:00:00Z'));
    expect(again.invoice!.id).toBe(first.invoice!.id);
    expect(await codeOf(changePlan(db, tenantId, { plan: 'ENTERPRISE', idempotencyKey: 'k-1' }, at('2026-11-12T00:00:00Z')))).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await db.invoice.count({ where: { tenantId } })).toBe(2);
    expect((await db.planSubscription.findFirst({ where: { tenantId } }))!.plan).toBe('PROFESSIONAL');
  });

  it('should create one invoice for concurrent requests with one key', async () => {
    const tenantId = randomUUID();
    await subscribe(db, tenantId, { plan: 'STARTER' }, at('2026-11-01T00:00:00Z'));
    const results = await Promise.all(
      Array.from({ length: 6 }, () => changePlan(db, tenantId, { plan: 'ENTERPRISE', idempotencyKey: 'same' }, at('2026-11-20T00:00:00Z'))),
    );
    expect(new Set(results.map((result) => result.invoice!.id)).size).toBe(1);
    expect(await db.invoice.count({ where: { tenantId } })).toBe(2);
  });

  it('should number invoices without gaps when concurrent requests fail and roll back', async () => {
    const tenantId = randomUUID();
    await subscribe(db, tenantId, { plan: 'STARTER' }, at('2026-11-01T00:00:00Z'));
    // Ten different keys flipping between two plans: every second one finds the plan already set
    // (BAD_USER_INPUT) or succeeds; failures must not leave holes in the numbering.
    const plans = [
      'PROFESSIONAL',
      'PROFESSIONAL',
      'ENTERPRISE',
      'ENTERPRISE',
      'STARTER',
      'PROFESSIONAL',
      'PROFESSIONAL',
      'ENTERPRISE',
      'STARTER',
      'STARTER',
    ] as const;
    await Promise.allSettled(
      plans.map((plan, index) =>
        changePlan(db, tenantId, { plan, idempotencyKey: `flip-${index}` }, at(`2026-11-${String(10 + index).padStart(2, '0')}T00:00:00Z`)),
      ),
    );
    const numbers = (await db.invoice.findMany({ where: { tenantId }, orderBy: { number: 'asc' } })).map((invoice) => invoice.number);
    expect(numbers.length).toBeGreaterThan(1);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, index) => index + 1));
    expect((await db.invoiceCounter.findUnique({ where: { tenantId } }))!.lastNumber).toBe(numbers.length);
  });

  it('should refuse to change or delete an issued invoice or its lines', async () => {
    const { invoice } = await subscribe(db, randomUUID(), { plan: 'STARTER' }, at('2026-11-01T00:00:00Z'));
    await expect(db.invoice.update({ where: { id: invoice!.id }, data: { totalMinor: 1 } })).rejects.toThrow();
    await expect(db.invoiceLine.updateMany({ where: { invoiceId: invoice!.id }, data: { amountMinor: 1 } })).rejects.toThrow();
    await expect(db.invoice.delete({ where: { id: invoice!.id } })).rejects.toThrow();
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice!.id } })).totalMinor).toBe(5_243); // 4900 + 343
  });

  it('should correct an invoice by a credit note at its own VAT rate, once', async () => {
    const tenantId = randomUUID();
    const { invoice } = await subscribe(db, tenantId, { plan: 'PROFESSIONAL' }, at('2026-11-01T00:00:00Z'));
    const note = await issueCreditNote(db, tenantId, { invoiceId: invoice!.id, reason: 'Wrong plan', idempotencyKey: 'cn-1' }, at('2026-11-02T00:00:00Z'));
    expect(note).toMatchObject({
      number: 2,
      kind: 'CREDIT_NOTE',
      creditedInvoiceId: invoice!.id,
      subtotalMinor: -19_900,
      vatMinor: -1_393,
      totalMinor: -21_293,
    });
    expect(await codeOf(issueCreditNote(db, tenantId, { invoiceId: invoice!.id, reason: 'Again', idempotencyKey: 'cn-2' }, at('2026-11-02T00:00:00Z')))).toBe(
      'CONFLICT',
    );
    expect(
      await codeOf(issueCreditNote(db, tenantId, { invoiceId: note.id, reason: 'Credit the credit', idempotencyKey: 'cn-3' }, at('2026-11-02T00:00:00Z'))),
    ).toBe('BAD_USER_INPUT');
    expect(
      await codeOf(issueCreditNote(db, randomUUID(), { invoiceId: invoice!.id, reason: 'Other tenant', idempotencyKey: 'cn-4' }, at('2026-11-02T00:00:00Z'))),
    ).toBe('NOT_FOUND');
  });

  it('should bill overage in the next invoice, and usage arriving late in the one after', async () => {
    const tenantId = randomUUID();
    await subscribe(db, tenantId, { plan: 'STARTER' }, at('2026-11-01T00:00:00Z'));
    for (let device = 1; device <= 12; device += 1) {
      await recordUsage(db, {
        tenantId,
        kind: 'ACTIVE_DEVICE_DAY',
        usageKey: `device:${device}:2026-11-02`,
        quantity: 1,
        occurredAt: at('2026-11-02T08:00:00Z'),
      });
    }
    // A source delivering the same key twice changes nothing.
    expect(
      await recordUsage(db, { tenantId, kind: 'ACTIVE_DEVICE_DAY', usageKey: 'device:12:2026-11-02', quantity: 1, occurredAt: at('2026-11-02T08:00:00Z') }),
    ).toBe(false);
    expect(
      await recordUsage(db, { tenantId, kind: 'TELEMETRY_MESSAGES', usageKey: 'batch-a', quantity: 110_000, occurredAt: at('2026-11-05T00:00:00Z') }),
    ).toBe(true);
    // Upgrade at 16 Nov: credit −2450, PROFESSIONAL half month 9950; STARTER overage so far:
    // 12 − 10 = 2 devices × 300 = 600; 110000 − 100000 = 10000 messages × 50 / 1000 = 500.
    const { invoice } = await changePlan(db, tenantId, { plan: 'PROFESSIONAL', idempotencyKey: 'up' }, at('2026-11-16T00:00:00Z'));
    expect((await linesOf(invoice!.id)).map((line) => line.amountMinor)).toEqual([-2_450, 9_950, 600, 500]);
    // Late: 4000 more November messages arrive in December. Renewal on 1 Dec bills the next month
    // (19900) and what the late messages add to November at the plan now in force
    // (PROFESSIONAL: 114000 is within its 1,000,000 allowance, so nothing more).
    await recordUsage(db, { tenantId, kind: 'TELEMETRY_MESSAGES', usageKey: 'batch-late', quantity: 4_000, occurredAt: at('2026-11-28T00:00:00Z') });
    expect(await codeOf(renewSubscription(db, tenantId, { idempotencyKey: 'renew-early' }, at('2026-11-30T00:00:00Z')))).toBe('BAD_USER_INPUT');
    // Between the period's end and its renewal nothing is left to prorate: a change is refused.
    expect(await codeOf(changePlan(db, tenantId, { plan: 'ENTERPRISE', idempotencyKey: 'too-late' }, at('2026-12-01T00:01:00Z')))).toBe('BAD_USER_INPUT');
    const renewal = await renewSubscription(db, tenantId, { idempotencyKey: 'renew-dec' }, at('2026-12-01T00:05:00Z'));
    expect((await linesOf(renewal.invoice!.id)).map((line) => line.amountMinor)).toEqual([19_900]);
    expect(renewal.subscription).toMatchObject({ currentPeriodStart: at('2026-12-01T00:00:00Z'), currentPeriodEnd: at('2027-01-01T00:00:00Z') });
    expect(await db.usageRecord.count({ where: { tenantId, invoiceId: null } })).toBe(0);
  });

  it('should bill late usage above the allowance in the next invoice', async () => {
    const tenantId = randomUUID();
    await subscribe(db, tenantId, { plan: 'STARTER' }, at('2026-11-01T00:00:00Z'));
    await recordUsage(db, { tenantId, kind: 'TELEMETRY_MESSAGES', usageKey: 'nov-1', quantity: 110_000, occurredAt: at('2026-11-20T00:00:00Z') });
    // Before the period ends, the tenant can see what its end will bring; nothing is issued.
    const preview = await previewNextInvoice(db, tenantId, at('2026-11-25T00:00:00Z'));
    // 4900 + 500 = 5400; VAT 378; total 5778.
    expect(preview).toMatchObject({ subtotalMinor: 5_400, vatMinor: 378, totalMinor: 5_778 });
    expect(await db.invoice.count({ where: { tenantId } })).toBe(1);
    const first = await renewSubscription(db, tenantId, { idempotencyKey: 'r-1' }, at('2026-12-01T00:00:00Z'));
    // 4900 for December + November's 10000 extra messages (500).
    expect((await linesOf(first.invoice!.id)).map((line) => line.amountMinor)).toEqual([4_900, 500]);
    await recordUsage(db, { tenantId, kind: 'TELEMETRY_MESSAGES', usageKey: 'nov-late', quantity: 4_000, occurredAt: at('2026-11-29T00:00:00Z') });
    const second = await cancelSubscription(db, tenantId, { atPeriodEnd: false, idempotencyKey: 'stop' }, at('2026-12-16T12:00:00Z'));
    // Cancel on 16 Dec 12:00: December has 31 days = 2,678,400 s; 15.5 days = 1,339,200 s left.
    // Credit 4900 × 1339200 / 2678400 = 2450 → −2450. Late November messages: 114000 → 14000
    // above = 700, less 500 billed = 200. Subtotal −2250, VAT −157.5 → −158 (even), total −2408.
    expect((await linesOf(second.invoice!.id)).map((line) => line.amountMinor)).toEqual([-2_450, 200]);
    expect(second.invoice).toMatchObject({ kind: 'CREDIT_NOTE', totalMinor: -2_408 });
    expect(second.subscription).toMatchObject({ status: 'CANCELED', canceledAt: at('2026-12-16T12:00:00Z') });
  });

  it('should end a subscription scheduled to cancel at its period end, with no invoice until then', async () => {
    const tenantId = randomUUID();
    await subscribe(db, tenantId, { plan: 'STARTER' }, at('2026-11-01T00:00:00Z'));
    const scheduled = await cancelSubscription(db, tenantId, { atPeriodEnd: true, idempotencyKey: 'later' }, at('2026-11-05T00:00:00Z'));
    expect(scheduled).toMatchObject({ invoice: null, subscription: { status: 'ACTIVE', cancelAtPeriodEnd: true } });
    const ended = await renewSubscription(db, tenantId, { idempotencyKey: 'end' }, at('2026-12-01T00:00:00Z'));
    expect(ended.subscription).toMatchObject({ status: 'CANCELED', canceledAt: at('2026-12-01T00:00:00Z') });
    expect(ended.invoice).toMatchObject({ subtotalMinor: 0, totalMinor: 0 });
    expect(await codeOf(changePlan(db, tenantId, { plan: 'ENTERPRISE', idempotencyKey: 'x' }, at('2026-12-02T00:00:00Z')))).toBe('NOT_FOUND');
  });

  it('should invoice in the profile’s country and currency, with VAT rates by effective date', async () => {
    const tenantId = randomUUID();
    await setBillingProfile(db, tenantId, { country: 'sg', currency: 'thb' }, at('2026-11-01T00:00:00Z'));
    // Singapore 9 % from 2024; an admin adds 10 % from 2027-01-01.
    await setVatRate(db, { country: 'SG', rateBasisPoints: 1_000, effectiveFrom: '2027-01-01' });
    const { invoice } = await subscribe(db, tenantId, { plan: 'STARTER' }, at('2026-12-31T23:59:59Z'));
    // 169000 satang × 9 % = 15210.
    expect(invoice).toMatchObject({ currency: 'THB', vatCountry: 'SG', vatRateBasisPoints: 900, vatMinor: 15_210 });
    const { invoice: upgrade } = await changePlan(db, tenantId, { plan: 'PROFESSIONAL', idempotencyKey: 'sg-up' }, at('2027-01-01T00:00:00Z'));
    expect(upgrade!.vatRateBasisPoints).toBe(1_000);
    expect(await codeOf(setBillingProfile(db, tenantId, { country: 'FR', currency: 'USD' }, at('2026-11-01T00:00:00Z')))).toBe('BAD_USER_INPUT');
    expect(await codeOf(setBillingProfile(db, tenantId, { country: 'TH', currency: 'JPY' }, at('2026-11-01T00:00:00Z')))).toBe('BAD_USER_INPUT');
  });

  it('should record partial and full payments and refunds, never more than due or paid', async () => {
    const tenantId = randomUUID();
    const { invoice } = await subscribe(db, tenantId, { plan: 'STARTER' }, at('2026-11-01T00:00:00Z'));
    const pay = (amountMinor: number, reference: string) =>
      inPaymentTransaction(db, (tx) =>
        recordPaymentIn(tx, tenantId, { invoiceId: invoice!.id, amountMinor, currency: 'USD', reference }, at('2026-11-02T00:00:00Z')).then(
          (write) => write.payment,
        ),
      );
    const first = await pay(2_000, 'bank-1');
    expect(await pay(2_000, 'bank-1')).toMatchObject({ id: first.id }); // the same payment reported twice
    expect(await codeOf(pay(2_001, 'bank-1'))).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await codeOf(pay(3_244, 'bank-2'))).toBe('BAD_USER_INPUT'); // 5243 − 2000 = 3243 due
    await pay(3_243, 'bank-2');
    const refund = (amountMinor: number, reference: string) =>
      inPaymentTransaction(db, (tx) =>
        refundPaymentIn(tx, tenantId, { paymentId: first.id, amountMinor, reference }, at('2026-11-03T00:00:00Z')).then((write) => write.payment),
      );
    await refund(1_500, 'refund-1');
    expect(await codeOf(refund(501, 'refund-2'))).toBe('BAD_USER_INPUT');
    await refund(500, 'refund-2');
    const sums = await db.payment.groupBy({ by: ['kind'], where: { invoiceId: invoice!.id }, _sum: { amountMinor: true }, orderBy: { kind: 'asc' } });
    expect(sums.map((row) => [row.kind, row._sum.amountMinor])).toEqual([
      ['PAYMENT', 5_243],
      ['REFUND', 2_000],
    ]);
  });
});

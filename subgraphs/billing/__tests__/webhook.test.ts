import { randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '../../../lib/db/database';
import { createHttpService, type HttpService } from '../../../lib/http/service';
import { createLogger } from '../../../lib/logger';
import { migratedDatabase } from '../../../tests/support/database';
import { backends } from '../../../tests/support/postgres';
import { WEBHOOK_PATH, mountPaymentWebhook } from '../payments/webhook';
import { SIGNATURE_HEADER, signWebhook, verifyWebhookSignature } from '../payments/webhookSignature';
import { subscribe } from '../subscriptions/subscriptionChanges';

const SECRET = randomBytes(32).toString('hex');
const NOW = new Date('2026-11-25T10:00:00Z');
const nowSeconds = NOW.getTime() / 1000;

describe('webhook signatures', () => {
  const body = Buffer.from('{"id":"evt_1"}');

  it('should accept the provider’s signature within five minutes either way', () => {
    expect(verifyWebhookSignature(SECRET, body, signWebhook(SECRET, body, nowSeconds - 300), NOW)).toEqual({ ok: true });
    expect(verifyWebhookSignature(SECRET, body, signWebhook(SECRET, body, nowSeconds + 300), NOW)).toEqual({ ok: true });
  });
  it('should refuse a stale timestamp, another secret, a changed body and a malformed header', () => {
    expect(verifyWebhookSignature(SECRET, body, signWebhook(SECRET, body, nowSeconds - 301), NOW)).toEqual({ ok: false, reason: 'stale' });
    expect(verifyWebhookSignature(SECRET, body, signWebhook('another secret', body, nowSeconds), NOW)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyWebhookSignature(SECRET, Buffer.from('{"id":"evt_2"}'), signWebhook(SECRET, body, nowSeconds), NOW)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    for (const header of [undefined, '', 't=abc,v1=00', `t=${nowSeconds}`, `t=${nowSeconds},v1=${'0'.repeat(63)}`]) {
      expect(verifyWebhookSignature(SECRET, body, header, NOW)).toEqual({ ok: false, reason: 'malformed' });
    }
  });
});

describe.each(backends())('the payment webhook on %s', (backend) => {
  let database: { db: Database; close(): Promise<void> };
  let configured: HttpService;
  let unconfigured: HttpService;
  let url: string;
  let unconfiguredUrl: string;
  const tenantId = randomUUID();
  let invoiceId: string;

  beforeAll(async () => {
    database = await migratedDatabase(backend);
    const log = createLogger('silent');
    configured = createHttpService('billing-test');
    mountPaymentWebhook(configured.app, { db: database.db.prisma, log, secret: SECRET, now: () => NOW });
    unconfigured = createHttpService('billing-test-unconfigured');
    mountPaymentWebhook(unconfigured.app, { db: database.db.prisma, log, secret: undefined, now: () => NOW });
    url = `http://127.0.0.1:${await configured.listen(0, '127.0.0.1', 'TEST_PORT')}${WEBHOOK_PATH}`;
    unconfiguredUrl = `http://127.0.0.1:${await unconfigured.listen(0, '127.0.0.1', 'TEST_PORT')}${WEBHOOK_PATH}`;
    // 4900 + 7 % VAT = 5243 due.
    invoiceId = (await subscribe(database.db.prisma, tenantId, { plan: 'STARTER' }, NOW)).invoice!.id;
  });
  afterAll(async () => {
    await configured?.stop();
    await unconfigured?.stop();
    await database?.close();
  });

  const paymentEvent = (id: string, amountMinor: number) =>
    JSON.stringify({ id, type: 'payment.succeeded', data: { tenantId, invoiceId, amountMinor, currency: 'USD', reference: `provider-${id}` } });
  const post = (body: string, signature: string | undefined, target = url) =>
    fetch(target, { method: 'POST', headers: { 'content-type': 'application/json', ...(signature ? { [SIGNATURE_HEADER]: signature } : {}) }, body });
  const paidMinor = async () => (await database.db.prisma.payment.aggregate({ where: { invoiceId }, _sum: { amountMinor: true } }))._sum.amountMinor ?? 0;

  it('should answer 503 and change nothing while no signing secret is configured', async () => {
    const body = paymentEvent('evt_unconfigured', 100);
    const response = await post(body, signWebhook(SECRET, body, nowSeconds), unconfiguredUrl);
    expect(response.status).toBe(503);
    expect(await paidMinor()).toBe(0);
  });

  it('should change nothing for a bad signature, a stale timestamp or no signature', async () => {
    const body = paymentEvent('evt_forged', 1_000);
    expect((await post(body, signWebhook('not the secret', body, nowSeconds))).status).toBe(401);
    expect((await post(body, signWebhook(SECRET, body, nowSeconds - 301))).status).toBe(400);
    expect((await post(body, undefined)).status).toBe(401);
    expect(await paidMinor()).toBe(0);
    expect(await database.db.prisma.webhookEvent.count()).toBe(0);
  });

  it('should apply a signed event once and answer a replay of its id without changing anything', async () => {
    const body = paymentEvent('evt_1', 1_000);
    const first = await post(body, signWebhook(SECRET, body, nowSeconds));
    expect([first.status, await first.json()]).toEqual([200, { status: 'processed' }]);
    const replay = await post(body, signWebhook(SECRET, body, nowSeconds + 10));
    expect([replay.status, await replay.json()]).toEqual([200, { status: 'duplicate' }]);
    // The same event id with another amount is still the same event: nothing more is paid.
    const altered = paymentEvent('evt_1', 2_000);
    expect(await (await post(altered, signWebhook(SECRET, altered, nowSeconds))).json()).toEqual({ status: 'duplicate' });
    expect(await paidMinor()).toBe(1_000);
  });

  it('should process concurrent deliveries of one event exactly once', async () => {
    const body = paymentEvent('evt_concurrent', 500);
    const responses = await Promise.all(Array.from({ length: 5 }, () => post(body, signWebhook(SECRET, body, nowSeconds))));
    const statuses = await Promise.all(responses.map(async (response) => ((await response.json()) as { status: string }).status));
    expect(statuses.filter((status) => status === 'processed')).toHaveLength(1);
    expect(await paidMinor()).toBe(1_500);
  });

  it('should refuse with 422 and record nothing for an event that cannot apply (more than is due, unknown invoice)', async () => {
    const tooMuch = paymentEvent('evt_overpay', 5_000); // 5243 − 1500 = 3743 due
    expect((await post(tooMuch, signWebhook(SECRET, tooMuch, nowSeconds))).status).toBe(422);
    const elsewhere = JSON.stringify({
      id: 'evt_other',
      type: 'payment.succeeded',
      data: { tenantId: randomUUID(), invoiceId, amountMinor: 1, currency: 'USD', reference: 'x' },
    });
    expect((await post(elsewhere, signWebhook(SECRET, elsewhere, nowSeconds))).status).toBe(422);
    const notAnEvent = '{"hello":"world"}';
    expect((await post(notAnEvent, signWebhook(SECRET, notAnEvent, nowSeconds))).status).toBe(400);
    expect(await paidMinor()).toBe(1_500);
    expect(await database.db.prisma.webhookEvent.count({ where: { eventId: { in: ['evt_overpay', 'evt_other'] } } })).toBe(0);
  });

  it('should record a refund event against its payment', async () => {
    const payment = await database.db.prisma.payment.findFirstOrThrow({ where: { reference: 'provider-evt_1' } });
    const body = JSON.stringify({
      id: 'evt_refund',
      type: 'payment.refunded',
      data: { tenantId, paymentId: payment.id, amountMinor: 400, reference: 'provider-refund-1' },
    });
    expect((await post(body, signWebhook(SECRET, body, nowSeconds))).status).toBe(200);
    const refund = await database.db.prisma.payment.findFirstOrThrow({ where: { reference: 'provider-refund-1' } });
    expect(refund).toMatchObject({ kind: 'REFUND', amountMinor: 400, refundedPaymentId: payment.id });
  });
});

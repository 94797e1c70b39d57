import { randomUUID } from 'node:crypto';
import { appendEvent } from '../lib/events/outbox';
import { READINGS_STORED, type ReadingEvent } from '../lib/events/topics';
import { PUSH_TTL_SECONDS } from '../subgraphs/telemetry/notifications/pushSender';
import { backends } from './support/postgres';
import { browserKeys, decryptPushMessage, startPushService, type BrowserKeys } from './support/pushService';
import { inviteAndLogIn, tenantWithAdmin } from './support/sessions';
import { errorCode, startTestSystem, type TestSystem } from './support/testSystem';
import { waitFor } from './support/waitFor';

const REGISTER = `mutation ($input: RegisterPushSubscriptionInput!) { registerPushSubscription(input: $input) { id channel address deviceLabel language minSeverity farm { id } } }`;
const MINE = `{ myNotificationSubscriptions { id channel address deviceLabel } }`;
const DELIVERIES = `{ notificationDeliveries(first: 20) { id channel status attempts lastError alert { id } } }`;

describe.each(backends())('Web Push to a real push service on %s', (backend) => {
  let farmiq: TestSystem;
  let push: Awaited<ReturnType<typeof startPushService>>;

  beforeAll(async () => {
    push = await startPushService();
    // The push service runs on this machine: the operator allows exactly its address (as for webhooks).
    farmiq = await startTestSystem(backend, { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' });
  }, 180_000);
  afterAll(async () => {
    await farmiq?.stop();
    await push?.close();
  });

  /** A tenant with a Bangkok farm and a barn, and an operator who wants alerts. */
  async function farmWithOperator() {
    const tenant = await tenantWithAdmin(farmiq, `Pushed ${randomUUID().slice(0, 6)}`);
    const admin = farmiq.as(tenant.admin.accessToken);
    const farmId = (await admin('mutation { createFarm(input: { name: "Riverside", timeZone: "Asia/Bangkok" }) { id } }')).data!.createFarm.id as string;
    const barn = async (name: string) =>
      (
        await admin('mutation ($f: ID!, $n: String!) { createBarn(input: { farmId: $f, name: $n, species: BROILER, capacityHead: 20000 }) { id } }', {
          f: farmId,
          n: name,
        })
      ).data!.createBarn.id as string;
    const operator = await inviteAndLogIn(farmiq, tenant.admin.accessToken, tenant.tenantId, 'OPERATOR');
    return { tenant, admin, farmId, barn, operator, asOperator: farmiq.as(operator.accessToken) };
  }

  /** Ammonia at 35 ppm for 11 minutes in the barn from `start` (UTC), as ingest announces stored readings. */
  async function raiseAmmonia(tenantId: string, farmId: string, barnId: string, start: Date) {
    const readings: ReadingEvent[] = [0, 11].map((minutes) => {
      const observedAt = new Date(start.getTime() + minutes * 60_000).toISOString();
      return {
        tenantId,
        farmId,
        barnId,
        deviceId: randomUUID(),
        eventId: randomUUID(),
        metric: 'ammoniaPpm',
        value: 35,
        unit: 'ppm',
        observedAt,
        receivedAt: observedAt,
      };
    });
    await farmiq.system.database!.sql.transaction((tx) => appendEvent(tx, READINGS_STORED, { readings }));
  }

  const subscriptionInput = (endpoint: string, keys: BrowserKeys, extra: Record<string, unknown> = {}) => ({
    endpoint,
    p256dh: keys.p256dh,
    auth: keys.auth,
    ...extra,
  });

  it('should encrypt a critical alert to the browser, signed with the VAPID key the dashboard subscribed with, in the person language and farm time', async () => {
    const place = await farmWithOperator();
    const barnId = await place.barn('House 1');
    const publicKey = (await place.asOperator('{ webPushPublicKey }')).data!.webPushPublicKey as string;
    expect(publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);

    const phone = browserKeys();
    const endpoint = push.endpoint();
    const registered = await place.asOperator(REGISTER, {
      input: subscriptionInput(endpoint.url, phone, { language: 'TH', farmId: place.farmId, minSeverity: 'CRITICAL', deviceLabel: 'Phone in the barn' }),
    });
    expect(registered.errors).toBeUndefined();
    expect(registered.data!.registerPushSubscription).toMatchObject({
      channel: 'PUSH',
      address: endpoint.url,
      deviceLabel: 'Phone in the barn',
      language: 'TH',
      minSeverity: 'CRITICAL',
      farm: { id: place.farmId },
    });
    // Registering the same browser again replaces it: one row, one buzz per alert.
    const again = await place.asOperator(REGISTER, {
      input: subscriptionInput(endpoint.url, phone, { language: 'TH', farmId: place.farmId, minSeverity: 'CRITICAL', deviceLabel: 'Phone in the barn' }),
    });
    expect(again.errors).toBeUndefined();
    expect((await place.asOperator(MINE)).data!.myNotificationSubscriptions).toEqual([
      { id: again.data!.registerPushSubscription.id, channel: 'PUSH', address: endpoint.url, deviceLabel: 'Phone in the barn' },
    ]);
    // The admin's own list does not show the operator's browser.
    expect((await place.admin(MINE)).data!.myNotificationSubscriptions).toEqual([]);

    // Raised at 08:11 Bangkok (01:11 UTC) on 20 Nov 2026.
    await raiseAmmonia(place.tenant.tenantId, place.farmId, barnId, new Date(Date.UTC(2026, 10, 20, 1, 0)));
    const [message] = await waitFor(() => {
      const arrived = push.to(endpoint.id);
      if (arrived.length !== 1) throw new Error(`${arrived.length} push messages arrived`);
      return arrived;
    }, 30_000);

    // What a push service checks before it accepts the message (RFC 8292, RFC 8030).
    expect(message!.status).toBe(201);
    expect(message!.vapid).toEqual({ aud: push.origin, exp: expect.any(Number), sub: expect.stringMatching(/^mailto:/), k: publicKey });
    expect(message!.headers).toMatchObject({
      'content-encoding': 'aes128gcm',
      'content-type': 'application/octet-stream',
      ttl: String(PUSH_TTL_SECONDS),
      urgency: 'high',
    });

    // What the browser decrypts with its own keys (RFC 8291) and hands to the service worker.
    const shown = JSON.parse(decryptPushMessage(message!.body, phone).toString('utf8'));
    const alertId = (await place.admin('query ($f: ID!) { alerts(farmId: $f) { nodes { id } } }', { f: place.farmId })).data!.alerts.nodes[0].id as string;
    expect(shown).toEqual({
      title: '[วิกฤต] แอมโมเนียสูง เกิดขึ้น',
      body: expect.stringMatching(/^เวลา \(ฟาร์ม\): 20 .+ 2569 08:11 Asia\/Bangkok\nค่าล่าสุด: 35\nค่าที่แย่ที่สุด: 35\nเกณฑ์: 25$/),
      lang: 'th',
      tag: alertId,
      url: `/farms/${place.farmId}/alerts`,
      severity: 'CRITICAL',
    });
    // Another browser's keys cannot read it.
    expect(() => decryptPushMessage(message!.body, browserKeys())).toThrow();

    const deliveries = (await place.admin(DELIVERIES)).data!.notificationDeliveries as Array<Record<string, any>>;
    expect(deliveries.map((d) => [d.channel, d.status, d.attempts, d.alert.id])).toEqual([['PUSH', 'DELIVERED', 1, alertId]]);

    // Switching the toggle off removes the browser; a second time there is nothing left.
    expect(
      (await place.asOperator('mutation ($e: String!) { unregisterPushSubscription(endpoint: $e) }', { e: endpoint.url })).data!.unregisterPushSubscription,
    ).toBe(true);
    expect(
      (await place.asOperator('mutation ($e: String!) { unregisterPushSubscription(endpoint: $e) }', { e: endpoint.url })).data!.unregisterPushSubscription,
    ).toBe(false);
    expect((await place.asOperator(MINE)).data!.myNotificationSubscriptions).toEqual([]);
  });

  it('should remove a subscription the push service answers 410 Gone for, and record the delivery as failed with the reason', async () => {
    const place = await farmWithOperator();
    const barnId = await place.barn('House 2');
    const phone = browserKeys();
    const gone = push.endpoint(410);
    const registered = await place.asOperator(REGISTER, { input: subscriptionInput(gone.url, phone, { farmId: place.farmId }) });
    expect(registered.errors).toBeUndefined();

    await raiseAmmonia(place.tenant.tenantId, place.farmId, barnId, new Date(Date.UTC(2026, 10, 21, 1, 0)));
    const deliveries = await waitFor(async () => {
      const log = (await place.admin(DELIVERIES)).data!.notificationDeliveries as Array<Record<string, any>>;
      if (log[0]?.status !== 'FAILED') throw new Error(`delivery is ${log[0]?.status}`);
      return log;
    }, 30_000);
    expect(deliveries.map((d) => [d.channel, d.status, d.attempts, d.lastError])).toEqual([
      ['PUSH', 'FAILED', 1, "the push service answered HTTP 410: the browser's subscription is gone and was removed"],
    ]);
    expect(push.to(gone.id).map((message) => message.status)).toEqual([410]);
    expect((await place.asOperator(MINE)).data!.myNotificationSubscriptions).toEqual([]);
  });

  it('should refuse endpoints in private networks, keys that are not P-256 or 16 bytes, and another tenant farm, storing nothing', async () => {
    const place = await farmWithOperator();
    const phone = browserKeys();
    for (const [endpoint, address] of [
      ['http://169.254.169.254/latest/meta-data/', '169.254.169.254'],
      ['http://localhost:4000/graphql', 'localhost'],
      ['https://10.0.0.7/push/1', '10.0.0.7'],
      ['http://[::ffff:127.0.0.1]/push/1', '::ffff:7f00:1'],
    ]) {
      const refused = await place.asOperator(REGISTER, { input: subscriptionInput(endpoint!, phone) });
      expect([endpoint, errorCode(refused)]).toEqual([endpoint, 'BAD_USER_INPUT']);
      expect(refused.errors![0]!.message).toContain(address);
    }
    expect(errorCode(await place.asOperator(REGISTER, { input: subscriptionInput('ftp://push.example/1', phone) }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await place.asOperator(REGISTER, { input: subscriptionInput('https://user:pw@push.example/1', phone) }))).toBe('BAD_USER_INPUT');
    const notOnCurve = Buffer.alloc(65, 1);
    notOnCurve[0] = 4;
    expect(
      errorCode(await place.asOperator(REGISTER, { input: { ...subscriptionInput(push.endpoint().url, phone), p256dh: notOnCurve.toString('base64url') } })),
    ).toBe('BAD_USER_INPUT');
    expect(
      errorCode(await place.asOperator(REGISTER, { input: { ...subscriptionInput(push.endpoint().url, phone), auth: Buffer.alloc(8).toString('base64url') } })),
    ).toBe('BAD_USER_INPUT');
    expect(errorCode(await place.asOperator(REGISTER, { input: subscriptionInput(push.endpoint().url, phone, { deviceLabel: 'x'.repeat(101) }) }))).toBe(
      'BAD_USER_INPUT',
    );
    expect((await place.asOperator(MINE)).data!.myNotificationSubscriptions).toEqual([]);

    const other = await tenantWithAdmin(farmiq, `Other ${randomUUID().slice(0, 6)}`);
    expect(
      errorCode(await farmiq.as(other.admin.accessToken)(REGISTER, { input: subscriptionInput(push.endpoint().url, phone, { farmId: place.farmId }) })),
    ).toBe('NOT_FOUND');
    expect(errorCode(await farmiq.graphql('{ webPushPublicKey }'))).toBe('UNAUTHENTICATED');
  });
});

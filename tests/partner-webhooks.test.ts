import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { verifyWebhookSignature } from '../lib/crypto/webhookSignature';
import { appendEvent } from '../lib/events/outbox';
import { READINGS_STORED, type ReadingEvent } from '../lib/events/topics';
import { partitionKeeper } from '../subgraphs/telemetry/ingest/partitions';
import { backends } from './support/postgres';
import { tenantWithAdmin } from './support/sessions';
import { startTestSystem, type TestSystem } from './support/testSystem';
import { waitFor } from './support/waitFor';

interface Received {
  deliveryIdHeader: string | undefined;
  signature: 'ok' | string;
  body: { deliveryId: string; eventId: string; type: string; tenantId: string; occurredAt: string; data: Record<string, any> };
}

/** A partner's endpoint: a real HTTP server that checks each POST's signature as a partner would; `failNext` answers 500 to the next one of a type. */
async function startReceiver(secretOf: () => string) {
  const received: Received[] = [];
  const failNext = new Set<string>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const check = verifyWebhookSignature(secretOf(), raw, req.headers['farmiq-signature'] as string | undefined, new Date());
      const body = JSON.parse(raw.toString('utf8')) as Received['body'];
      received.push({ deliveryIdHeader: req.headers['farmiq-delivery-id'] as string | undefined, signature: check.ok ? 'ok' : check.reason, body });
      if (failNext.delete(body.type)) {
        res.writeHead(500).end();
        return;
      }
      res.writeHead(check.ok ? 204 : 401).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/farmiq`,
    received,
    failNext,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // the sender's kept-alive sockets would hold the close open
      }),
  };
}

const ALL_EVENTS = ['ALERT_RAISED', 'ALERT_CLEARED', 'BATCH_CLOSED', 'INVOICE_ISSUED'];

describe.each(backends())('partner webhooks on %s', (backend) => {
  let farmiq: TestSystem;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let secret = '';
  let partner: TestSystem['graphql'];
  let ensurePartitions: ReturnType<typeof partitionKeeper>;
  const a = { tenantId: '', admin: undefined as unknown as TestSystem['graphql'], granted: { farm: '', barn: '' }, other: { farm: '', barn: '' }, grantId: '' };
  const b = { tenantId: '', admin: undefined as unknown as TestSystem['graphql'], farm: { farm: '', barn: '' } };
  let minute = 0;

  async function farmWithBarn(admin: TestSystem['graphql'], name: string) {
    const farm = (await admin('mutation ($n: String!) { createFarm(input: { name: $n, timeZone: "UTC" }) { id } }', { n: name })).data!.createFarm.id as string;
    const barn = (
      await admin('mutation ($f: ID!) { createBarn(input: { farmId: $f, name: "House 1", species: BROILER, capacityHead: 100 }) { id } }', { f: farm })
    ).data!.createBarn.id as string;
    await admin(
      'mutation ($b: ID!) { createAlertRule(input: { barnId: $b, metric: "temperatureC", comparison: ABOVE, threshold: 32, clearThreshold: 30 }) { id } }',
      { b: barn },
    );
    return { farm, barn };
  }

  /** A temperature reading stored and announced as ingest does; the alert evaluator consumes it from the outbox. */
  async function temperature(tenantId: string, place: { farm: string; barn: string }, value: number) {
    minute += 1;
    const observedAt = new Date(Date.UTC(2026, 10, 29, 8, minute)).toISOString();
    const event: ReadingEvent = {
      tenantId,
      farmId: place.farm,
      barnId: place.barn,
      deviceId: randomUUID(),
      eventId: randomUUID(),
      metric: 'temperatureC',
      unit: '°C',
      value,
      observedAt,
      receivedAt: observedAt,
    };
    await ensurePartitions([new Date(observedAt)]);
    const sql = farmiq.system.database!.sql;
    await sql.query(
      `INSERT INTO "telemetry"."reading" (device_id, metric, observed_at, event_id, tenant_id, farm_id, barn_id, value, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $3)`,
      [event.deviceId, event.metric, observedAt, event.eventId, tenantId, place.farm, place.barn, value],
    );
    await sql.transaction((tx) => appendEvent(tx, READINGS_STORED, { readings: [event] }));
  }

  async function closeBatch(admin: TestSystem['graphql'], place: { farm: string; barn: string }) {
    const batch = (
      await admin(
        'mutation ($f: ID!, $b: ID) { placeBatch(input: { farmId: $f, barnId: $b, species: BROILER, placedOn: "2026-10-01", headCountPlaced: 10, placementWeightKg: 0.04 }) { id } }',
        { f: place.farm, b: place.barn },
      )
    ).data!.placeBatch.id as string;
    const depleted = await admin(
      'mutation ($id: ID!) { recordDepletion(input: { batchId: $id, depletedOn: "2026-11-10", headCount: 10, totalLiveWeightKg: 25 }) { id } }',
      { id: batch },
    );
    expect(depleted.errors).toBeUndefined();
    return batch;
  }

  const deliveries = async () =>
    (await partner('{ partnerWebhookDeliveries(first: 100) { id eventId eventType tenantId status attempts lastError } }')).data!
      .partnerWebhookDeliveries as Array<{
      id: string;
      eventId: string;
      eventType: string;
      tenantId: string;
      status: string;
      attempts: number;
      lastError: string | null;
    }>;

  beforeAll(async () => {
    // The receiver is on this machine: the operator allows exactly its address (webhooks reach public addresses only).
    farmiq = await startTestSystem(backend, { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' });
    ensurePartitions = partitionKeeper(farmiq.system.database!.sql);
    receiver = await startReceiver(() => secret);

    const mill = await tenantWithAdmin(farmiq, 'Integrator Co');
    const created = await farmiq.as(mill.admin.accessToken)(
      'mutation { createApiClient(input: { name: "Integrator", scopes: [FARMS_READ, KPI_READ, TELEMETRY_READ, BILLING_READ] }) { client { id } clientSecret } }',
    );
    const { client, clientSecret } = created.data!.createApiClient;
    const token = await farmiq.graphql('mutation ($id: ID!, $s: String!) { issueClientToken(clientId: $id, clientSecret: $s) { accessToken } }', {
      id: client.id,
      s: clientSecret,
    });
    partner = farmiq.as(token.data!.issueClientToken.accessToken);

    const tenantA = await tenantWithAdmin(farmiq, 'Webhook Farm A');
    Object.assign(a, { tenantId: tenantA.tenantId, admin: farmiq.as(tenantA.admin.accessToken) });
    a.granted = await farmWithBarn(a.admin, 'A granted');
    a.other = await farmWithBarn(a.admin, 'A not granted');
    const tenantB = await tenantWithAdmin(farmiq, 'Webhook Farm B');
    Object.assign(b, { tenantId: tenantB.tenantId, admin: farmiq.as(tenantB.admin.accessToken) });
    b.farm = await farmWithBarn(b.admin, 'B');
    const grant = await a.admin(
      'mutation ($c: ID!, $f: ID!) { grantPartnerAccess(input: { clientId: $c, farmIds: [$f], scopes: [TELEMETRY_READ, KPI_READ, BILLING_READ] }) { id } }',
      { c: client.id, f: a.granted.farm },
    );
    a.grantId = grant.data!.grantPartnerAccess.id;

    const webhook = await partner(
      'mutation ($u: String!, $e: [PartnerEventType!]!) { createPartnerWebhook(input: { url: $u, events: $e }) { secret webhook { id events } } }',
      { u: receiver.url, e: ALL_EVENTS },
    );
    expect(webhook.errors).toBeUndefined();
    secret = webhook.data!.createPartnerWebhook.secret;
  }, 180_000);
  afterAll(async () => {
    await farmiq?.stop();
    await receiver?.close();
  });

  it("delivers, signed, the granted farm's alerts, its closed batch and the tenant's invoice, and nothing of other farms or tenants", async () => {
    receiver.failNext.add('batch.closed');
    // Everything happens in A's granted farm, A's other farm and tenant B alike.
    for (const [tenantId, place] of [
      [a.tenantId, a.granted],
      [a.tenantId, a.other],
      [b.tenantId, b.farm],
    ] as const)
      await temperature(tenantId, place, 35);
    await temperature(a.tenantId, a.granted, 25);
    const batchOfA = await closeBatch(a.admin, a.granted);
    await closeBatch(a.admin, a.other);
    await closeBatch(b.admin, b.farm);
    for (const admin of [a.admin, b.admin])
      expect((await admin('mutation { subscribe(input: { plan: STARTER, idempotencyKey: "start" }) { id } }')).errors).toBeUndefined();

    const types = () => [...new Set(receiver.received.map((r) => r.body.type))].sort();
    await waitFor(() => expect(types()).toEqual(['alert.cleared', 'alert.raised', 'batch.closed', 'invoice.issued']), 30_000, 200);
    // A moment more for anything that should not come (other farm, other tenant).
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(receiver.received.every((r) => r.signature === 'ok' && r.body.tenantId === a.tenantId)).toBe(true);
    expect(receiver.received.every((r) => r.deliveryIdHeader === r.body.deliveryId)).toBe(true);
    const farms = receiver.received.map((r) => (r.body.data.alert ?? r.body.data.batch)?.farmId).filter(Boolean);
    expect(new Set(farms)).toEqual(new Set([a.granted.farm]));
    expect(receiver.received.find((r) => r.body.type === 'batch.closed')!.body.data.batch).toMatchObject({ id: batchOfA, headCountPlaced: 10 });
    expect(receiver.received.find((r) => r.body.type === 'invoice.issued')!.body.data.invoice).toMatchObject({ number: 1, kind: 'INVOICE' });

    // The failed batch.closed is in the log, waiting for its retry (30 s after the first try).
    const log = await deliveries();
    expect(log.map((d) => d.eventType).sort()).toEqual(['ALERT_CLEARED', 'ALERT_RAISED', 'BATCH_CLOSED', 'INVOICE_ISSUED']);
    const failed = log.find((d) => d.eventType === 'BATCH_CLOSED')!;
    expect(failed).toMatchObject({ status: 'PENDING', attempts: 1, lastError: 'HTTP 500', tenantId: a.tenantId });
    expect(log.filter((d) => d.eventType !== 'BATCH_CLOSED').every((d) => d.status === 'DELIVERED' && d.attempts === 1)).toBe(true);

    // Its retry time comes (moved forward here instead of waiting 30 s): the same delivery and event id again.
    await farmiq.system.database!.sql.query(`UPDATE "identity"."partner_webhook_delivery" SET next_attempt_at = now() WHERE id = $1`, [failed.id]);
    await waitFor(async () => expect((await deliveries()).find((d) => d.id === failed.id)).toMatchObject({ status: 'DELIVERED', attempts: 2 }), 15_000, 200);
    const tries = receiver.received.filter((r) => r.body.type === 'batch.closed');
    expect(tries).toHaveLength(2);
    expect(tries[1]!.body.deliveryId).toBe(tries[0]!.body.deliveryId);
    expect(tries[1]!.body.eventId).toBe(failed.eventId);
    expect(tries[1]!.signature).toBe('ok');
  }, 90_000);

  it('stops telling a partner about a tenant that revoked its grant', async () => {
    const before = receiver.received.length;
    expect((await a.admin('mutation ($id: ID!) { revokePartnerAccess(id: $id) { revokedAt } }', { id: a.grantId })).errors).toBeUndefined();
    await temperature(a.tenantId, a.granted, 36);
    await closeBatch(a.admin, a.granted);
    // The alert and the batch reach the outbox; with the grant gone nobody is to be told.
    await waitFor(
      async () => {
        const [row] = await farmiq.system.database!.sql.query<{ n: string }>(
          `SELECT count(*)::text AS n FROM "telemetry"."alert" WHERE farm_id = $1 AND status = 'ACTIVE'`,
          [a.granted.farm],
        );
        expect(row!.n).toBe('1');
      },
      15_000,
      200,
    );
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(receiver.received.length).toBe(before);
    expect((await deliveries()).length).toBe(4); // the four of the first test, nothing new
  }, 60_000);

  it('keeps a partner to its own webhooks and log', async () => {
    const other = await tenantWithAdmin(farmiq, 'Another partner');
    const created = await farmiq.as(other.admin.accessToken)(
      'mutation { createApiClient(input: { name: "Other", scopes: [FARMS_READ] }) { client { id } clientSecret } }',
    );
    const { client, clientSecret } = created.data!.createApiClient;
    const token = (
      await farmiq.graphql('mutation ($id: ID!, $s: String!) { issueClientToken(clientId: $id, clientSecret: $s) { accessToken } }', {
        id: client.id,
        s: clientSecret,
      })
    ).data!.issueClientToken.accessToken;
    const stranger = farmiq.as(token);
    expect((await stranger('{ partnerWebhooks { id } partnerWebhookDeliveries { id } }')).data).toEqual({ partnerWebhooks: [], partnerWebhookDeliveries: [] });
    const mine = (await partner('{ partnerWebhooks { id } }')).data!.partnerWebhooks[0].id;
    expect((await stranger('mutation ($id: ID!) { deletePartnerWebhook(id: $id) }', { id: mine })).errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect((await a.admin('{ partnerWebhooks { id } }')).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(
      (await partner('mutation { createPartnerWebhook(input: { url: "ftp://example.com/x", events: [ALERT_RAISED] }) { secret } }')).errors![0]!.extensions!
        .code,
    ).toBe('BAD_USER_INPUT');
  });
});

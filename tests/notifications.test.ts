import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { createSecretBox } from '../lib/crypto/secretBox';
import { verifyWebhookSignature, SIGNATURE_HEADER } from '../lib/crypto/webhookSignature';
import type { Database } from '../lib/db/database';
import { createLogger } from '../lib/logger';
import type { ReadingEvent } from '../lib/pubsub/pubsub';
import { evaluateBatch } from '../subgraphs/telemetry/alerts/evaluator';
import { retryDelayMs } from '../lib/delivery/backoff';
import { createMailer } from '../lib/mail/mailer';
import { localMinuteOfDay } from '../subgraphs/telemetry/notifications/quietHours';
import { DELIVERY_ID_HEADER } from '../lib/delivery/webhookSender';
import type { Consumer } from '../lib/events/consumer';
import { startNotifier } from '../subgraphs/telemetry/notifications/notifier';
import { LEASE_MS, startNotificationWorker, type NotificationWorker } from '../subgraphs/telemetry/notifications/worker';
import { startTopologyReadModel } from '../lib/topology/startTopologyReadModel';
import { migratedDatabase } from './support/database';
import { backends } from './support/postgres';

/** A real SMTP server on a random port; every message it accepted, parsed. */
async function smtpInbox() {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        received.push(mail);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { received, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A real HTTP receiver that answers `failuresFirst` times 503, then 204; it records every request. */
async function webhookReceiver() {
  const requests: Array<{ headers: http.IncomingHttpHeaders; body: Buffer; answered: number }> = [];
  let failuresLeft = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const answered = failuresLeft > 0 ? 503 : 204;
      if (failuresLeft > 0) failuresLeft--;
      requests.push({ headers: req.headers, body: Buffer.concat(chunks), answered });
      res.writeHead(answered).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    requests,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/farmiq`,
    failNext(times: number) {
      failuresLeft = times;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.each(backends())('alert notifications on %s', (backend) => {
  let database: Awaited<ReturnType<typeof migratedDatabase>>;
  let db: Database['prisma'];
  let inbox: Awaited<ReturnType<typeof smtpInbox>>;
  let receiver: Awaited<ReturnType<typeof webhookReceiver>>;
  let worker: NotificationWorker;
  let notifier: Consumer;
  let topology: Consumer | undefined;
  /** Evaluates readings as the alert evaluator does, and lets the notifier write the deliveries of what changed. */
  const evaluate = async (readings: ReadingEvent[]) => {
    const changes = await evaluateBatch(db, readings);
    await notifier.drain(30_000);
    return changes;
  };
  /** The worker's clock: wall time moved on by what a test skips ahead. */
  let offsetMs = 0;
  const now = () => new Date(Date.now() + offsetMs);
  const secrets = createSecretBox(randomBytes(32));
  const log = createLogger('silent');

  beforeAll(async () => {
    database = await migratedDatabase(backend);
    db = database.db.prisma;
    inbox = await smtpInbox();
    receiver = await webhookReceiver();
    notifier = await startNotifier({ db: database.db, log });
    // Telemetry's read model of the farms and barns written below (their time zones, the barns rules evaluate).
    topology = await startTopologyReadModel({ sql: database.db.sql, log, schema: 'telemetry' });
    // The receiver is on this machine: the operator allows exactly its address, nothing else private.
    worker = startNotificationWorker({
      db,
      log,
      secrets,
      now,
      outbound: { allowedHosts: ['127.0.0.1'], httpsOnly: false },
      mail: createMailer({ smtpUrl: inbox.url, from: 'FarmIQ <alerts@farmiq.test>', dataDir: '/nonexistent', production: false, log }),
    });
  });
  // Alert changes are stamped with the wall clock: each test starts the worker's clock there.
  beforeEach(() => {
    offsetMs = 0;
  });
  afterAll(async () => {
    await worker?.stop();
    await notifier?.stop();
    await topology?.stop();
    await inbox?.close();
    await receiver?.close();
    await database?.close();
  });

  /** A tenant with a farm in Bangkok and one pig barn, written as the devices subgraph would. */
  async function farm() {
    const tenantId = randomUUID();
    const created = await db.farm.create({ data: { tenantId, name: `Farm ${randomUUID()}`, timeZone: 'Asia/Bangkok' } });
    const barn = await db.barn.create({ data: { tenantId, farmId: created.id, name: 'House 1', species: 'PIG', capacityHead: 500 } });
    return { tenantId, farmId: created.id, barnId: barn.id };
  }

  async function webhook(tenantId: string, farmId: string | null = null, url = receiver.url) {
    const id = randomUUID();
    const secret = randomBytes(24).toString('hex');
    await db.webhookEndpoint.create({ data: { id, tenantId, farmId, url, secretSealed: secrets.seal(secret, `webhook-endpoint:${id}`) } });
    return { id, secret };
  }

  /** Readings of one barn as ingest announces them, `minutes` after `start`. */
  function readings(
    place: { tenantId: string; farmId: string; barnId: string },
    metric: string,
    values: Array<[minutes: number, value: number]>,
    start: Date,
  ): ReadingEvent[] {
    return values.map(([minutes, value]) => {
      const observedAt = new Date(start.getTime() + minutes * 60_000).toISOString();
      return { ...place, deviceId: randomUUID(), eventId: randomUUID(), metric, value, unit: '', observedAt, receivedAt: observedAt };
    });
  }

  const mailTo = (address: string) => inbox.received.filter((mail) => mail.headers.get('to') && (mail.to as { text: string }).text.includes(address));

  it('should email each subscriber in their language and the farm time, and post one signed webhook, when readings raise a critical alert', async () => {
    const place = await farm();
    const other = await farm();
    await db.notificationSubscription.createMany({
      data: [
        { tenantId: place.tenantId, userId: randomUUID(), farmId: place.farmId, channel: 'EMAIL', address: 'manager@farm.test', language: 'en' },
        { tenantId: place.tenantId, userId: randomUUID(), farmId: null, channel: 'EMAIL', address: 'owner@farm.test', language: 'th' },
        // Another farm of another tenant hears nothing of this one.
        { tenantId: other.tenantId, userId: randomUUID(), farmId: other.farmId, channel: 'EMAIL', address: 'neighbour@farm.test', language: 'en' },
      ],
    });
    const endpoint = await webhook(place.tenantId);
    // Ammonia above 25 ppm for 10 minutes: raised at 08:11 Bangkok (01:11 UTC) on 20 Nov 2026.
    const start = new Date(Date.UTC(2026, 10, 20, 1, 0));
    const changes = await evaluate(
      readings(
        place,
        'ammoniaPpm',
        [
          [0, 30],
          [5, 32],
          [11, 31],
        ],
        start,
      ),
    );
    expect(changes.map((change) => change.change)).toEqual(['RAISED']);
    // Written from the alert's outbox event, before any worker ran.
    const events = await database.db.sql.query<{ payload: Record<string, unknown> }>(
      `SELECT payload FROM "events"."outbox" WHERE topic = 'telemetry.alert-raised-or-cleared' AND payload->>'alertId' = $1`,
      [changes[0]!.alertId],
    );
    expect(events.map((event) => event.payload)).toEqual([
      expect.objectContaining({ tenantId: place.tenantId, farmId: place.farmId, alertId: changes[0]!.alertId, change: 'RAISED', severity: 'CRITICAL' }),
    ]);
    expect(await db.notificationDelivery.count({ where: { alertId: changes[0]!.alertId, status: 'PENDING' } })).toBe(3);

    expect(await worker.runOnce()).toBe(3);
    const english = mailTo('manager@farm.test');
    const thai = mailTo('owner@farm.test');
    expect(english).toHaveLength(1);
    expect(thai).toHaveLength(1);
    expect(mailTo('neighbour@farm.test')).toHaveLength(0);
    expect(english[0]!.subject).toBe('[Critical] High ammonia raised');
    expect(english[0]!.text).toContain('Time (farm): 20 Nov 2026, 08:11 Asia/Bangkok');
    expect(english[0]!.text).toContain('Worst value: 31');
    expect(english[0]!.html).toContain('<h1>[Critical] High ammonia raised</h1>');
    expect(thai[0]!.subject).toBe('[วิกฤต] แอมโมเนียสูง เกิดขึ้น');
    // Thai dates count years in the Buddhist era: 2026 is 2569.
    expect(thai[0]!.text).toMatch(/เวลา \(ฟาร์ม\): 20 .+ 2569 08:11 Asia\/Bangkok/);
    expect(thai[0]!.html).toContain('lang="th"');

    const posted = receiver.requests.filter((request) => request.headers[DELIVERY_ID_HEADER] !== undefined);
    expect(posted).toHaveLength(1);
    expect(verifyWebhookSignature(endpoint.secret, posted[0]!.body, posted[0]!.headers[SIGNATURE_HEADER] as string, new Date())).toEqual({ ok: true });
    expect(verifyWebhookSignature('another secret', posted[0]!.body, posted[0]!.headers[SIGNATURE_HEADER] as string, new Date())).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    const body = JSON.parse(posted[0]!.body.toString('utf8'));
    expect(body).toMatchObject({
      type: 'alert.raised',
      deliveryId: posted[0]!.headers[DELIVERY_ID_HEADER],
      alert: { id: changes[0]!.alertId, severity: 'CRITICAL', builtIn: 'AMMONIA_HIGH', peakValue: 31 },
    });
    // Nothing is sent twice.
    expect(await worker.runOnce()).toBe(0);
    expect(mailTo('manager@farm.test')).toHaveLength(1);
  });

  it('should retry a failing webhook with backoff and deliver it once, the log showing every attempt', async () => {
    const place = await farm();
    await webhook(place.tenantId, place.farmId);
    receiver.failNext(5);
    const before = receiver.requests.length;
    const changes = await evaluate(
      readings(
        place,
        'ammoniaPpm',
        [
          [0, 40],
          [10, 41],
        ],
        new Date(Date.UTC(2026, 10, 21, 2, 0)),
      ),
    );
    const [delivery] = await db.notificationDelivery.findMany({ where: { alertId: changes[0]!.alertId } });
    for (let attempt = 1; attempt <= 5; attempt++) {
      await worker.runOnce();
      expect(receiver.requests.length - before).toBe(attempt);
      // Not again before the backoff has passed.
      offsetMs += retryDelayMs(attempt) - 1000;
      expect(await worker.runOnce()).toBe(0);
      offsetMs += 1000;
    }
    await worker.runOnce();
    const mine = receiver.requests.slice(before);
    expect(mine.map((request) => request.answered)).toEqual([503, 503, 503, 503, 503, 204]);
    expect(new Set(mine.map((request) => request.headers[DELIVERY_ID_HEADER]))).toEqual(new Set([delivery!.id]));
    const logged = await db.notificationDelivery.findUniqueOrThrow({ where: { id: delivery!.id } });
    expect(logged).toMatchObject({ status: 'DELIVERED', attempts: 6 });
    expect(await worker.runOnce()).toBe(0);
  });

  it('should hold a warning in quiet hours until they end, and never a critical alert', async () => {
    const place = await farm();
    // Quiet for an hour either side of the farm's local time now.
    const nowLocal = localMinuteOfDay(now(), 'Asia/Bangkok');
    const quiet = { quietStartMinute: (nowLocal + 1440 - 60) % 1440, quietEndMinute: (nowLocal + 60) % 1440 };
    await db.notificationSubscription.create({
      data: { tenantId: place.tenantId, userId: randomUUID(), farmId: place.farmId, channel: 'EMAIL', address: 'sleeper@farm.test', ...quiet },
    });
    await db.alertRule.create({
      data: { tenantId: place.tenantId, farmId: place.farmId, barnId: place.barnId, metric: 'feedKg', comparison: 'BELOW', threshold: 100 },
    });
    const start = new Date(Date.UTC(2026, 10, 22, 3, 0));
    await evaluate([
      ...readings(place, 'feedKg', [[0, 50]], start),
      ...readings(
        place,
        'ammoniaPpm',
        [
          [0, 40],
          [10, 40],
        ],
        start,
      ),
    ]);
    await worker.runOnce();
    const woken = mailTo('sleeper@farm.test');
    expect(woken.map((mail) => mail.subject)).toEqual(['[Critical] High ammonia raised']);
    const held = await db.notificationDelivery.findFirstOrThrow({ where: { severity: 'WARNING', tenantId: place.tenantId } });
    expect(held).toMatchObject({ status: 'PENDING', attempts: 0 });
    // Held until the quiet hours end on the farm's clock, about an hour from now.
    expect(localMinuteOfDay(held.nextAttemptAt, 'Asia/Bangkok')).toBe(quiet.quietEndMinute);
    expect(held.nextAttemptAt.getTime() - now().getTime()).toBeGreaterThan(58 * 60_000);

    offsetMs += held.nextAttemptAt.getTime() - 60_000 - now().getTime();
    expect(await worker.runOnce()).toBe(0);
    offsetMs += 60_000;
    await worker.runOnce();
    expect(mailTo('sleeper@farm.test').map((mail) => mail.subject)).toEqual(['[Critical] High ammonia raised', '[Warning] Alert rule on feedKg raised']);
  });

  it('should disable a webhook endpoint that failed for 24 hours, with the reason kept', async () => {
    const place = await farm();
    const endpoint = await webhook(place.tenantId, place.farmId);
    receiver.failNext(1_000);
    await evaluate(
      readings(
        place,
        'ammoniaPpm',
        [
          [0, 40],
          [10, 40],
        ],
        new Date(Date.UTC(2026, 10, 23, 3, 0)),
      ),
    );
    await worker.runOnce();
    offsetMs += 24 * 60 * 60_000 + 1000;
    await worker.runOnce();
    receiver.failNext(0);
    const stored = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(stored.disabledAt).not.toBeNull();
    expect(stored.lastFailureReason).toBe('disabled after failing for 24 hours: HTTP 503');
    const delivery = await db.notificationDelivery.findFirstOrThrow({ where: { webhookEndpointId: endpoint.id } });
    expect(delivery).toMatchObject({ status: 'FAILED', attempts: 2, lastError: 'HTTP 503' });
  });

  it('should tell the next level of a critical alert left unacknowledged past the farm escalation time, and nobody more once acknowledged', async () => {
    const place = await farm();
    const secondBarn = await db.barn.create({ data: { tenantId: place.tenantId, farmId: place.farmId, name: 'House 2', species: 'PIG', capacityHead: 500 } });
    await db.farmNotificationSettings.create({ data: { farmId: place.farmId, tenantId: place.tenantId, escalateAfterMinutes: 10 } });
    await db.notificationSubscription.createMany({
      data: [
        { tenantId: place.tenantId, userId: randomUUID(), farmId: place.farmId, channel: 'EMAIL', address: 'barn-manager@farm.test', escalationLevel: 0 },
        { tenantId: place.tenantId, userId: randomUUID(), farmId: null, channel: 'EMAIL', address: 'tenant-admin@farm.test', escalationLevel: 1 },
      ],
    });
    const start = new Date(Date.UTC(2026, 10, 24, 3, 0));
    const [ignored] = await evaluate(
      readings(
        place,
        'ammoniaPpm',
        [
          [0, 40],
          [10, 40],
        ],
        start,
      ),
    );
    const [acknowledged] = await evaluate(
      readings(
        { ...place, barnId: secondBarn.id },
        'ammoniaPpm',
        [
          [0, 40],
          [10, 40],
        ],
        start,
      ),
    );
    await worker.runOnce();
    expect(mailTo('barn-manager@farm.test')).toHaveLength(2);
    expect(mailTo('tenant-admin@farm.test')).toHaveLength(0);

    // Someone on the farm acknowledges the second alert within the ten minutes.
    await db.alert.update({ where: { id: acknowledged!.alertId }, data: { acknowledgedAt: now() } });
    offsetMs += 10 * 60_000 - 5_000;
    await worker.runOnce();
    expect(mailTo('tenant-admin@farm.test')).toHaveLength(0);
    offsetMs += 5_000;
    await worker.runOnce();
    const escalated = mailTo('tenant-admin@farm.test');
    expect(escalated.map((mail) => mail.subject)).toEqual(['[Critical] High ammonia raised, still not acknowledged']);
    expect(escalated[0]!.text).toContain('Time (farm): 24 Nov 2026, 10:10 Asia/Bangkok');
    const told = await db.notificationDelivery.findMany({
      where: { alertId: { in: [ignored!.alertId, acknowledged!.alertId] } },
      orderBy: { createdAt: 'asc' },
    });
    expect(told.map((delivery) => [delivery.alertId === ignored!.alertId ? 'ignored' : 'acknowledged', delivery.change])).toEqual([
      ['ignored', 'RAISED'],
      ['acknowledged', 'RAISED'],
      ['ignored', 'ESCALATED_1'],
    ]);
    // No level is left: the climb is over, and later passes tell nobody.
    expect(await db.alertEscalation.count({ where: { alertId: { in: [ignored!.alertId, acknowledged!.alertId] } } })).toBe(0);
    offsetMs += 60 * 60_000;
    await worker.runOnce();
    expect(mailTo('tenant-admin@farm.test')).toHaveLength(1);
  });

  it('should send a delivery again after its lease when the worker that claimed it died mid-send, under the same delivery id', async () => {
    const place = await farm();
    await webhook(place.tenantId, place.farmId);
    const before = receiver.requests.length;
    const [raised] = await evaluate(
      readings(
        place,
        'ammoniaPpm',
        [
          [0, 40],
          [10, 40],
        ],
        new Date(Date.UTC(2026, 10, 25, 3, 0)),
      ),
    );
    // What a worker killed between its claim and recording the outcome leaves behind (its receiver may have the message).
    await db.$executeRawUnsafe(
      `UPDATE "telemetry"."notification_delivery" SET attempts = attempts + 1, next_attempt_at = $2 WHERE alert_id = $1::uuid`,
      raised!.alertId,
      new Date(now().getTime() + LEASE_MS),
    );
    expect(await worker.runOnce()).toBe(0);
    offsetMs += LEASE_MS;
    expect(await worker.runOnce()).toBe(1);
    const delivery = await db.notificationDelivery.findFirstOrThrow({ where: { alertId: raised!.alertId } });
    expect(delivery).toMatchObject({ status: 'DELIVERED', attempts: 2 });
    expect(receiver.requests.slice(before).map((request) => request.headers[DELIVERY_ID_HEADER])).toEqual([delivery.id]);
    expect(await worker.runOnce()).toBe(0);
  });

  it('should not post to a webhook whose host resolves to a private address at delivery time, and keep the reason', async () => {
    const place = await farm();
    // Stored as if its name had resolved to a public address at registration (DNS rebinding): now it is loopback.
    const rebound = receiver.url.replace('127.0.0.1', 'localhost');
    const endpoint = await webhook(place.tenantId, place.farmId, rebound);
    const before = receiver.requests.length;
    const [raised] = await evaluate(
      readings(
        place,
        'ammoniaPpm',
        [
          [0, 40],
          [10, 40],
        ],
        new Date(Date.UTC(2026, 10, 26, 3, 0)),
      ),
    );
    await worker.runOnce();
    expect(receiver.requests.length).toBe(before);
    const delivery = await db.notificationDelivery.findFirstOrThrow({ where: { alertId: raised!.alertId, webhookEndpointId: endpoint.id } });
    expect(delivery).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(delivery.lastError).toMatch(/host localhost is a private, loopback/);
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).lastFailureReason).toBe(delivery.lastError);
  });
});

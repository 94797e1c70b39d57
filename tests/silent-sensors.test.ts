import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { createSecretBox } from '../lib/crypto/secretBox';
import type { Database } from '../lib/db/database';
import type { Consumer } from '../lib/events/consumer';
import { appendEvent } from '../lib/events/outbox';
import { READINGS_STORED, type ReadingEvent } from '../lib/events/topics';
import { createLogger } from '../lib/logger';
import { createMemoryPubSub } from '../lib/pubsub/pubsub';
import { createMailer } from '../lib/mail/mailer';
import { startNotifier } from '../subgraphs/telemetry/notifications/notifier';
import { startNotificationWorker } from '../subgraphs/telemetry/notifications/worker';
import { startPresenceRecorder } from '../subgraphs/telemetry/presence/presenceRecorder';
import { startSilenceWatcher, type SilenceWatcher } from '../subgraphs/telemetry/presence/silenceWatcher';
import { startTopologyReadModel } from '../lib/topology/startTopologyReadModel';
import { applySilencePolicy, silencePolicyOf } from '../subgraphs/telemetry/presence/farmSilencePolicy';
import { migratedDatabase } from './support/database';
import { backends } from './support/postgres';

const PASS_EVERY_SECONDS = 60;
const DAY_MS = 24 * 3600_000;

describe.each(backends())('silent sensors on %s', (backend) => {
  let database: Awaited<ReturnType<typeof migratedDatabase>>;
  let db: Database['prisma'];
  const log = createLogger('silent');
  const pubsub = createMemoryPubSub();
  let clock = new Date();
  let recorder: Consumer;
  let notifier: Consumer;
  let topology: Consumer | undefined;
  let watcher: SilenceWatcher;
  /** The watcher's last pass, in seconds after the running test's start. */
  let lastPass = 0;
  let t0 = 0;
  let testNumber = 0;

  const startWorkers = async () => {
    recorder = await startPresenceRecorder({ db: database.db, pubsub, log });
    notifier = await startNotifier({ db: database.db, log });
    watcher = startSilenceWatcher({ db, pubsub, log, now: () => clock });
  };
  const stopWorkers = async () => {
    await recorder?.stop();
    await notifier?.stop();
    await watcher?.stop();
  };

  beforeAll(async () => {
    database = await migratedDatabase(backend);
    db = database.db.prisma;
    // Telemetry's read model of the devices written below (whose a silent device is, and its farm).
    topology = await startTopologyReadModel({ sql: database.db.sql, log, schema: 'telemetry' });
    await startWorkers();
  }, 120_000);
  afterAll(async () => {
    await stopWorkers();
    await topology?.stop();
    await database?.close();
  });
  // Each test lives on its own day, so the watcher's passes only ever move forward.
  beforeEach(async () => {
    testNumber++;
    t0 = Date.UTC(2026, 10, 1) + testNumber * DAY_MS;
    lastPass = 0;
    clock = new Date(t0);
    // The day before was long ago for the watcher: its first pass of the day takes that as downtime.
    await watcher.runOnce();
  });

  async function farmWith(kinds: Array<'CLIMATE' | 'WATER_METER'>) {
    const tenantId = randomUUID();
    const farm = await db.farm.create({ data: { tenantId, name: `Farm ${randomUUID()}`, timeZone: 'Asia/Bangkok' } });
    const barn = await db.barn.create({ data: { tenantId, farmId: farm.id, name: 'House 1', species: 'BROILER', capacityHead: 20_000 } });
    const devices: string[] = [];
    for (const kind of kinds) {
      const device = await db.device.create({
        data: {
          serialNumber: `SN-${randomUUID()}`,
          kind,
          status: 'ACTIVE',
          claimCodeHash: 'spent',
          claimCodeExpiresAt: new Date(t0),
          tenantId,
          barnId: barn.id,
          name: kind,
        },
      });
      devices.push(device.id);
    }
    return { tenantId, farmId: farm.id, barnId: barn.id, devices };
  }

  /** Each device reports once, observed and received `seconds` after the test's start, as ingest announces it. */
  async function report(place: { tenantId: string; farmId: string; barnId: string }, seconds: number, deviceIds: readonly string[]) {
    const at = new Date(t0 + seconds * 1000).toISOString();
    const readings: ReadingEvent[] = deviceIds.map((deviceId) => ({
      tenantId: place.tenantId,
      farmId: place.farmId,
      barnId: place.barnId,
      deviceId,
      eventId: randomUUID(),
      metric: 'temperatureC',
      unit: '°C',
      value: 28,
      observedAt: at,
      receivedAt: at,
    }));
    await database.db.sql.transaction((tx) => appendEvent(tx, READINGS_STORED, { readings }));
    await recorder.drain(30_000);
    await notifier.drain(30_000);
  }

  /** The watcher's passes every minute up to `seconds` after the start (and one at `seconds`). */
  async function watchUntil(seconds: number) {
    for (let at = lastPass + PASS_EVERY_SECONDS; at < seconds; at += PASS_EVERY_SECONDS) {
      clock = new Date(t0 + at * 1000);
      await watcher.runOnce();
    }
    clock = new Date(t0 + seconds * 1000);
    await watcher.runOnce();
    lastPass = seconds;
    await notifier.drain(30_000);
  }

  const alertsOf = (farmId: string) => db.alert.findMany({ where: { farmId }, orderBy: { raisedAt: 'asc' } });

  /** What setFarmSilenceThreshold stores and applies, in one transaction. */
  async function setSilence(place: { tenantId: string; farmId: string }, silenceGapMultiplier: number | null, silenceMinMinutes: number | null) {
    const data = { silenceGapMultiplier, silenceMinMinutes };
    await db.$transaction(async (tx) => {
      await tx.farmNotificationSettings.upsert({
        where: { farmId: place.farmId },
        create: { farmId: place.farmId, tenantId: place.tenantId, ...data },
        update: data,
      });
      await applySilencePolicy(tx, place.farmId, silencePolicyOf(data));
    });
  }

  it("should honour a farm's own silence multiplier and minimum from the watcher's next pass", async () => {
    const wide = await farmWith(['CLIMATE', 'CLIMATE']);
    const patient = await farmWith(['CLIMATE', 'CLIMATE']);
    // Every device reports every 60 s from 0 to 180 s: learned gap 60 s, default window 3 × 60 = 180 s.
    for (const at of [0, 60, 120, 180]) {
      await report(wide, at, wide.devices);
      await report(patient, at, patient.devices);
    }
    // Farm "wide": 5 gaps → 5 × 60 = 300 s. Farm "patient": at least 10 minutes → max(600, 180) = 600 s.
    await setSilence(wide, 5, null);
    await setSilence(patient, null, 10);
    expect(
      (await db.devicePresence.findMany({ where: { farmId: { in: [wide.farmId, patient.farmId] } } }))
        .map((d) => [d.farmId === wide.farmId ? 'wide' : 'patient', d.silenceWindowSeconds])
        .sort(),
    ).toEqual([
      ['patient', 600],
      ['patient', 600],
      ['wide', 300],
      ['wide', 300],
    ]);
    // The first device of each farm stops after 180 s; the second keeps reporting every minute.
    let talked = 180;
    const talk = async (until: number) => {
      for (; talked + 60 <= until; talked += 60) {
        await report(wide, talked + 60, [wide.devices[1]!]);
        await report(patient, talked + 60, [patient.devices[1]!]);
      }
    };
    // Default judgement would raise at 180 + 180 = 360 s: nothing yet at 470 s.
    await talk(470);
    await watchUntil(470);
    expect(await alertsOf(wide.farmId)).toEqual([]);
    // Its reports kept learning under the farm's policy: still 5 × 60 = 300 s.
    expect((await db.devicePresence.findUniqueOrThrow({ where: { deviceId: wide.devices[1]! } })).silenceWindowSeconds).toBe(300);
    // 180 + 300 = 480 s: the wide farm's first device is silent.
    await talk(480);
    await watchUntil(480);
    expect((await alertsOf(wide.farmId)).map((a) => [a.builtIn, a.deviceId, a.threshold, a.raisedAt])).toEqual([
      ['DEVICE_SILENT', wide.devices[0], 300, new Date(t0 + 480_000)],
    ]);
    // 180 + 600 = 780 s for the patient farm: not at 770 s, at 780 s.
    await talk(770);
    await watchUntil(770);
    expect(await alertsOf(patient.farmId)).toEqual([]);
    await talk(780);
    await watchUntil(780);
    expect((await alertsOf(patient.farmId)).map((a) => [a.builtIn, a.deviceId, a.threshold, a.raisedAt])).toEqual([
      ['DEVICE_SILENT', patient.devices[0], 600, new Date(t0 + 780_000)],
    ]);
  });

  it('should raise DEVICE_SILENT when three of its usual gaps pass, also across a restart, and clear it on its next reading', async () => {
    const place = await farmWith(['CLIMATE', 'CLIMATE']);
    const [quiet, talkative] = place.devices as [string, string];
    await db.notificationSubscription.create({
      data: { tenantId: place.tenantId, userId: randomUUID(), farmId: place.farmId, channel: 'EMAIL', address: 'manager@farm.test' },
    });
    // Both report every 60 s from 0 to 180 s: three gaps of 60 s are learned, window 3 × 60 = 180 s.
    for (const at of [0, 60, 120, 180]) await report(place, at, [quiet, talkative]);
    const learned = await db.devicePresence.findUniqueOrThrow({ where: { deviceId: quiet } });
    expect(learned).toMatchObject({ intervalSeconds: 60, intervalSamples: 3, silenceWindowSeconds: 180 });

    // The quiet one stops after 180 s: silent from 180 + 180 = 360 s on.
    await report(place, 240, [talkative]);
    await report(place, 300, [talkative]);
    await watchUntil(300);
    expect(await alertsOf(place.farmId)).toEqual([]);

    // The process restarts: everything the watcher judges by is stored.
    await stopWorkers();
    await startWorkers();
    await report(place, 360, [talkative]);
    await watchUntil(360);
    const [silent, ...others] = await alertsOf(place.farmId);
    expect(others).toEqual([]);
    expect(silent).toMatchObject({
      builtIn: 'DEVICE_SILENT',
      deviceId: quiet,
      barnId: place.barnId,
      status: 'ACTIVE',
      metric: 'silenceSeconds',
      threshold: 180,
    });
    expect(silent!.raisedAt).toEqual(new Date(t0 + 360_000));
    // Through the same notification path as every alert: a WARNING to the farm's subscriber.
    expect(await db.notificationDelivery.findMany({ where: { alertId: silent!.id }, select: { change: true, severity: true, channel: true } })).toEqual([
      { change: 'RAISED', severity: 'WARNING', channel: 'EMAIL' },
    ]);
    // Further passes raise nothing more.
    await report(place, 420, [talkative]);
    await watchUntil(420);
    expect(await alertsOf(place.farmId)).toHaveLength(1);

    await report(place, 450, [quiet]);
    const cleared = await db.alert.findUniqueOrThrow({ where: { id: silent!.id } });
    // Silent from 180 s to 450 s: 270 s.
    expect(cleared).toMatchObject({ status: 'CLEARED', clearedAt: new Date(t0 + 450_000), lastValue: 270 });
    expect(await db.notificationDelivery.count({ where: { alertId: silent!.id, change: 'CLEARED' } })).toBe(1);
  });

  it('should raise one EDGE_OFFLINE instead of an alert per device when the whole farm goes quiet, and judge its devices afresh after it returns', async () => {
    const place = await farmWith(['CLIMATE', 'CLIMATE', 'CLIMATE', 'CLIMATE', 'CLIMATE', 'WATER_METER']);
    const climate = place.devices.slice(0, 5);
    await db.notificationSubscription.create({
      data: { tenantId: place.tenantId, userId: randomUUID(), farmId: place.farmId, channel: 'EMAIL', address: 'owner@farm.test', minSeverity: 'CRITICAL' },
    });
    // One report each at 0 s: default windows, CLIMATE 3 × 60 = 180 s, WATER_METER 3 × 300 = 900 s.
    await report(place, 0, place.devices);
    await watchUntil(179);
    expect(await alertsOf(place.farmId)).toEqual([]);
    // Two devices that should have spoken by 180 s (the second-shortest window) did not: the farm is offline.
    await watchUntil(180);
    // Ten more minutes of silence, past every climate sensor's window and the water meter's: still one alert.
    await watchUntil(1200);
    const alerts = await alertsOf(place.farmId);
    expect(alerts.map((alert) => [alert.builtIn, alert.barnId, alert.deviceId])).toEqual([['EDGE_OFFLINE', null, null]]);
    expect(alerts[0]!.raisedAt).toEqual(new Date(t0 + 180_000));
    // CRITICAL: it reaches the subscriber who wants only critical alerts.
    expect(await db.notificationDelivery.findMany({ where: { alertId: alerts[0]!.id }, select: { change: true, severity: true } })).toEqual([
      { change: 'RAISED', severity: 'CRITICAL' },
    ]);

    // The farm is back at 1,230 s, three sensors first (the rest of the backlog still draining).
    await report(place, 1230, climate.slice(0, 3));
    expect(await db.alert.findUniqueOrThrow({ where: { id: alerts[0]!.id } })).toMatchObject({ status: 'CLEARED', clearedAt: new Date(t0 + 1_230_000) });
    // Its devices are judged from its return: nothing before 1,230 + 180 = 1,410 s.
    for (const at of [1290, 1350, 1400]) await report(place, at, climate.slice(0, 3));
    await watchUntil(1400);
    expect(await db.alert.count({ where: { farmId: place.farmId, status: 'ACTIVE' } })).toBe(0);
    await report(place, 1410, climate.slice(0, 3));
    await watchUntil(1410);
    // The two sensors that never came back are now silent on their own; the water meter's 900 s are not up.
    const silent = await db.alert.findMany({ where: { farmId: place.farmId, status: 'ACTIVE' } });
    expect(silent.map((alert) => alert.deviceId).sort()).toEqual(climate.slice(3).sort());
    expect(silent.every((alert) => alert.builtIn === 'DEVICE_SILENT')).toBe(true);
  });

  it('should not count the time the cloud itself was down against the farms', async () => {
    const place = await farmWith(['CLIMATE', 'CLIMATE']);
    await report(place, 0, place.devices);
    await watchUntil(60);
    // No pass for an hour: the cloud was down, and the edge kept the readings.
    clock = new Date(t0 + 3660_000);
    await watcher.runOnce();
    lastPass = 3660;
    expect(await alertsOf(place.farmId)).toEqual([]);
    // Judged afresh from 3,660 s: still nothing heard 180 s later, the farm is offline.
    await watchUntil(3839);
    expect(await alertsOf(place.farmId)).toEqual([]);
    await watchUntil(3840);
    expect((await alertsOf(place.farmId)).map((alert) => alert.builtIn)).toEqual(['EDGE_OFFLINE']);
  });

  it('should stop watching a revoked device instead of calling it silent', async () => {
    const place = await farmWith(['CLIMATE', 'CLIMATE']);
    const [revoked, live] = place.devices as [string, string];
    await report(place, 0, place.devices);
    await db.device.update({ where: { id: revoked }, data: { status: 'REVOKED', revokedAt: new Date(t0) } });
    for (const at of [60, 120, 180, 240]) await report(place, at, [live]);
    await watchUntil(240);
    expect(await alertsOf(place.farmId)).toEqual([]);
    expect(await db.devicePresence.count({ where: { deviceId: revoked } })).toBe(0);
  });

  it('should email the silent device alert through a real SMTP server', async () => {
    const received: ParsedMail[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData: (stream, _s, done) => void simpleParser(stream).then((mail) => (received.push(mail), done()), done),
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    // Deliveries are due from when their alert change was recorded (wall time).
    const worker = startNotificationWorker({
      db,
      log,
      secrets: createSecretBox(Buffer.alloc(32, 1)),
      mail: createMailer({
        smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
        from: 'alerts@farmiq.test',
        dataDir: '/nonexistent',
        production: false,
        log,
      }),
    });
    try {
      const place = await farmWith(['CLIMATE', 'CLIMATE']);
      await db.notificationSubscription.create({
        data: { tenantId: place.tenantId, userId: randomUUID(), farmId: place.farmId, channel: 'EMAIL', address: 'night@farm.test', language: 'th' },
      });
      await report(place, 0, place.devices);
      for (const at of [60, 120, 180]) await report(place, at, [place.devices[1]!]);
      await watchUntil(180);
      await worker.runOnce();
      const mine = received.filter((mail) => (mail.to as { text: string }).text.includes('night@farm.test'));
      expect(mine.map((mail) => mail.subject)).toEqual(['[เตือน] อุปกรณ์ไม่ส่งข้อมูล เกิดขึ้น']);
    } finally {
      await worker.stop();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { startSystem, type RunningSystem } from '../bin/system';
import { loadConfig, SUBGRAPH_NAMES } from '../lib/config';
import { createLogger } from '../lib/logger';
import { TOPICS, type PubSub, type ReadingEvent } from '../lib/pubsub/pubsub';
import { FREE_PORTS } from './support/farmiqProcess';
import { REDIS_URL_ENV } from './support/globalSetup';
import { liveSubscriptionsReach, LiveRefused, openLive, type LiveConnection } from './support/liveClient';
import { loginAsPlatformAdmin, tenantWithAdmin } from './support/sessions';
import { errorCode, startTestSystem, type TestSystem } from './support/testSystem';
import { waitFor } from './support/waitFor';

const DASHBOARD_ORIGIN = 'https://dashboard.farm.test';
const READINGS_OF_BARN = `subscription ($barnId: ID) { readingAdded(barnId: $barnId) { metric value unit observedAt device { name barn { name } } } }`;

interface Farm {
  tenantId: string;
  token: string;
  farmId: string;
  barnId: string;
  deviceId: string;
}

describe('live readings over graphql-ws', () => {
  let farmiq: TestSystem;
  let a: Farm;
  let b: Farm;
  const open: LiveConnection[] = [];
  let expectedSubscriptions = 0;

  /** A tenant with a farm, a barn and an active climate device named after it, set up through the API. */
  async function farmWithDevice(name: string): Promise<Farm> {
    const platform = farmiq.as((await loginAsPlatformAdmin(farmiq)).accessToken);
    const { tenantId, admin } = await tenantWithAdmin(farmiq, name);
    const api = farmiq.as(admin.accessToken);
    const registered = await platform(`mutation ($input: RegisterDevicesInput!) { registerDevices(input: $input) { device { id serialNumber } claimCode } }`, {
      input: { devices: [{ serialNumber: `SN-${randomUUID().slice(0, 12)}`, kind: 'CLIMATE' }] },
    });
    const label = registered.data!.registerDevices[0];
    const farmId = (await api(`mutation ($name: String!) { createFarm(input: { name: $name, timeZone: "UTC" }) { id } }`, { name: `${name} farm` })).data!
      .createFarm.id;
    const barnId = (
      await api(`mutation ($input: CreateBarnInput!) { createBarn(input: $input) { id } }`, {
        input: { farmId, name: `${name} house`, species: 'BROILER', capacityHead: 1000 },
      })
    ).data!.createBarn.id;
    await api(`mutation ($input: ClaimDeviceInput!) { claimDevice(input: $input) { id } }`, {
      input: { serialNumber: label.device.serialNumber, claimCode: label.claimCode },
    });
    const activated = await api(`mutation ($input: ActivateDeviceInput!) { activateDevice(input: $input) { device { id } } }`, {
      input: { deviceId: label.device.id, barnId, name: `${name} climate` },
    });
    expect(activated.errors).toBeUndefined();
    return { tenantId, token: admin.accessToken, farmId, barnId, deviceId: label.device.id };
  }

  const reading = (farm: Farm, metric: string, value: number, observedAt = new Date(), overrides: Partial<ReadingEvent> = {}): ReadingEvent => ({
    tenantId: farm.tenantId,
    farmId: farm.farmId,
    barnId: farm.barnId,
    deviceId: farm.deviceId,
    eventId: randomUUID(),
    metric,
    unit: metric === 'temperatureC' ? '°C' : '%',
    value,
    observedAt: observedAt.toISOString(),
    receivedAt: new Date().toISOString(),
    ...overrides,
  });
  const publish = (pubsub: PubSub, ...readings: ReadingEvent[]) => pubsub.publish(TOPICS.readingsStored, { readings });

  async function connect(gatewayUrl: string, token: string): Promise<LiveConnection> {
    const connection = await openLive(gatewayUrl, { token });
    open.push(connection);
    return connection;
  }
  /** Waits until the gateway serves `count` more subscriptions than before. */
  const subscribed = (count: number, gatewayUrl = farmiq.gatewayUrl) => liveSubscriptionsReach(gatewayUrl, (expectedSubscriptions += count));

  beforeAll(async () => {
    farmiq = await startTestSystem('pglite', { ALLOWED_ORIGINS: DASHBOARD_ORIGIN });
    a = await farmWithDevice('Alpha');
    b = await farmWithDevice('Bravo');
  });
  afterEach(async () => {
    for (const connection of open.splice(0)) connection.close();
    await liveSubscriptionsReach(farmiq.gatewayUrl, (expectedSubscriptions = 0));
  });
  afterAll(async () => {
    await farmiq?.stop();
  });

  it("delivers its own tenant's readings with the devices subgraph's fields resolved, and nothing of another tenant", async () => {
    const live = await connect(farmiq.gatewayUrl, a.token);
    const own = live.subscribe(READINGS_OF_BARN, { barnId: a.barnId });
    await subscribed(1);

    const pubsub = farmiq.system.pubsub!;
    await publish(pubsub, reading(b, 'temperatureC', 40.5));
    // Even an event that names A's barn but belongs to B stays with B.
    await publish(pubsub, reading(b, 'temperatureC', 41.5, new Date(), { barnId: a.barnId }));
    const observedAt = new Date('2026-11-25T06:00:00.000Z');
    await publish(pubsub, reading(a, 'temperatureC', 24.5, observedAt));

    const [event] = await own.received(1);
    expect(event).toEqual({
      data: {
        readingAdded: {
          metric: 'temperatureC',
          value: 24.5,
          unit: '°C',
          observedAt: observedAt.toISOString(),
          device: { name: 'Alpha climate', barn: { name: 'Alpha house' } },
        },
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(own.results).toHaveLength(1);
  });

  it('answers a subscription to an unknown or foreign barn, device or farm with NOT_FOUND, as the query does, and completes it', async () => {
    const live = await connect(farmiq.gatewayUrl, a.token);
    const unknown = '00000000-0000-4000-8000-000000000000';
    const subscriptions = [
      live.subscribe(READINGS_OF_BARN, { barnId: b.barnId }),
      live.subscribe(READINGS_OF_BARN, { barnId: unknown }),
      live.subscribe('subscription ($d: ID) { readingAdded(deviceId: $d) { value } }', { d: b.deviceId }),
      live.subscribe('subscription ($d: ID) { readingAdded(deviceId: $d) { value } }', { d: unknown }),
      live.subscribe('subscription ($f: ID!) { alertChanged(farmId: $f) { change } }', { f: b.farmId }),
      live.subscribe('subscription ($f: ID!) { alertChanged(farmId: $f) { change } }', { f: unknown }),
    ];
    for (const subscription of subscriptions) {
      await subscription.settled();
      expect(subscription.refused).toBeUndefined();
      expect(subscription.results).toHaveLength(1);
      expect(subscription.results[0]!.data).toBeNull();
      expect(subscription.results[0]!.errors?.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
    }
    // Its own barn, device and farm are served (and stay open).
    live.subscribe(READINGS_OF_BARN, { barnId: a.barnId });
    live.subscribe('subscription ($d: ID) { readingAdded(deviceId: $d) { value } }', { d: a.deviceId });
    live.subscribe('subscription ($f: ID!) { alertChanged(farmId: $f) { change } }', { f: a.farmId });
    await subscribed(3);
  });

  it("never resolves another tenant's device, even for an event mislabelled with the caller's tenant", async () => {
    const live = await connect(farmiq.gatewayUrl, a.token);
    const sub = live.subscribe(READINGS_OF_BARN, { barnId: a.barnId });
    await subscribed(1);
    await publish(farmiq.system.pubsub!, reading(a, 'temperatureC', 25, new Date(), { deviceId: b.deviceId }));
    const [event] = await sub.received(1);
    // The event names a device that is not A's: telemetry refuses it as any operation refuses another tenant's id.
    expect(event!.data).toBeNull();
    expect(event!.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(JSON.stringify(event)).not.toContain('Bravo');
  });

  it('stops resolving a device for its old tenant once it moved to another, though its readings were known a moment before', async () => {
    const c = await farmWithDevice('Charlie');
    const metric = async (pattern: RegExp) => Number(pattern.exec(await (await fetch(farmiq.gatewayUrl.replace(/\/graphql$/, '/metrics'))).text())?.[1] ?? 0);
    const byCache = () => metric(/^farmiq_live_batches_resolved_total\{by="cache"\} (\d+)/m);
    const topologyChanges = () => metric(/^farmiq_live_topology_changes_total (\d+)/m);
    const live = await connect(farmiq.gatewayUrl, c.token);
    const sub = live.subscribe(READINGS_OF_BARN, { barnId: c.barnId });
    await subscribed(1);
    const pubsub = farmiq.system.pubsub!;
    await publish(pubsub, reading(c, 'temperatureC', 20));
    await sub.received(1);
    // The device is known now: its next reading is answered from the gateway's entity cache.
    const cachedBefore = await byCache();
    await publish(pubsub, reading(c, 'temperatureC', 21));
    const [, known] = await sub.received(2);
    expect(known!.data.readingAdded.device).toEqual({ name: 'Charlie climate', barn: { name: 'Charlie house' } });
    expect(await byCache()).toBe(cachedBefore + 1);

    // An operator moves the device into Bravo's barn (by hand: the topology trigger announces any change).
    const changesBefore = await topologyChanges();
    await farmiq.system.database!.sql.query('UPDATE devices.device SET tenant_id = $1, barn_id = $2 WHERE id = $3', [b.tenantId, b.barnId, c.deviceId]);
    await waitFor(async () => expect(await topologyChanges()).toBeGreaterThan(changesBefore));
    // Telemetry's own read model of the topology has it too (its check refuses Charlie the device).
    await waitFor(async () =>
      expect(
        errorCode(
          await farmiq.as(c.token)(
            'query ($d: ID!, $from: DateTime!, $to: DateTime!) { readings(deviceId: $d, from: $from, to: $to, first: 1) { nodes { value } } }',
            {
              d: c.deviceId,
              from: '2026-01-01T00:00:00Z',
              to: '2027-01-01T00:00:00Z',
            },
          ),
        ),
      ).toBe('NOT_FOUND'),
    );

    // A reading still labelled with Charlie's tenant (stored just before the move) reaches Charlie's subscriber as NOT_FOUND, not as data.
    await publish(pubsub, reading(c, 'temperatureC', 22));
    const [, , after] = await sub.received(3);
    expect(after!.data).toBeNull();
    expect(after!.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('filters by device and metric and downsamples to one reading per everySeconds of each series', async () => {
    const live = await connect(farmiq.gatewayUrl, a.token);
    const sub = live.subscribe(
      `subscription ($d: ID, $every: Int) { t: readingAdded(deviceId: $d, metrics: ["temperatureC"], everySeconds: $every) { value } }`,
      { d: a.deviceId, every: 10 },
    );
    await subscribed(1);
    const t0 = Date.parse('2026-11-25T07:00:00Z');
    await publish(
      farmiq.system.pubsub!,
      reading(a, 'temperatureC', 20, new Date(t0)),
      reading(a, 'relativeHumidityPercent', 70, new Date(t0)),
      reading(a, 'temperatureC', 21, new Date(t0 + 5_000)),
      reading(a, 'temperatureC', 22, new Date(t0 + 10_000)),
    );
    await publish(farmiq.system.pubsub!, reading(a, 'temperatureC', 23, new Date(t0 + 12_000)), reading(a, 'temperatureC', 24, new Date(t0 + 20_000)));
    expect((await sub.received(3)).map((result) => result.data.t.value)).toEqual([20, 22, 24]);
  });

  it('answers BAD_USER_INPUT unless exactly one of barnId and deviceId is given, and serves only subscriptions', async () => {
    const live = await connect(farmiq.gatewayUrl, a.token);
    const neither = live.subscribe('subscription { readingAdded { value } }');
    const both = live.subscribe('subscription ($b: ID, $d: ID) { readingAdded(barnId: $b, deviceId: $d) { value } }', { b: a.barnId, d: a.deviceId });
    const query = live.subscribe('{ me { tenant { id } } }');
    const tooDeep = live.subscribe(
      `subscription ($b: ID) { readingAdded(barnId: $b) { device { barn { farm { barns { devices { nodes { barn { farm { barns { devices { nodes { id } } } } } } } } } } } } }`,
      { b: a.barnId },
    );
    await Promise.all([neither.settled(), both.settled(), query.settled(), tooDeep.settled()]);
    expect(neither.refused![0]).toMatchObject({
      message: expect.stringContaining('exactly one of barnId and deviceId'),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(both.refused![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(query.refused![0]).toMatchObject({ message: expect.stringContaining('Only subscriptions'), extensions: { code: 'BAD_USER_INPUT' } });
    expect(tooDeep.refused![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('holds at most 50 subscriptions per connection, counting those still being checked, and gives back the places of refused ones', async () => {
    const live = await connect(farmiq.gatewayUrl, a.token);
    const refusedEarly = Array.from({ length: 5 }, () => live.subscribe('subscription { readingAdded { value } }'));
    await Promise.all(refusedEarly.map((subscription) => subscription.settled()));
    // Sixty at once: the first fifty are still waiting for their subject checks when the rest arrive.
    const burst = Array.from({ length: 60 }, () => live.subscribe(READINGS_OF_BARN, { barnId: a.barnId }));
    await subscribed(50);
    const overLimit = burst.filter((subscription) => subscription.refused !== undefined);
    expect(overLimit).toHaveLength(10);
    for (const subscription of overLimit) {
      expect(subscription.refused![0]).toMatchObject({ message: 'At most 50 subscriptions per connection', extensions: { code: 'BAD_REQUEST' } });
    }
    // Another connection of the same user is not affected.
    const other = await connect(farmiq.gatewayUrl, a.token);
    other.subscribe(READINGS_OF_BARN, { barnId: a.barnId });
    await subscribed(1);
  });

  it('refuses the WebSocket handshake from a foreign origin, and accepts the allowed one and the gateway itself', async () => {
    await expect(openLive(farmiq.gatewayUrl, { token: a.token, origin: 'https://evil.example' })).rejects.toMatchObject({ status: 403 });
    const allowed = await openLive(farmiq.gatewayUrl, { token: a.token, origin: DASHBOARD_ORIGIN });
    allowed.close();
    const sameOrigin = await openLive(farmiq.gatewayUrl, { token: a.token, origin: new URL(farmiq.gatewayUrl).origin });
    sameOrigin.close();
  });

  it('should close with 4403 when the token is forged or missing', async () => {
    const [header, payload, signature] = a.token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = [header, Buffer.from(JSON.stringify({ ...claims, tid: b.tenantId })).toString('base64url'), signature].join('.');
    const refusal = await openLive(farmiq.gatewayUrl, { token: forged }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(LiveRefused);
    expect(refusal).toMatchObject({ closeCode: 4403, reason: 'The access token signature is invalid' });
    await expect(openLive(farmiq.gatewayUrl, {})).rejects.toMatchObject({ closeCode: 4403 });
  });

  it('authenticates a browser by its session cookie', async () => {
    const live = await openLive(farmiq.gatewayUrl, { cookie: `farmiq_access=${a.token}`, origin: DASHBOARD_ORIGIN });
    open.push(live);
    const sub = live.subscribe(READINGS_OF_BARN, { barnId: a.barnId });
    await subscribed(1);
    await publish(farmiq.system.pubsub!, reading(a, 'temperatureC', 19));
    expect((await sub.received(1))[0].data.readingAdded.value).toBe(19);
  });

  const redisUrl = process.env[REDIS_URL_ENV];
  (redisUrl ? it : it.skip)('two gateway replicas on Redis both deliver an event published by one of them', async () => {
    const ports = farmiq.system.ports;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-live-'));
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      FARMIQ_DATA_DIR: dataDir,
      ...FREE_PORTS,
      REDIS_URL: redisUrl!,
      FARMIQ_JWKS_URL: `http://127.0.0.1:${ports.identity}/.well-known/jwks.json`,
      ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_URL`, `http://127.0.0.1:${ports[name]}/graphql`])),
    });
    const replicas: RunningSystem[] = [];
    try {
      for (let i = 0; i < 2; i++) replicas.push(await startSystem('gateway', config, createLogger('silent')));
      const [one, two] = replicas.map((replica) => `http://127.0.0.1:${replica.ports.gateway}/graphql`) as [string, string];
      const onOne = (await connect(one, a.token)).subscribe(READINGS_OF_BARN, { barnId: a.barnId });
      const onTwo = (await connect(two, a.token)).subscribe(READINGS_OF_BARN, { barnId: a.barnId });
      await subscribed(2, one);
      await publish(replicas[0]!.pubsub!, reading(a, 'temperatureC', 31));
      const expected = { data: { readingAdded: expect.objectContaining({ value: 31, device: { name: 'Alpha climate', barn: { name: 'Alpha house' } } }) } };
      expect(await onTwo.received(1)).toEqual([expected]);
      expect(await onOne.received(1)).toEqual([expected]);
      for (const connection of open.splice(0)) connection.close();
      await liveSubscriptionsReach(one, (expectedSubscriptions = 0));
    } finally {
      await Promise.all(replicas.map((replica) => replica.stop()));
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

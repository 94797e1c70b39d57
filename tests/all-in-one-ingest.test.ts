import { randomUUID } from 'node:crypto';
import mqtt from 'mqtt';
import { activeClimateDevice } from './support/activeDevice';
import { spawnFarmiq, stopAllFarmiq } from './support/farmiqProcess';
import { metricValue } from './support/metrics';
import { backends } from './support/postgres';
import { tenantWithAdmin } from './support/sessions';
import { startTestSystem, type TestSystem } from './support/testSystem';
import { waitFor } from './support/waitFor';

/**
 * The all-in-one process (`npm start`: bin/system.ts starts the ingestor beside the cloud) takes
 * readings from every farm of every tenant, with nothing to configure, and never drops one it
 * acknowledged: what the cloud refuses for good waits in the quarantine for an operator.
 */
interface Farm {
  api: TestSystem['graphql'];
  device: { id: string; password: string };
}

/** A second tenant (the first is the demo's, with the simulator on) with two farms; a climate sensor active in the second. */
async function secondTenantsSecondFarm(farmiq: TestSystem): Promise<Farm> {
  const { tenantId, admin } = await tenantWithAdmin(farmiq, `Tenant ${randomUUID().slice(0, 6)}`);
  const api = farmiq.as(admin.accessToken);
  await api('mutation { createFarm(input: { name: "First farm", timeZone: "UTC" }) { id } }');
  const farmId = (await api('mutation { createFarm(input: { name: "Second farm", timeZone: "Europe/Amsterdam" }) { id } }')).data!.createFarm.id;
  const barnId = (await api('mutation ($f: ID!) { createBarn(input: { farmId: $f, name: "House 1", species: PIG, capacityHead: 800 }) { id } }', { f: farmId }))
    .data!.createBarn.id;
  return { api, device: await activeClimateDevice(farmiq.system.database!.prisma, tenantId, barnId) };
}

const backend = backends().includes('postgres') ? 'postgres' : 'pglite';
/** A whole system, and each `farmiq` command (a Node process loading TypeScript), take a while on a busy machine. */
const START_TIMEOUT_MS = 180_000;
const TEST_TIMEOUT_MS = 240_000;

const connect = (farmiq: TestSystem, device: Farm['device']) =>
  mqtt.connectAsync(`mqtt://127.0.0.1:${farmiq.system.ports.mqtt}`, {
    username: device.id,
    password: device.password,
    clientId: device.id,
    protocolVersion: 4,
    reconnectPeriod: 0,
  });
const reading = (eventId: string, temperatureC: number) =>
  JSON.stringify({ eventId, timestamp: new Date(Date.now() - 1_000).toISOString(), metrics: { temperatureC } });
const latestReadings = async (farm: Farm) =>
  ((await farm.api('query ($d: ID!) { device(id: $d) { latestReadings { metric value } } }', { d: farm.device.id })).data?.device?.latestReadings ??
    []) as Array<{ metric: string; value: number }>;

/** The reading of a device of a second tenant's second farm, through the real broker, the ingestor and the gateway. */
async function expectReadingWithin2sOfPuback(farmiq: TestSystem): Promise<void> {
  const farm = await secondTenantsSecondFarm(farmiq);
  const client = await connect(farmiq, farm.device);
  try {
    await client.publishAsync(`farmiq/devices/${farm.device.id}/telemetry`, reading('e1', 23.4), { qos: 1 });
    const acknowledgedAtMs = Date.now();
    const readings = await waitFor(
      async () => {
        const latest = await latestReadings(farm);
        expect(latest).toEqual([{ metric: 'temperatureC', value: 23.4 }]);
        return latest;
      },
      5_000,
      25,
    );
    expect(readings).toHaveLength(1);
    expect(Date.now() - acknowledgedAtMs).toBeLessThan(2_000);
  } finally {
    await client.endAsync();
  }
}

describe('the all-in-one process with the simulator on (a demo farm and its key)', () => {
  let farmiq: TestSystem;
  beforeAll(async () => {
    farmiq = await startTestSystem(backend, { SIMULATOR: 'on' });
  }, START_TIMEOUT_MS);
  afterAll(async () => farmiq?.stop());

  it(
    "should show a reading of another tenant's second farm through the gateway within 2 s of its PUBACK",
    () => expectReadingWithin2sOfPuback(farmiq),
    TEST_TIMEOUT_MS,
  );
});

describe('the all-in-one process with SIMULATOR=off (no demo farm, no edge key anywhere)', () => {
  let farmiq: TestSystem;
  beforeAll(async () => {
    farmiq = await startTestSystem(backend, { SIMULATOR: 'off' });
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    await stopAllFarmiq();
    await farmiq?.stop();
  });

  it(
    "should show a reading of another tenant's second farm through the gateway within 2 s of its PUBACK",
    () => expectReadingWithin2sOfPuback(farmiq),
    TEST_TIMEOUT_MS,
  );

  const quarantine = async (...args: string[]) => {
    const result = await spawnFarmiq(['ingestor', 'quarantine', ...args], { FARMIQ_DATA_DIR: farmiq.dataDir, LOG_LEVEL: 'silent' }).exited;
    if (result.code !== 0) throw new Error(`farmiq ingestor quarantine ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
    return result.stdout;
  };
  const gaugeOf = () => metricValue(farmiq.system.ports.gateway!, 'farmiq_ingestor_quarantine_messages');
  const storedRows = async (deviceId: string) =>
    farmiq.system.database!.sql.query<{ event_id: string; n: number }>(
      `SELECT event_id, count(*)::int AS n FROM "telemetry"."reading" WHERE device_id = $1 GROUP BY event_id ORDER BY event_id`,
      [deviceId],
    );

  it(
    'should quarantine what a device revoked in flight sent, and store it once when replayed after re-activation',
    async () => {
      const farm = await secondTenantsSecondFarm(farmiq);
      const quarantinedBefore = await metricValue(farmiq.system.ports.gateway!, 'farmiq_ingestor_messages_quarantined_total{code="DEVICE_NOT_ACTIVE"}', 0);
      // Connected before the revocation: what it sends on that connection is acknowledged, then refused by the cloud.
      const client = await connect(farmiq, farm.device);
      expect((await farm.api('mutation ($d: ID!) { revokeDevice(deviceId: $d) { status } }', { d: farm.device.id })).data!.revokeDevice.status).toBe('REVOKED');
      for (const [n, value] of [
        [1, 21.5],
        [2, 21.7],
        [3, 21.9],
      ] as const)
        await client.publishAsync(`farmiq/devices/${farm.device.id}/telemetry`, reading(`r${n}`, value), { qos: 1 });
      await client.endAsync();

      await waitFor(async () => expect(await gaugeOf()).toBe(3), 20_000);
      expect(await metricValue(farmiq.system.ports.gateway!, 'farmiq_ingestor_messages_quarantined_total{code="DEVICE_NOT_ACTIVE"}')).toBe(
        quarantinedBefore + 3,
      );
      expect(await storedRows(farm.device.id)).toEqual([]);
      const listed = JSON.parse(await quarantine('list', '--device', farm.device.id, '--json')) as Array<{
        id: number;
        deviceId: string;
        eventId: string;
        code: string;
        reason: string;
      }>;
      expect(listed.map(({ deviceId, eventId, code, reason }) => ({ deviceId, eventId, code, reason }))).toEqual(
        ['r1', 'r2', 'r3'].map((eventId) => ({
          deviceId: farm.device.id,
          eventId,
          code: 'DEVICE_NOT_ACTIVE',
          reason: 'DEVICE_NOT_ACTIVE: the device is REVOKED',
        })),
      );

      // There is no API to undo a revocation: support sets the device ACTIVE again, as an operator would after a mistaken revoke.
      await farmiq.system.database!.prisma.device.update({ where: { id: farm.device.id }, data: { status: 'ACTIVE', revokedAt: null } });
      expect(await quarantine('replay', '--device', farm.device.id)).toMatch(/^3 message\(s\) marked for replay: the running ingestor \(pid \d+\) sends them/);
      await waitFor(
        async () =>
          expect(await storedRows(farm.device.id)).toEqual([
            { event_id: 'r1', n: 1 },
            { event_id: 'r2', n: 1 },
            { event_id: 'r3', n: 1 },
          ]),
        10_000,
      );
      expect(await latestReadings(farm)).toEqual([{ metric: 'temperatureC', value: 21.9 }]);
      await waitFor(async () => expect(await gaugeOf()).toBe(0));
      expect(await quarantine('list')).toBe('the quarantine is empty\n');

      // Replaying again finds nothing; the readings stay stored once.
      expect(await quarantine('replay', '--all')).toMatch(/^0 message\(s\) marked for replay/);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(await storedRows(farm.device.id)).toEqual([
        { event_id: 'r1', n: 1 },
        { event_id: 'r2', n: 1 },
        { event_id: 'r3', n: 1 },
      ]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "should keep a reading the device's kind does not define until an operator purges it",
    async () => {
      const farm = await secondTenantsSecondFarm(farmiq);
      const client = await connect(farmiq, farm.device);
      // A metric of some kind (the edge lets it through), not of a climate sensor (the cloud refuses it).
      await client.publishAsync(
        `farmiq/devices/${farm.device.id}/telemetry`,
        JSON.stringify({ eventId: 'water', timestamp: new Date().toISOString(), metrics: { waterLitres: 3 } }),
        { qos: 1 },
      );
      await client.endAsync();
      await waitFor(async () => expect(await gaugeOf()).toBe(1), 20_000);
      const listed = JSON.parse(await quarantine('list', '--code', 'METRIC_UNKNOWN', '--json')) as Array<{ id: number; eventId: string; reason: string }>;
      expect(listed).toMatchObject([{ eventId: 'water', reason: 'METRIC_UNKNOWN: waterLitres is not a metric of a CLIMATE device' }]);
      expect(await quarantine('purge', '--ids', String(listed[0]!.id))).toBe('purged 1 message(s) from the quarantine for good\n');
      await waitFor(async () => expect(await gaugeOf()).toBe(0));
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'should refuse to purge without naming the messages',
    async () => {
      const result = await spawnFarmiq(['ingestor', 'quarantine', 'purge'], { FARMIQ_DATA_DIR: farmiq.dataDir }).exited;
      expect([result.code, result.stderr.trim()]).toEqual([
        1,
        'farmiq: farmiq ingestor quarantine purge: name the messages (--ids, --code, --device) or pass --all',
      ]);
    },
    TEST_TIMEOUT_MS,
  );
});

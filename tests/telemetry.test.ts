import { randomUUID } from 'node:crypto';
import { INGEST_PATH, signBatch } from '../lib/edge/signedBatch';
import { backends } from './support/postgres';
import { liveSubscriptionsReach, openLive } from './support/liveClient';
import { loginAsPlatformAdmin, tenantWithAdmin } from './support/sessions';
import { errorCode, startTestSystem, type TestSystem } from './support/testSystem';

interface Farm {
  api: TestSystem['graphql'];
  token: string;
  farmId: string;
  barnId: string;
  climateId: string;
  waterId: string;
  keyId: string;
  secret: string;
  gatewayId: string;
}

describe.each(backends())('telemetry ingest and queries on %s', (backend) => {
  let farmiq: TestSystem;
  let platform: TestSystem['graphql'];
  let farm: Farm;
  let ingestUrl: string;

  async function activeDevice(api: TestSystem['graphql'], barnId: string, kind: string): Promise<string> {
    const label = (
      await platform(
        `mutation ($k: DeviceKind!, $s: String!) { registerDevices(input: { devices: [{ serialNumber: $s, kind: $k }] }) { device { id } claimLink } }`,
        { k: kind, s: `SN-${randomUUID().slice(0, 10)}` },
      )
    ).data!.registerDevices[0];
    await api('mutation ($l: String) { claimDevice(input: { claimLink: $l }) { id } }', { l: label.claimLink });
    const activated = await api('mutation ($d: ID!, $b: ID!) { activateDevice(input: { deviceId: $d, barnId: $b, name: "Sensor" }) { device { id } } }', {
      d: label.device.id,
      b: barnId,
    });
    expect(activated.errors).toBeUndefined();
    return label.device.id;
  }

  /** A tenant with a farm in Amsterdam (DST), a barn, a climate sensor, a water meter and an edge gateway. */
  async function newFarm(name: string): Promise<Farm> {
    const { admin } = await tenantWithAdmin(farmiq, name);
    const api = farmiq.as(admin.accessToken);
    const farmId = (await api('mutation ($n: String!) { createFarm(input: { name: $n, timeZone: "Europe/Amsterdam" }) { id } }', { n: `${name} farm` })).data!
      .createFarm.id;
    const barnId = (
      await api('mutation ($f: ID!) { createBarn(input: { farmId: $f, name: "House 1", species: BROILER, capacityHead: 20000 }) { id } }', { f: farmId })
    ).data!.createBarn.id;
    const climateId = await activeDevice(api, barnId, 'CLIMATE');
    const waterId = await activeDevice(api, barnId, 'WATER_METER');
    const edge = (await api('mutation ($f: ID!) { registerEdgeGateway(input: { farmId: $f, name: "Edge" }) { keyId secret gateway { id } } }', { f: farmId }))
      .data!.registerEdgeGateway;
    return { api, token: admin.accessToken, farmId, barnId, climateId, waterId, keyId: edge.keyId, secret: edge.secret, gatewayId: edge.gateway.id };
  }

  const message = (deviceId: string, observedAt: string, metrics: Record<string, number>, eventId: string = randomUUID()) => ({
    deviceId,
    eventId,
    observedAt,
    receivedAt: observedAt,
    metrics,
  });

  /** POSTs a batch to the gateway's ingest path, signed with the farm's edge key unless `headers` say otherwise. */
  async function send(target: Farm, messages: unknown[], options: { headers?: Record<string, string>; now?: Date; body?: Buffer } = {}) {
    const body = options.body ?? Buffer.from(JSON.stringify({ batchId: randomUUID(), messages }));
    const headers = options.headers ?? signBatch({ keyId: target.keyId, secret: target.secret, method: 'POST', path: INGEST_PATH, body, now: options.now });
    const response = await fetch(ingestUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    return { status: response.status, body: (await response.json()) as any, headers, sentBody: body };
  }

  const readingCount = async (deviceId: string) =>
    Number(
      (
        await farmiq.system.database!.sql.query<{ count: number }>('SELECT count(*)::int AS count FROM telemetry.reading WHERE device_id = $1::uuid', [
          deviceId,
        ])
      )[0]!.count,
    );

  beforeAll(async () => {
    farmiq = await startTestSystem(backend);
    ingestUrl = new URL(INGEST_PATH, farmiq.gatewayUrl).toString();
    platform = farmiq.as((await loginAsPlatformAdmin(farmiq)).accessToken);
    farm = await newFarm('Readings');
  });
  afterAll(async () => {
    await farmiq?.stop();
  });

  it('stores a signed batch through the gateway and shows it as latest readings and barn climate', async () => {
    const now = new Date();
    const at = new Date(now.getTime() - 60_000).toISOString();
    const sent = await send(farm, [
      message(farm.climateId, at, { temperatureC: 24.5, relativeHumidityPercent: 61 }),
      message(farm.waterId, at, { waterLitres: 12.5 }),
    ]);
    expect(sent).toMatchObject({ status: 200, body: { accepted: 2, duplicates: 0, rejected: [] } });
    const read = await farm.api(
      'query ($d: ID!, $b: ID!) { device(id: $d) { latestReadings { metric unit value observedAt device { name } } } barn(id: $b) { currentClimate { metric value } } }',
      { d: farm.climateId, b: farm.barnId },
    );
    expect(read.data!.device.latestReadings).toEqual([
      { metric: 'relativeHumidityPercent', unit: '%', value: 61, observedAt: at, device: { name: 'Sensor' } },
      { metric: 'temperatureC', unit: '°C', value: 24.5, observedAt: at, device: { name: 'Sensor' } },
    ]);
    expect(read.data!.barn.currentClimate).toEqual([
      { metric: 'temperatureC', value: 24.5 },
      { metric: 'relativeHumidityPercent', value: 61 },
    ]);
  });

  it("pushes what a signed batch stored to the barn's live subscribers, with federated fields, once", async () => {
    const live = await openLive(farmiq.gatewayUrl, { token: farm.token });
    try {
      const subscription = live.subscribe(
        'subscription ($b: ID!) { readingAdded(barnId: $b, metrics: ["ammoniaPpm"]) { metric value unit device { name barn { name } } } }',
        { b: farm.barnId },
      );
      await liveSubscriptionsReach(farmiq.gatewayUrl, 1);
      const batch = [message(farm.climateId, new Date(Date.now() - 5_000).toISOString(), { ammoniaPpm: 31, temperatureC: 25 })];
      const body = Buffer.from(JSON.stringify({ batchId: 'live-1', messages: batch }));
      expect((await send(farm, batch, { body })).body.accepted).toBe(1);
      expect((await send(farm, batch, { body })).body.duplicates).toBe(1); // a retry: stored and pushed once
      const results = await subscription.received(1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(subscription.results).toEqual([
        { data: { readingAdded: { metric: 'ammoniaPpm', value: 31, unit: 'ppm', device: { name: 'Sensor', barn: { name: 'House 1' } } } } },
      ]);
      expect(results).toHaveLength(1);
    } finally {
      live.close();
    }
  });

  it('acknowledges a retried batch and a re-sent event without writing them again', async () => {
    const messages = [message(farm.climateId, new Date(Date.now() - 120_000).toISOString(), { ammoniaPpm: 8 })];
    const body = Buffer.from(JSON.stringify({ batchId: 'retry-1', messages }));
    expect((await send(farm, messages, { body })).body).toMatchObject({ accepted: 1, duplicates: 0 });
    const before = await readingCount(farm.climateId);
    // The forwarder signs every attempt afresh (new nonce): same body, same events.
    expect((await send(farm, messages, { body })).body).toMatchObject({ accepted: 0, duplicates: 1, rejected: [] });
    expect(await readingCount(farm.climateId)).toBe(before);
  });

  it('refuses replays, bad signatures, stale or future timestamps, unknown keys and missing headers, changing nothing', async () => {
    const messages = [message(farm.climateId, new Date(Date.now() - 30_000).toISOString(), { co2Ppm: 900 })];
    const first = await send(farm, messages);
    expect(first.status).toBe(200);
    const before = await readingCount(farm.climateId);

    const replay = await send(farm, messages, { headers: first.headers, body: first.sentBody });
    const tampered = await send(farm, messages, { headers: first.headers, body: Buffer.from(first.sentBody.toString().replace('900', '901')) });
    const stale = await send(farm, [message(farm.climateId, new Date().toISOString(), { co2Ppm: 1 })], { now: new Date(Date.now() - 301_000) });
    const future = await send(farm, [message(farm.climateId, new Date().toISOString(), { co2Ppm: 1 })], { now: new Date(Date.now() + 301_000) });
    const unknownKey = await send({ ...farm, keyId: 'egk_nobody' }, [message(farm.climateId, new Date().toISOString(), { co2Ppm: 1 })]);
    const wrongSecret = await send({ ...farm, secret: Buffer.alloc(32, 1).toString('base64url') }, [
      message(farm.climateId, new Date().toISOString(), { co2Ppm: 1 }),
    ]);
    const unsigned = await send(farm, messages, { headers: {} });
    expect([replay, tampered, stale, future, unknownKey, wrongSecret, unsigned].map((answer) => [answer.status, answer.body.error.code])).toEqual([
      [401, 'NONCE_REPLAYED'],
      [401, 'SIGNATURE_INVALID'],
      [401, 'TIMESTAMP_OUT_OF_WINDOW'],
      [401, 'TIMESTAMP_OUT_OF_WINDOW'],
      [401, 'KEY_UNKNOWN'],
      [401, 'SIGNATURE_INVALID'],
      [401, 'SIGNATURE_MISSING'],
    ]);
    // Every refusal in the one shape, the 413 of the body parser too.
    const tooLarge = await send(farm, [], { body: Buffer.alloc(4 * 1024 * 1024 + 1, 32) });
    expect([tooLarge.status, tooLarge.body]).toEqual([413, { error: { code: 'BATCH_TOO_LARGE', message: 'A batch body is at most 4194304 bytes' } }]);
    const direct = await fetch(`http://127.0.0.1:${farmiq.system.ports.telemetry}${INGEST_PATH}`, {
      method: 'POST',
      body: Buffer.alloc(4 * 1024 * 1024 + 1, 32),
    });
    expect([direct.status, await direct.json()]).toEqual([413, { error: { code: 'BATCH_TOO_LARGE', message: 'A batch body is at most 4194304 bytes' } }]);
    const malformed = await send(farm, [], { body: Buffer.from('{"batchId":"x","messages":[]}') });
    expect([malformed.status, malformed.body.error.code]).toEqual([400, 'BATCH_MALFORMED']);
    expect(await readingCount(farm.climateId)).toBe(before);
  });

  it('stores the valid readings of a batch and names each invalid one, trusting the registry over the batch', async () => {
    const other = await newFarm('Neighbour');
    const at = new Date(Date.now() - 10_000).toISOString();
    const sent = await send(farm, [
      message(farm.climateId, at, { temperatureC: 22, waterLitres: 3 }, 'mixed-1'),
      message(farm.climateId, at, { ammoniaPpm: 900 }, 'range-1'),
      message(other.climateId, at, { temperatureC: 30 }, 'foreign-1'),
      message(farm.climateId, new Date(Date.now() + 3_600_000).toISOString(), { temperatureC: 22 }, 'future-1'),
      { deviceId: 'not-a-device', eventId: 'x' },
    ]);
    expect(sent.status).toBe(200);
    expect(sent.body.accepted).toBe(1);
    expect(sent.body.rejected).toEqual([
      { index: 0, eventId: 'mixed-1', code: 'METRIC_UNKNOWN', reason: 'METRIC_UNKNOWN: waterLitres is not a metric of a CLIMATE device' },
      { index: 1, eventId: 'range-1', code: 'OUT_OF_RANGE', reason: 'OUT_OF_RANGE: ammoniaPpm 900 outside 0 to 500 ppm' },
      { index: 2, eventId: 'foreign-1', code: 'DEVICE_UNKNOWN', reason: 'DEVICE_UNKNOWN: not a device of this gateway’s farm' },
      { index: 3, eventId: 'future-1', code: 'OBSERVED_AT_IN_FUTURE', reason: 'OBSERVED_AT_IN_FUTURE: more than 300 s ahead of the cloud clock' },
      { index: 4, eventId: 'x', code: 'MALFORMED', reason: expect.stringMatching(/^MALFORMED: /) },
    ]);
    expect(await readingCount(other.climateId)).toBe(0);
  });

  it('refuses a revoked device per message and a revoked gateway key whole', async () => {
    const revoked = await newFarm('Revocations');
    await revoked.api('mutation ($d: ID!) { revokeDevice(deviceId: $d) { status } }', { d: revoked.waterId });
    const at = new Date().toISOString();
    const sent = await send(revoked, [message(revoked.waterId, at, { waterLitres: 1 }, 'after-revoke')]);
    expect(sent.body.rejected).toEqual([{ index: 0, eventId: 'after-revoke', code: 'DEVICE_NOT_ACTIVE', reason: 'DEVICE_NOT_ACTIVE: the device is REVOKED' }]);
    await revoked.api('mutation ($g: ID!) { revokeEdgeGateway(gatewayId: $g) { id } }', { g: revoked.gatewayId });
    const refused = await send(revoked, [message(revoked.climateId, at, { temperatureC: 20 })]);
    expect([refused.status, refused.body.error.code]).toEqual([401, 'KEY_UNKNOWN']);
    expect(await readingCount(revoked.climateId)).toBe(0);
  });

  it('buckets by farm-local day, with the 25-hour day when Amsterdam leaves summer time', async () => {
    const dst = await newFarm('DST');
    // 2026-10-25 is the last Sunday of October: CEST (UTC+2) ends at 03:00 local, CET (UTC+1) follows.
    const sent = await send(dst, [
      message(dst.climateId, '2026-10-24T21:30:00.000Z', { temperatureC: 5 }), // 23:30 on the 24th, local
      message(dst.climateId, '2026-10-24T22:30:00.000Z', { temperatureC: 10 }), // 00:30 on the 25th (CEST)
      message(dst.climateId, '2026-10-25T22:30:00.000Z', { temperatureC: 20 }), // 23:30 on the 25th (CET)
      message(dst.climateId, '2026-10-25T23:30:00.000Z', { temperatureC: 30 }), // 00:30 on the 26th
    ]);
    expect(sent.body.accepted).toBe(4);
    const series = await dst.api(
      'query ($d: ID!) { readingSeries(deviceId: $d, metric: "temperatureC", from: "2026-10-23T00:00:00Z", to: "2026-10-28T00:00:00Z", interval: DAY) { unit timeZone buckets { start end count avg min max sum } } }',
      { d: dst.climateId },
    );
    expect(series.data!.readingSeries).toEqual({
      unit: '°C',
      timeZone: 'Europe/Amsterdam',
      buckets: [
        // Local midnight of the 24th is 22:00 UTC on the 23rd (CEST).
        { start: '2026-10-23T22:00:00.000Z', end: '2026-10-24T22:00:00.000Z', count: 1, avg: 5, min: 5, max: 5, sum: 5 },
        // The 25th runs 25 hours: from 22:00 UTC on the 24th to 23:00 UTC on the 25th. (10 + 20) / 2 = 15.
        { start: '2026-10-24T22:00:00.000Z', end: '2026-10-25T23:00:00.000Z', count: 2, avg: 15, min: 10, max: 20, sum: 30 },
        { start: '2026-10-25T23:00:00.000Z', end: '2026-10-26T23:00:00.000Z', count: 1, avg: 30, min: 30, max: 30, sum: 30 },
      ],
    });
  });

  it('labels a bucket that from or to cut with the part it covers, and tells the repeated hour of a DST night apart in CSV', async () => {
    const night = await newFarm('DST night');
    // 2026-10-25 in Amsterdam: 03:00 CEST (UTC+2) goes back to 02:00 CET (UTC+1) at 01:00 UTC, so 02:30 local happens twice.
    await send(night, [
      message(night.climateId, '2026-10-24T22:30:00.000Z', { temperatureC: 5 }), // 00:30 on the 25th, CEST
      message(night.climateId, '2026-10-25T00:30:00.000Z', { temperatureC: 10 }), // 02:30 CEST
      message(night.climateId, '2026-10-25T01:30:00.000Z', { temperatureC: 20 }), // 02:30 CET
      message(night.climateId, '2026-10-25T22:30:00.000Z', { temperatureC: 30 }), // 23:30 on the 25th, CET
      message(night.climateId, '2026-10-25T23:30:00.000Z', { temperatureC: 40 }), // 00:30 on the 26th
    ]);
    const series = (from: string, to: string, interval: string) =>
      night.api(
        `query ($d: ID!) { readingSeries(deviceId: $d, metric: "temperatureC", from: "${from}", to: "${to}", interval: ${interval}) { buckets { start end count avg } } }`,
        { d: night.climateId },
      );

    // The 25th runs 22:00 UTC on the 24th to 23:00 UTC on the 25th (25 h); from = 00:00 UTC cuts its first 2 hours
    // and the 5 °C reading, so the bucket holds 00:00 → 23:00 UTC (23 h): 10, 20, 30, avg 20. The 26th is cut at to = 12:00 UTC.
    const days = await series('2026-10-25T00:00:00Z', '2026-10-26T12:00:00Z', 'DAY');
    expect(days.errors).toBeUndefined();
    expect(days.data!.readingSeries.buckets).toEqual([
      { start: '2026-10-25T00:00:00.000Z', end: '2026-10-25T23:00:00.000Z', count: 3, avg: 20 },
      { start: '2026-10-25T23:00:00.000Z', end: '2026-10-26T12:00:00.000Z', count: 1, avg: 40 },
    ]);
    // Hours cut at both ends: 00:15 → 01:00 holds 02:30 CEST, 01:00 → 01:45 holds 02:30 CET.
    const hours = await series('2026-10-25T00:15:00Z', '2026-10-25T01:45:00Z', 'HOUR');
    expect(hours.data!.readingSeries.buckets).toEqual([
      { start: '2026-10-25T00:15:00.000Z', end: '2026-10-25T01:00:00.000Z', count: 1, avg: 10 },
      { start: '2026-10-25T01:00:00.000Z', end: '2026-10-25T01:45:00.000Z', count: 1, avg: 20 },
    ]);
    // A range of whole buckets is unchanged: local midnight to local midnight is the whole 25-hour day.
    const whole = await series('2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z', 'DAY');
    expect(whole.data!.readingSeries.buckets).toEqual([{ start: '2026-10-24T22:00:00.000Z', end: '2026-10-25T23:00:00.000Z', count: 4, avg: 16.25 }]);

    const csv = await night.api('query ($d: ID!) { readingsCsv(deviceId: $d, from: "2026-10-24T22:00:00Z", to: "2026-10-26T00:00:00Z") }', {
      d: night.climateId,
    });
    expect(csv.data!.readingsCsv).toBe(
      'observedAt,observedAtLocal,metric,value,unit\r\n' +
        '2026-10-24T22:30:00.000Z,2026-10-25T00:30:00.000+02:00,temperatureC,5,°C\r\n' +
        '2026-10-25T00:30:00.000Z,2026-10-25T02:30:00.000+02:00,temperatureC,10,°C\r\n' +
        '2026-10-25T01:30:00.000Z,2026-10-25T02:30:00.000+01:00,temperatureC,20,°C\r\n' +
        '2026-10-25T22:30:00.000Z,2026-10-25T23:30:00.000+01:00,temperatureC,30,°C\r\n' +
        '2026-10-25T23:30:00.000Z,2026-10-26T00:30:00.000+01:00,temperatureC,40,°C\r\n',
    );
  });

  it('buckets by hour, caps the points per query, and pages and exports raw readings', async () => {
    const hourly = await newFarm('Hourly');
    await send(hourly, [
      message(hourly.waterId, '2026-11-20T08:10:00.000Z', { waterLitres: 1 }, 'w1'),
      message(hourly.waterId, '2026-11-20T08:50:00.000Z', { waterLitres: 3 }, 'w2'),
      message(hourly.waterId, '2026-11-20T09:05:00.000Z', { waterLitres: 10 }, 'w3'),
    ]);
    const range = 'from: "2026-11-20T00:00:00Z", to: "2026-11-21T00:00:00Z"';
    const hours = await hourly.api(
      `query ($d: ID!) { readingSeries(deviceId: $d, metric: "waterLitres", ${range}, interval: HOUR) { buckets { start count sum avg } } }`,
      { d: hourly.waterId },
    );
    expect(hours.data!.readingSeries.buckets).toEqual([
      { start: '2026-11-20T08:00:00.000Z', count: 2, sum: 4, avg: 2 },
      { start: '2026-11-20T09:00:00.000Z', count: 1, sum: 10, avg: 10 },
    ]);
    // 2 days in minutes is 2880 buckets.
    const tooMany = await hourly.api(
      'query ($d: ID!) { readingSeries(deviceId: $d, metric: "waterLitres", from: "2026-11-19T00:00:00Z", to: "2026-11-21T00:00:00Z", interval: MINUTE) { unit } }',
      { d: hourly.waterId },
    );
    expect(tooMany.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('at most 2000 per query') });
    expect(
      errorCode(
        await hourly.api(`query ($d: ID!) { readingSeries(deviceId: $d, metric: "feedKg", ${range}, interval: HOUR) { unit } }`, { d: hourly.waterId }),
      ),
    ).toBe('BAD_USER_INPUT');

    const page1 = await hourly.api(`query ($d: ID!) { readings(deviceId: $d, ${range}, first: 2) { nodes { value } pageInfo { endCursor hasNextPage } } }`, {
      d: hourly.waterId,
    });
    const page2 = await hourly.api(
      `query ($d: ID!, $a: String) { readings(deviceId: $d, ${range}, first: 2, after: $a) { nodes { value } pageInfo { hasNextPage } } }`,
      {
        d: hourly.waterId,
        a: page1.data!.readings.pageInfo.endCursor,
      },
    );
    expect([...page1.data!.readings.nodes, ...page2.data!.readings.nodes].map((node: { value: number }) => node.value)).toEqual([1, 3, 10]);
    expect(page2.data!.readings.pageInfo.hasNextPage).toBe(false);

    const csv = await hourly.api(`query ($d: ID!) { readingsCsv(deviceId: $d, ${range}) }`, { d: hourly.waterId });
    // Amsterdam is UTC+1 in November.
    expect(csv.data!.readingsCsv).toBe(
      'observedAt,observedAtLocal,metric,value,unit\r\n' +
        '2026-11-20T08:10:00.000Z,2026-11-20T09:10:00.000+01:00,waterLitres,1,L\r\n' +
        '2026-11-20T08:50:00.000Z,2026-11-20T09:50:00.000+01:00,waterLitres,3,L\r\n' +
        '2026-11-20T09:05:00.000Z,2026-11-20T10:05:00.000+01:00,waterLitres,10,L\r\n',
    );
    // Another tenant's device is not found by any of these.
    const outsider = await newFarm('Outsider');
    expect(errorCode(await outsider.api(`query ($d: ID!) { readingsCsv(deviceId: $d, ${range}) }`, { d: hourly.waterId }))).toBe('NOT_FOUND');
    expect((await outsider.api('query ($d: ID!) { device(id: $d) { id } }', { d: hourly.waterId })).errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });
});

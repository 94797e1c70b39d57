import { liveSubscriptionsReach, openLive } from './support/liveClient';
import { partitionKeeper } from '../subgraphs/telemetry/ingest/partitions';
import { randomUUID } from 'node:crypto';
import { TOPICS, type AlertChangedEvent } from '../lib/pubsub/pubsub';
import { appendEvent } from '../lib/events/outbox';
import { READINGS_STORED, type ReadingEvent } from '../lib/events/topics';
import { backends } from './support/postgres';
import { inviteAndLogIn, loginAsPlatformAdmin, tenantWithAdmin } from './support/sessions';
import { errorCode, startTestSystem, type TestSystem } from './support/testSystem';

const CREATE_RULE = `mutation ($input: CreateAlertRuleInput!) { createAlertRule(input: $input) { id metric comparison threshold clearThreshold minDurationSeconds enabled barn { id } farm { id } } }`;
const ALERTS = `query ($farmId: ID!, $status: AlertStatus, $first: Int!, $after: String) {
  alerts(farmId: $farmId, status: $status, first: $first, after: $after) {
    nodes { id status builtIn metric threshold raisedAt clearedAt peakValue lastValue acknowledgedAt acknowledgedBy { id } rule { id } barn { id name } }
    pageInfo { endCursor hasNextPage }
  }
}`;
const ACKNOWLEDGE = `mutation ($id: ID!) { acknowledgeAlert(id: $id) { id acknowledgedAt acknowledgedBy { id } } }`;

/** Minutes after a fixed morning: 2026-11-20 08:00 in Bangkok (01:00 UTC). */
const at = (minutes: number) => new Date(Date.UTC(2026, 10, 20, 1, minutes)).toISOString();

describe.each(backends())('alerts through the gateway on %s', (backend) => {
  let farmiq: TestSystem;
  let api: TestSystem['graphql'];
  let token: string;
  let tenantId: string;
  let farmId: string;
  const changes: AlertChangedEvent[] = [];
  let ensurePartitions: ReturnType<typeof partitionKeeper>;

  beforeAll(async () => {
    farmiq = await startTestSystem(backend);
    const tenant = await tenantWithAdmin(farmiq, 'Alerting farms');
    tenantId = tenant.tenantId;
    token = tenant.admin.accessToken;
    api = farmiq.as(token);
    farmId = (await api('mutation { createFarm(input: { name: "Hillside", timeZone: "Asia/Bangkok" }) { id } }')).data!.createFarm.id;
    ensurePartitions = partitionKeeper(farmiq.system.database!.sql);
    await farmiq.system.pubsub.subscribe(TOPICS.alertChanged, (event) => changes.push(event as AlertChangedEvent));
    // Room for a whole system's start on busy cores (about a minute on PGlite at load 30).
  }, 180_000);
  afterAll(async () => {
    await farmiq?.stop();
  });

  async function barn(species: 'PIG' | 'BROILER' = 'PIG') {
    const created = await api('mutation ($input: CreateBarnInput!) { createBarn(input: $input) { id } }', {
      input: { farmId, name: `House ${randomUUID().slice(0, 6)}`, species, capacityHead: 1000 },
    });
    return created.data!.createBarn.id as string;
  }

  /** Stores readings as ingest does (rows in telemetry.reading); `publish` also writes their stored-readings event to the outbox. */
  async function store(barnId: string, readings: Array<{ metric: string; value: number; observedAt: string }>, publish = true, conditions = 1) {
    const deviceId = randomUUID();
    const events: ReadingEvent[] = readings.map((reading) => ({
      tenantId,
      farmId,
      barnId,
      deviceId,
      eventId: randomUUID(),
      unit: '',
      receivedAt: reading.observedAt,
      ...reading,
    }));
    await ensurePartitions(events.map((event) => new Date(event.observedAt)));
    for (const event of events) {
      await farmiq.system.database!.sql.query(
        `INSERT INTO "telemetry"."reading" (device_id, metric, observed_at, event_id, tenant_id, farm_id, barn_id, value, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $3)`,
        [event.deviceId, event.metric, event.observedAt, event.eventId, tenantId, farmId, barnId, event.value],
      );
    }
    if (publish) {
      await announce(events);
      await evaluated(barnId, events[events.length - 1]!.observedAt, conditions);
    }
  }

  const announce = (readings: ReadingEvent[]) => farmiq.system.database!.sql.transaction((tx) => appendEvent(tx, READINGS_STORED, { readings }));

  /**
   * Waits until the evaluator has evaluated `conditions` rules or built-ins of the barn at
   * `observedAt` (their condition states moved there): a batch evaluates them one after another.
   */
  async function evaluated(barnId: string, observedAt: string, conditions = 1) {
    for (let tries = 0; tries < 200; tries++) {
      const rows = await farmiq.system.database!.sql.query(`SELECT 1 FROM "telemetry"."alert_condition" WHERE barn_id = $1 AND last_observed_at >= $2`, [
        barnId,
        observedAt,
      ]);
      if (rows.length >= conditions) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`readings of barn ${barnId} at ${observedAt} were not evaluated`);
  }

  async function alertsOf(barnId: string) {
    const result = await api(ALERTS, { farmId, first: 100 });
    expect(result.errors).toBeUndefined();
    return (result.data!.alerts.nodes as Array<Record<string, any>>).filter((alert) => alert.barn.id === barnId);
  }

  it('raises a rule’s alert once its condition held for the minimum duration, keeps one alert while the value wobbles, and clears it past the clear threshold', async () => {
    const barnId = await barn();
    const created = await api(CREATE_RULE, {
      input: { barnId, metric: 'temperatureC', comparison: 'ABOVE', threshold: 30, clearThreshold: 28, minDurationSeconds: 300 },
    });
    expect(created.errors).toBeUndefined();
    const rule = created.data!.createAlertRule;
    expect(rule).toMatchObject({ barn: { id: barnId }, farm: { id: farmId }, clearThreshold: 28, minDurationSeconds: 300, enabled: true });

    await store(barnId, [{ metric: 'temperatureC', value: 31, observedAt: at(0) }]);
    expect(await alertsOf(barnId)).toEqual([]);

    // Five minutes above 30: raised. Then 29.5 (under the threshold, over the clear one) and 33 again: still one alert.
    await store(barnId, [{ metric: 'temperatureC', value: 32, observedAt: at(5) }]);
    await store(barnId, [
      { metric: 'temperatureC', value: 29.5, observedAt: at(6) },
      { metric: 'temperatureC', value: 33, observedAt: at(7) },
    ]);
    const [active] = await alertsOf(barnId);
    expect(active).toMatchObject({
      status: 'ACTIVE',
      builtIn: null,
      metric: 'temperatureC',
      threshold: 30,
      raisedAt: at(5),
      peakValue: 33,
      lastValue: 33,
      rule: { id: rule.id },
    });
    expect(active!.barn.name).toMatch(/^House /);

    await store(barnId, [{ metric: 'temperatureC', value: 28, observedAt: at(8) }]);
    expect(await alertsOf(barnId)).toEqual([expect.objectContaining({ id: active!.id, status: 'CLEARED', clearedAt: at(8), peakValue: 33, lastValue: 28 })]);
    // A late reading (observed before the last one evaluated) does not rewrite the past: no new alert.
    // The ammonia batch after it only marks when the evaluator, which takes batches in order, is past it.
    await announce([
      {
        tenantId,
        farmId,
        barnId,
        deviceId: randomUUID(),
        eventId: randomUUID(),
        metric: 'temperatureC',
        unit: '°C',
        value: 45,
        observedAt: at(7),
        receivedAt: at(9),
      },
    ]);
    await store(barnId, [{ metric: 'ammoniaPpm', value: 1, observedAt: at(9) }]);
    expect((await alertsOf(barnId)).map((alert) => alert.id)).toEqual([active!.id]);
    expect(changes.filter((change) => change.alertId === active!.id)).toEqual([
      { tenantId, farmId, alertId: active!.id, change: 'RAISED' },
      { tenantId, farmId, alertId: active!.id, change: 'CLEARED' },
    ]);
  });

  it("pushes a farm's alert changes to its live subscribers over graphql-ws, with the barn resolved", async () => {
    const live = await openLive(farmiq.gatewayUrl, { token });
    try {
      const sub = live.subscribe('subscription ($f: ID!) { alertChanged(farmId: $f) { change alert { builtIn status peakValue barn { name } } } }', {
        f: farmId,
      });
      await liveSubscriptionsReach(farmiq.gatewayUrl, 1);
      const barnId = await barn();
      // Ammonia above 25 ppm for ten minutes raises AMMONIA_HIGH; 15 ppm (<= 20) clears it.
      await store(barnId, [{ metric: 'ammoniaPpm', value: 30, observedAt: at(30) }]);
      await store(barnId, [{ metric: 'ammoniaPpm', value: 32, observedAt: at(40) }]);
      await sub.received(1);
      await store(barnId, [{ metric: 'ammoniaPpm', value: 15, observedAt: at(41) }]);
      const results = await sub.received(2);
      const barnName = (await api('query ($b: ID!) { barn(id: $b) { name } }', { b: barnId })).data!.barn.name;
      // Each event carries the alert as it was when the gateway resolved it.
      expect(results.map((result) => result.data!.alertChanged)).toEqual([
        { change: 'RAISED', alert: { builtIn: 'AMMONIA_HIGH', status: 'ACTIVE', peakValue: 32, barn: { name: barnName } } },
        { change: 'CLEARED', alert: { builtIn: 'AMMONIA_HIGH', status: 'CLEARED', peakValue: 32, barn: { name: barnName } } },
      ]);
    } finally {
      live.close();
    }
  });

  it('raises the built-in heat stress (THI) and ammonia alerts of a barn without any rule', async () => {
    const barnId = await barn('BROILER');
    // 30 °C at 70 % RH: THI 81.38 (>= 75) from minute 1 (the later of the pair) to 11; ammonia 26 then 27 ppm (> 25) for ten minutes.
    await store(
      barnId,
      [
        { metric: 'temperatureC', value: 30, observedAt: at(0) },
        { metric: 'relativeHumidityPercent', value: 70, observedAt: at(1) },
        { metric: 'ammoniaPpm', value: 26, observedAt: at(1) },
      ],
      true,
      2,
    );
    expect(await alertsOf(barnId)).toEqual([]);
    await store(
      barnId,
      [
        { metric: 'temperatureC', value: 30.5, observedAt: at(10) },
        { metric: 'relativeHumidityPercent', value: 70, observedAt: at(11) },
        { metric: 'ammoniaPpm', value: 27, observedAt: at(11) },
      ],
      true,
      2,
    );
    const alerts = await alertsOf(barnId);
    expect(alerts.map((alert) => [alert.builtIn, alert.status, alert.raisedAt, alert.rule]).sort()).toEqual([
      ['AMMONIA_HIGH', 'ACTIVE', at(11), null],
      ['HEAT_STRESS_THI', 'ACTIVE', at(11), null],
    ]);
    // 30.5 °C at 70 % RH: 86.9 − 0.165·(54.9 − 26) = 86.9 − 4.7685 = 82.1315
    expect(alerts.find((alert) => alert.builtIn === 'HEAT_STRESS_THI')!.peakValue).toBeCloseTo(82.1315, 6);
    // Humidity 11 minutes after the last temperature makes no pair: 10 % RH would bring THI to 72.6 (clear),
    // but heat stress is not evaluated without a temperature of the same ten minutes, so it stays active.
    await store(barnId, [
      { metric: 'relativeHumidityPercent', value: 10, observedAt: at(21) },
      { metric: 'ammoniaPpm', value: 27, observedAt: at(21) },
    ]);
    expect((await alertsOf(barnId)).map((alert) => alert.status)).toEqual(['ACTIVE', 'ACTIVE']);
  });

  it('raises a water intake drop against the same local-time span of the previous three days, and clears it when intake catches up', async () => {
    const barnId = await barn();
    // Bangkok days start at 17:00 UTC. Each of the three previous days: 100 L by 06:00 local, 500 L at 18:00 local (after the span).
    for (const day of [17, 18, 19]) {
      await store(
        barnId,
        [
          { metric: 'waterLitres', value: 100, observedAt: new Date(Date.UTC(2026, 10, day - 1, 23)).toISOString() },
          { metric: 'waterLitres', value: 500, observedAt: new Date(Date.UTC(2026, 10, day, 11)).toISOString() },
        ],
        false,
      );
    }
    // Today (11-20 local): 70 L by 06:00, then 5 L at 12:00 local (05:00 UTC): 75 L against 100 L, 25 % less.
    await store(barnId, [{ metric: 'waterLitres', value: 70, observedAt: '2026-11-19T23:00:00.000Z' }], false);
    await store(barnId, [{ metric: 'waterLitres', value: 5, observedAt: '2026-11-20T05:00:00.000Z' }]);
    const [drop] = await alertsOf(barnId);
    expect(drop).toMatchObject({ builtIn: 'WATER_INTAKE_DROP', metric: 'waterIntakeDropPercent', status: 'ACTIVE', raisedAt: '2026-11-20T05:00:00.000Z' });
    expect(drop!.peakValue).toBeCloseTo(25, 6);
    // 20 L more at 12:30: 95 L against 100 L, 5 % less (within 10 %): cleared.
    await store(barnId, [{ metric: 'waterLitres', value: 20, observedAt: '2026-11-20T05:30:00.000Z' }]);
    expect(await alertsOf(barnId)).toEqual([expect.objectContaining({ id: drop!.id, status: 'CLEARED', clearedAt: '2026-11-20T05:30:00.000Z' })]);
  });

  it('lets an operator acknowledge an alert once, lists alerts by status in pages, and publishes the acknowledgement', async () => {
    const barnId = await barn();
    await store(barnId, [{ metric: 'ammoniaPpm', value: 40, observedAt: at(0) }]);
    await store(barnId, [{ metric: 'ammoniaPpm', value: 41, observedAt: at(10) }]);
    const [alert] = await alertsOf(barnId);
    const platform = await loginAsPlatformAdmin(farmiq);
    const operator = await inviteAndLogIn(farmiq, platform.accessToken, tenantId, 'OPERATOR');
    const acknowledged = await farmiq.as(operator.accessToken)(ACKNOWLEDGE, { id: alert!.id });
    expect(acknowledged.errors).toBeUndefined();
    expect(acknowledged.data!.acknowledgeAlert.acknowledgedBy).toEqual({ id: operator.userId });
    const again = await api(ACKNOWLEDGE, { id: alert!.id });
    expect(again.data!.acknowledgeAlert).toEqual(acknowledged.data!.acknowledgeAlert);
    expect(changes.filter((change) => change.alertId === alert!.id).map((change) => change.change)).toEqual(['RAISED', 'ACKNOWLEDGED']);

    const active = await api(ALERTS, { farmId, status: 'ACTIVE', first: 1 });
    expect(active.data!.alerts.nodes.every((node: { status: string }) => node.status === 'ACTIVE')).toBe(true);
    const all: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await api(ALERTS, { farmId, first: 2, after });
      all.push(...page.data!.alerts.nodes.map((node: { id: string }) => node.id));
      after = page.data!.alerts.pageInfo.hasNextPage ? page.data!.alerts.pageInfo.endCursor : null;
    } while (after);
    const whole = (await api(ALERTS, { farmId, first: 100 })).data!.alerts.nodes.map((node: { id: string }) => node.id);
    expect(all).toEqual(whole);
    expect(new Set(all).size).toBe(all.length);
  });

  it('keeps farm-wide rules made before rules were per barn working, and clears a rule’s alert when the rule is deleted', async () => {
    const barnId = await barn();
    const [legacy] = await farmiq.system.database!.sql.query<{ id: string }>(
      `INSERT INTO "telemetry"."alert_rule" (id, tenant_id, farm_id, metric, comparison, threshold) VALUES (gen_random_uuid(), $1, $2, 'co2Ppm', 'ABOVE', 3000) RETURNING id::text AS id`,
      [tenantId, farmId],
    );
    await store(barnId, [{ metric: 'co2Ppm', value: 3500, observedAt: at(0) }]);
    const [raised] = await alertsOf(barnId);
    expect(raised).toMatchObject({ status: 'ACTIVE', rule: { id: legacy!.id } });
    expect(
      (await api('query ($id: ID!) { alertRule(id: $id) { barn { id } clearThreshold minDurationSeconds enabled } }', { id: legacy!.id })).data!.alertRule,
    ).toEqual({
      barn: null,
      clearThreshold: 3000,
      minDurationSeconds: 0,
      enabled: true,
    });

    expect((await api('mutation ($id: ID!) { deleteAlertRule(id: $id) }', { id: legacy!.id })).data).toEqual({ deleteAlertRule: legacy!.id });
    expect(await alertsOf(barnId)).toEqual([expect.objectContaining({ id: raised!.id, status: 'CLEARED', rule: null })]);
    expect(changes.filter((change) => change.alertId === raised!.id).map((change) => change.change)).toEqual(['RAISED', 'CLEARED']);
  });

  it('stores at most one ACTIVE alert per rule or built-in and barn, whoever writes it', async () => {
    const barnId = await barn();
    const insert = () =>
      farmiq.system.database!.sql.query(
        `INSERT INTO "telemetry"."alert" (id, tenant_id, farm_id, barn_id, built_in, source, metric, comparison, threshold, raised_at, peak_value, last_value)
         VALUES (gen_random_uuid(), $1, $2, $3, 'AMMONIA_HIGH', 'AMMONIA_HIGH', 'ammoniaPpm', 'ABOVE', 25, now(), 30, 30)`,
        [tenantId, farmId, barnId],
      );
    await insert();
    await expect(insert()).rejects.toThrow(/alert_one_active_per_source_and_barn|duplicate key/);
    await farmiq.system.database!.sql.query(`UPDATE "telemetry"."alert" SET status = 'CLEARED', cleared_at = now() WHERE barn_id = $1`, [barnId]);
    await insert();
  });

  it('refuses rules on unknown metrics, out-of-range thresholds and a clear threshold on the wrong side', async () => {
    const barnId = await barn();
    const unknown = await api(CREATE_RULE, { input: { barnId, metric: 'moodScore', comparison: 'ABOVE', threshold: 1 } });
    expect(errorCode(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.errors![0]!.message).toContain('ammoniaPpm');
    expect(errorCode(await api(CREATE_RULE, { input: { barnId, metric: 'relativeHumidityPercent', comparison: 'ABOVE', threshold: 120 } }))).toBe(
      'BAD_USER_INPUT',
    );
    const wrongSide = await api(CREATE_RULE, { input: { barnId, metric: 'temperatureC', comparison: 'ABOVE', threshold: 30, clearThreshold: 31 } });
    expect(errorCode(wrongSide)).toBe('BAD_USER_INPUT');
    expect(wrongSide.errors![0]!.message).toBe('clearThreshold: for ABOVE it must be at or below the threshold 30, got 31');

    const rule = (await api(CREATE_RULE, { input: { barnId, metric: 'temperatureC', comparison: 'BELOW', threshold: 16, clearThreshold: 18 } })).data!
      .createAlertRule;
    const updated = await api(
      'mutation ($id: ID!) { updateAlertRule(id: $id, input: { threshold: 15, enabled: false }) { threshold clearThreshold enabled } }',
      { id: rule.id },
    );
    expect(updated.data!.updateAlertRule).toEqual({ threshold: 15, clearThreshold: 18, enabled: false });
    expect(errorCode(await api('mutation ($id: ID!) { updateAlertRule(id: $id, input: { clearThreshold: 10 }) { id } }', { id: rule.id }))).toBe(
      'BAD_USER_INPUT',
    );
    expect((await api('query ($id: ID!) { barn(id: $id) { alertRules { id } } }', { id: barnId })).data!.barn.alertRules).toEqual([{ id: rule.id }]);
  });
});

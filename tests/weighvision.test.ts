import { liveSubscriptionsReach, openLive, type LiveConnection } from './support/liveClient';
import { tenantWithAdmin } from './support/sessions';
import { errorCode, startTestSystem, type TestSystem } from './support/testSystem';

/**
 * Weigh sessions through the gateway (issue #21): opened, weighed and finalized by the API or
 * by a barn camera at the farm, they feed the batch's KPIs once finalized, and subscribers see
 * each change. One system for the whole file.
 */
const KPI = '{ value unavailableReason }';
const UNIFORMITY = `performance(asOf: "2026-11-30") { averageWeightKg ${KPI} adgGramsPerDay ${KPI} uniformity { weighedOn sampleCount cvPercent ${KPI} uniformityScore ${KPI} withinTenPercentOfMeanPercent ${KPI} } }`;
const SESSION = 'id status source weighedOn weightCount weightsKg meanWeightKg lateWeightCount finalizedAt batch { id }';

describe('weigh sessions', () => {
  let farmiq: TestSystem;
  let api: TestSystem['graphql'];
  let token: string;
  let farmId: string;
  const open: LiveConnection[] = [];

  beforeAll(async () => {
    farmiq = await startTestSystem('pglite');
    const { admin } = await tenantWithAdmin(farmiq, 'Weigh farm');
    token = admin.accessToken;
    api = farmiq.as(token);
    farmId = (await api('mutation { createFarm(input: { name: "Weigh farm", timeZone: "UTC" }) { id } }')).data!.createFarm.id;
  });
  afterAll(async () => {
    for (const connection of open) connection.close();
    await farmiq?.stop();
  });

  /** A broiler batch placed on 16 November at 42 g, in a barn of its own. */
  async function placeBatch(): Promise<{ batchId: string; barnId: string }> {
    const barnId = (await api('mutation ($f: ID!, $n: String!) { createBarn(input: { farmId: $f, name: $n, species: BROILER, capacityHead: 20000 }) { id } }', { f: farmId, n: `House ${Date.now()}-${Math.random()}` })).data!.createBarn.id;
    const placed = await api('mutation ($f: ID!, $b: ID!) { placeBatch(input: { farmId: $f, barnId: $b, species: BROILER, placedOn: "2026-11-16", headCountPlaced: 1000, placementWeightKg: 0.042 }) { id } }', { f: farmId, b: barnId });
    return { batchId: placed.data!.placeBatch.id, barnId };
  }

  it('feeds the batch KPIs with a platform-scale session once it is finalized, and tells subscribers each change', async () => {
    const { batchId } = await placeBatch();
    const live = await openLive(farmiq.gatewayUrl, { token });
    open.push(live);
    const changes = live.subscribe(`subscription ($b: ID!) { weighSessionChanged(batchId: $b) { status weightCount } }`, { b: batchId });
    await liveSubscriptionsReach(farmiq.gatewayUrl, 1);

    const opened = await api(`mutation ($b: ID!) { openWeighSession(input: { batchId: $b, source: PLATFORM_SCALE, weighedOn: "2026-11-30" }) { ${SESSION} } }`, { b: batchId });
    const sessionId = opened.data!.openWeighSession.id;
    expect(opened.data!.openWeighSession).toMatchObject({ status: 'OPEN', source: 'PLATFORM_SCALE', weighedOn: '2026-11-30', weightCount: 0, meanWeightKg: null });
    const weighed = await api(`mutation ($s: ID!) { recordSessionWeights(sessionId: $s, weightsKg: [2.0, 2.2, 2.4]) { ${SESSION} } }`, { s: sessionId });
    expect(weighed.data!.recordSessionWeights).toMatchObject({ status: 'OPEN', weightCount: 3, weightsKg: [2, 2.2, 2.4] });
    // Open: not a weigh session of the batch's KPIs yet.
    const before = await api(`query ($b: ID!) { batch(id: $b) { ${UNIFORMITY} } }`, { b: batchId });
    expect(before.data!.batch.performance.uniformity.cvPercent).toEqual({ value: null, unavailableReason: 'NO_WEIGHTS' });

    const finalized = await api(`mutation ($s: ID!) { finalizeWeighSession(sessionId: $s) { ${SESSION} } }`, { s: sessionId });
    expect(finalized.data!.finalizeWeighSession).toMatchObject({ status: 'FINALIZED', weightCount: 3 });
    const after = (await api(`query ($b: ID!) { batch(id: $b) { ${UNIFORMITY} weighSessions { id status } } }`, { b: batchId })).data!.batch;
    const performance = after.performance;
    // Mean = (2.0 + 2.2 + 2.4) / 3 = 2.2 kg; sample SD = √((0.2² + 0 + 0.2²) / 2) = 0.2 kg;
    // CV = 0.2 / 2.2 × 100 = 9.0909 %; score = 100 − 9.0909 = 90.9091; ±10 % of 2.2 is 1.98–2.42: all 3 within.
    expect(performance.uniformity).toMatchObject({ weighedOn: '2026-11-30', sampleCount: 3 });
    expect(performance.uniformity.cvPercent.value).toBeCloseTo(9.0909, 4);
    expect(performance.uniformity.uniformityScore.value).toBeCloseTo(90.9091, 4);
    expect(performance.uniformity.withinTenPercentOfMeanPercent.value).toBe(100);
    expect(performance.averageWeightKg.value).toBeCloseTo(2.2, 9);
    // ADG = (2.2 − 0.042) kg × 1000 / 14 days (16 → 30 November) = 154.1429 g/day.
    expect(performance.adgGramsPerDay.value).toBeCloseTo(154.1429, 4);
    expect(after.weighSessions).toEqual([{ id: sessionId, status: 'FINALIZED' }]);

    // Opened, weighed, finalized: three changes, in that order.
    const events = await changes.received(3, 15_000);
    expect(events.map((event) => event.data?.weighSessionChanged)).toEqual([
      { status: 'OPEN', weightCount: 0 },
      { status: 'OPEN', weightCount: 3 },
      { status: 'FINALIZED', weightCount: 3 },
    ]);
  });

  it('refuses weights for a finalized session and anything for a session of another tenant', async () => {
    const { batchId } = await placeBatch();
    const sessionId = (await api('mutation ($b: ID!) { openWeighSession(input: { batchId: $b, source: MANUAL, weighedOn: "2026-11-29" }) { id } }', { b: batchId })).data!.openWeighSession.id;
    expect(errorCode(await api('mutation ($s: ID!) { finalizeWeighSession(sessionId: $s) { id } }', { s: sessionId }))).toBe('BAD_USER_INPUT');
    await api('mutation ($s: ID!) { recordSessionWeights(sessionId: $s, weightsKg: [1.9]) { id } }', { s: sessionId });
    await api('mutation ($s: ID!) { finalizeWeighSession(sessionId: $s) { id } }', { s: sessionId });
    const late = await api('mutation ($s: ID!) { recordSessionWeights(sessionId: $s, weightsKg: [2.5]) { id } }', { s: sessionId });
    expect(errorCode(late)).toBe('BAD_USER_INPUT');
    expect(late.errors![0]!.message).toBe('sessionId: the session is FINALIZED; only an OPEN session can take weights');
    expect(errorCode(await api('mutation ($b: ID!) { openWeighSession(input: { batchId: $b, source: CAMERA, weighedOn: "2026-11-29" }) { id } }', { b: batchId }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api('mutation ($b: ID!) { openWeighSession(input: { batchId: $b, source: MANUAL, weighedOn: "2026-11-01" }) { id } }', { b: batchId }))).toBe('BAD_USER_INPUT');

    const other = await tenantWithAdmin(farmiq, 'Other weigh farm');
    const stranger = farmiq.as(other.admin.accessToken);
    expect(errorCode(await stranger('query ($s: ID!) { weighSession(id: $s) { id } }', { s: sessionId }))).toBe('NOT_FOUND');
    expect(errorCode(await stranger('mutation ($s: ID!) { cancelWeighSession(sessionId: $s) { id } }', { s: sessionId }))).toBe('NOT_FOUND');
    expect((await api('query ($s: ID!) { weighSession(id: $s) { status weightsKg } }', { s: sessionId })).data!.weighSession).toEqual({ status: 'FINALIZED', weightsKg: [1.9] });
  });

  it('cancels an open session: its weights feed nothing', async () => {
    const { batchId } = await placeBatch();
    const sessionId = (await api('mutation ($b: ID!) { openWeighSession(input: { batchId: $b, source: MANUAL, weighedOn: "2026-11-30" }) { id } }', { b: batchId })).data!.openWeighSession.id;
    await api('mutation ($s: ID!) { recordSessionWeights(sessionId: $s, weightsKg: [2.0, 2.1]) { id } }', { s: sessionId });
    const cancelled = await api('mutation ($s: ID!) { cancelWeighSession(sessionId: $s) { status weightCount } }', { s: sessionId });
    expect(cancelled.data!.cancelWeighSession).toEqual({ status: 'CANCELLED', weightCount: 2 });
    const batch = (await api(`query ($b: ID!) { batch(id: $b) { ${UNIFORMITY} } }`, { b: batchId })).data!.batch;
    expect(batch.performance.uniformity.sampleCount).toBe(0);
  });
});

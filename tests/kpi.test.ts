import { addDays, localDate } from '../subgraphs/kpi/formulas/dates';
import { recordWeighSample } from '../subgraphs/kpi/records/weighSamples';
import { backends } from './support/postgres';
import { tenantWithAdmin } from './support/sessions';
import { errorCode, startTestSystem, type TestSystem } from './support/testSystem';

const KPI = `{ value unavailableReason }`;
const PERFORMANCE = `query ($id: ID!, $asOf: Date) { batch(id: $id) { performance(asOf: $asOf) {
  asOf ageDays durationDays deadCount culledCount headCountAlive feedKg waterLitres weighedOn
  averageWeightKg ${KPI} adgGramsPerDay ${KPI} adfiGramsPerAnimalPerDay ${KPI}
  fcrKgFeedPerKgGain ${KPI} fcrMortalityAdjustedKgFeedPerKgGain ${KPI}
  mortalityPercent ${KPI} survivalRate ${KPI} livabilityPercent ${KPI}
  uniformity { weighedOn sampleCount meanWeightKg ${KPI} cvPercent ${KPI} uniformityScore ${KPI} withinTenPercentOfMeanPercent ${KPI} }
  health { score ${KPI} mortalityComponent ${KPI} morbidityComponent ${KPI} treatmentComponent ${KPI} }
  epef ${KPI} iep ${KPI} targetWeightKg ${KPI} targetDeviationPercent ${KPI} waterToFeedLitresPerKg ${KPI} waterToFeedStatus
} } }`;
const PLACE = `mutation ($input: PlaceBatchInput!) { placeBatch(input: $input) { id breed barn { id } } }`;
const MORTALITY = `mutation ($input: RecordMortalityInput!) { recordMortality(input: $input) { id } }`;
const FEED = `mutation ($input: RecordFeedInput!) { recordFeed(input: $input) { id } }`;
const WATER = `mutation ($input: RecordWaterInput!) { recordWater(input: $input) { id } }`;
const HEALTH = `mutation ($input: RecordHealthInput!) { recordHealth(input: $input) { id } }`;
const DEPLETION = `mutation ($input: RecordDepletionInput!) { recordDepletion(input: $input) { id } }`;
const WEIGH = `mutation ($id: ID!, $w: [Float!]!, $on: Date!) { recordWeighSession(batchId: $id, weightsKg: $w, weighedOn: $on) { id } }`;
const CURVE = `mutation ($input: SetTargetCurveInput!) { setTargetCurve(input: $input) { species breed points { dayOfAge weightKg } } }`;
const RANKING = `query ($id: ID!, $asOf: Date) { farm(id: $id) { batchRanking(asOf: $asOf) { batch { id } rank score fcrScore adgScore fcrKgFeedPerKgGain adgGramsPerDay } } }`;

describe.each(backends())('batch KPIs through the gateway on %s', (backend) => {
  let farmiq: TestSystem;
  let api: TestSystem['graphql'];
  let tenantId: string;
  let farmId: string;

  /** Sends an operation and fails the test with the API's errors if it has any. */
  async function ok(query: string, variables: Record<string, unknown> = {}) {
    const result = await api(query, variables);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!;
  }
  const place = async (input: Record<string, unknown>, farm = farmId) =>
    (await ok(PLACE, { input: { farmId: farm, species: 'BROILER', placedOn: '2026-10-01', ...input } })).placeBatch.id as string;
  const performance = async (id: string, asOf?: string) => (await ok(PERFORMANCE, { id, asOf })).batch.performance;

  beforeAll(async () => {
    farmiq = await startTestSystem(backend);
    const tenant = await tenantWithAdmin(farmiq, 'Broiler Co');
    tenantId = tenant.tenantId;
    api = farmiq.as(tenant.admin.accessToken);
    farmId = (await ok('mutation { createFarm(input: { name: "East", timeZone: "Asia/Bangkok" }) { id } }')).createFarm.id;
  });
  afterAll(async () => {
    await farmiq?.stop();
  });

  /**
   * The hand-worked broiler batch of subgraphs/kpi/formulas/__tests__/batchPerformance.test.ts,
   * entered through the API: 1000 placed at 0.040 kg on 2026-10-01; 30 dead on day 5 (unweighed);
   * 20 culled on day 20 weighing 10 kg; 1000 + 2000 kg feed; 5400 L water; 50 sick, 100 treated;
   * weighed on day 35 (2026-11-05): 1.9, 2.0, 2.0, 2.1 kg; Ross 308 target 2.1 kg on day 35.
   */
  async function handWorkedBatch(farm = farmId): Promise<string> {
    const id = await place({ breed: 'Ross 308', headCountPlaced: 1000, placementWeightKg: 0.04 }, farm);
    await ok(MORTALITY, { input: { batchId: id, occurredOn: '2026-10-06', kind: 'DEAD', headCount: 30, cause: 'yolk sac infection' } });
    await ok(MORTALITY, { input: { batchId: id, occurredOn: '2026-10-21', kind: 'CULLED', headCount: 20, totalWeightKg: 10 } });
    await ok(FEED, { input: { batchId: id, recordedOn: '2026-10-02', feedKg: 1000 } });
    await ok(FEED, { input: { batchId: id, recordedOn: '2026-10-21', feedKg: 2000 } });
    await ok(WATER, { input: { batchId: id, recordedOn: '2026-10-31', waterLitres: 5400 } });
    await ok(HEALTH, { input: { batchId: id, recordedOn: '2026-10-11', sickCount: 50, treatedCount: 100, treatment: 'amoxicillin' } });
    await ok(WEIGH, { id, w: [1.9, 2.0, 2.0, 2.1], on: '2026-11-05' });
    return id;
  }

  let batchId: string;

  it('sets a target curve for a breed and returns it in kg', async () => {
    const curve = await ok(CURVE, {
      input: {
        species: 'BROILER',
        breed: 'Ross 308',
        points: [
          { dayOfAge: 35, weightKg: 2.1 },
          { dayOfAge: 0, weightKg: 0.042 },
        ],
      },
    });
    expect(curve.setTargetCurve).toEqual({
      species: 'BROILER',
      breed: 'Ross 308',
      points: [
        { dayOfAge: 0, weightKg: 0.042 },
        { dayOfAge: 35, weightKg: 2.1 },
      ],
    });
  });

  it('computes every KPI of a batch to the hand-worked values, each in its unit', async () => {
    batchId = await handWorkedBatch();
    const kpis = await performance(batchId, '2026-11-05');
    expect(kpis).toMatchObject({
      asOf: '2026-11-05',
      ageDays: 35,
      durationDays: 35,
      deadCount: 30,
      culledCount: 20,
      headCountAlive: 950,
      feedKg: 3000,
      waterLitres: 5400,
      weighedOn: '2026-11-05',
    });
    expect(kpis.averageWeightKg.value).toBe(2);
    // ADG: (2.000 − 0.040) kg × 1000 / 35 days = 56 g/day (grams, from kilogram weights).
    expect(kpis.adgGramsPerDay.value).toBeCloseTo(56, 9);
    // ADFI: 3,000,000 g / (1000 × 35 − 30 × 30 − 20 × 15 = 33,800 animal-days) = 88.7574 g.
    expect(kpis.adfiGramsPerAnimalPerDay.value).toBeCloseTo(88.7574, 4);
    // FCR: 3000 kg / (950 × 2.0 − 1000 × 0.04 = 1860 kg) = 1.61290; adjusted: dead 30 × 0.320 kg + culls 10 kg = 19.6 kg → 3000 / 1879.6 = 1.59608.
    expect(kpis.fcrKgFeedPerKgGain.value).toBeCloseTo(1.6129, 4);
    expect(kpis.fcrMortalityAdjustedKgFeedPerKgGain.value).toBeCloseTo(1.59608, 5);
    // (30 + 20) / 1000 = 5 %; survival 0.95; livability 95 %.
    expect([kpis.mortalityPercent.value, kpis.survivalRate.value, kpis.livabilityPercent.value]).toEqual([5, 0.95, 95]);
    // EPEF: 95 × 2.0 / (35 × 1.6129) × 100 = 336.57. IEP is for pigs.
    expect(kpis.epef.value).toBeCloseTo(336.571, 3);
    expect(kpis.iep).toEqual({ value: null, unavailableReason: 'NOT_FOR_SPECIES' });
    // Health: 0.4 × (100 − 50) + 0.3 × (100 − 5) + 0.3 × (100 − 10) = 20 + 28.5 + 27 = 75.5.
    expect(kpis.health.score.value).toBeCloseTo(75.5, 9);
    expect(kpis.health.mortalityComponent.value).toBeCloseTo(50, 9);
    // Uniformity of 1.9, 2.0, 2.0, 2.1 kg: SD √(0.02 / 3) = 0.08165 kg; CV 4.0825 %; all 4 within 1.8–2.2 kg.
    expect(kpis.uniformity).toMatchObject({ weighedOn: '2026-11-05', sampleCount: 4, meanWeightKg: { value: 2 } });
    expect(kpis.uniformity.cvPercent.value).toBeCloseTo(4.0825, 4);
    expect(kpis.uniformity.uniformityScore.value).toBeCloseTo(95.9175, 4);
    expect(kpis.uniformity.withinTenPercentOfMeanPercent.value).toBe(100);
    // Target 2.1 kg: (2.0 − 2.1) / 2.1 × 100 = −4.7619 %, grams against grams.
    expect(kpis.targetWeightKg.value).toBe(2.1);
    expect(kpis.targetDeviationPercent.value).toBeCloseTo(-4.7619, 4);
    // 5400 L / 3000 kg = 1.8 L/kg: within 1.6–2.0.
    expect(kpis.waterToFeedLitresPerKg.value).toBe(1.8);
    expect(kpis.waterToFeedStatus).toBe('IN_RANGE');
  });

  it('recomputes the affected KPIs when a death dated in the past arrives late', async () => {
    await ok(MORTALITY, { input: { batchId, occurredOn: '2026-10-11', kind: 'DEAD', headCount: 10, totalWeightKg: 3 } });
    const kpis = await performance(batchId, '2026-11-05');
    // (40 + 20) / 1000 = 6 %; standard gain 940 × 2.0 − 40 = 1840 kg; FCR 3000 / 1840 = 1.63043.
    expect(kpis.mortalityPercent.value).toBe(6);
    expect(kpis.headCountAlive).toBe(940);
    expect(kpis.fcrKgFeedPerKgGain.value).toBeCloseTo(1.63043, 5);
    // And a weigh session dated in the past does not replace the latest one.
    await ok(WEIGH, { id: batchId, w: [1.0, 1.2], on: '2026-10-22' });
    expect((await performance(batchId, '2026-11-05')).averageWeightKg.value).toBe(2);
    // ... but is the latest one on day 25: (1.1 − 0.04) × 1000 / 21 days = 50.476 g/day.
    expect((await performance(batchId, '2026-10-26')).adgGramsPerDay.value).toBeCloseTo(50.476, 3);
  });

  it('charts the batch day by day against its target curve', async () => {
    const series = (
      await ok(
        `query ($id: ID!) { batch(id: $id) { dailySeries(asOf: "2026-11-05") {
      date dayOfAge deadCount culledCount headCountAlive cumulativeMortalityPercent feedKg averageWeightKg sampleCount targetWeightKg ${KPI} targetDeviationPercent ${KPI}
    } } }`,
        { id: batchId },
      )
    ).batch.dailySeries;
    expect(series).toHaveLength(36);
    // Day 5 (2026-10-06): 30 dead → 970 alive, 3 %; target 0.042 + 2.058 × 5/35 = 0.336 kg.
    expect(series[5]).toMatchObject({
      date: '2026-10-06',
      dayOfAge: 5,
      deadCount: 30,
      headCountAlive: 970,
      cumulativeMortalityPercent: 3,
      averageWeightKg: null,
    });
    expect(series[5].targetWeightKg.value).toBeCloseTo(0.336, 9);
    // Day 35: 940 alive (40 dead, 20 culled), weighed 2.0 kg against 2.1 kg.
    expect(series[35]).toMatchObject({ date: '2026-11-05', headCountAlive: 940, averageWeightKg: 2, sampleCount: 4 });
    expect(series[35].targetDeviationPercent.value).toBeCloseTo(-4.7619, 4);
  });

  it('answers null with a reason, never Infinity, NaN or an error, for a batch with nothing recorded', async () => {
    const empty = await place({ species: 'PIG', headCountPlaced: 50, placementWeightKg: 7 });
    const onPlacement = await performance(empty, '2026-10-01');
    expect(JSON.stringify(onPlacement)).not.toMatch(/Infinity|NaN/);
    expect(onPlacement.adgGramsPerDay).toEqual({ value: null, unavailableReason: 'NO_WEIGHTS' });
    expect(onPlacement.adfiGramsPerAnimalPerDay).toEqual({ value: null, unavailableReason: 'NO_ANIMALS' });
    expect(onPlacement.fcrKgFeedPerKgGain).toEqual({ value: null, unavailableReason: 'NO_WEIGHTS' });
    expect(onPlacement.uniformity.cvPercent).toEqual({ value: null, unavailableReason: 'NO_WEIGHTS' });
    expect(onPlacement.waterToFeedLitresPerKg).toEqual({ value: null, unavailableReason: 'NO_FEED' });
    expect(onPlacement.targetWeightKg.unavailableReason).toBe('NO_WEIGHTS');
    expect(onPlacement.mortalityPercent.value).toBe(0);
    expect(onPlacement.health.score.value).toBe(100);
    // One weight: uniformity is null with TOO_FEW_WEIGHTS, not 0; no feed yet: FCR NO_FEED.
    await ok(WEIGH, { id: empty, w: [9.5], on: '2026-10-08' });
    const later = await performance(empty, '2026-10-08');
    expect(later.uniformity.cvPercent).toEqual({ value: null, unavailableReason: 'TOO_FEW_WEIGHTS' });
    expect(later.fcrKgFeedPerKgGain).toEqual({ value: null, unavailableReason: 'NO_FEED' });
    // (9.5 − 7) kg × 1000 / 7 days = 357.14 g/day.
    expect(later.adgGramsPerDay.value).toBeCloseTo(357.143, 3);
    expect(later.targetWeightKg.unavailableReason).toBe('NO_TARGET_CURVE');
  });

  it('reads a weigh session on the placement day for the average weight as for uniformity', async () => {
    const id = await place({ headCountPlaced: 100, placementWeightKg: 0.04 });
    await ok(WEIGH, { id, w: [0.044, 0.046], on: '2026-10-01' });
    const first = await performance(id, '2026-10-03');
    // One session, on day 0: mean (44 + 46) / 2 = 45 g for every field; ADG has 0 days to divide by.
    expect(first).toMatchObject({ weighedOn: '2026-10-01', averageWeightKg: { value: 0.045, unavailableReason: null } });
    expect(first.uniformity).toMatchObject({ weighedOn: '2026-10-01', sampleCount: 2, meanWeightKg: { value: 0.045 } });
    expect(first.adgGramsPerDay).toEqual({ value: null, unavailableReason: 'NO_DAYS_ELAPSED' });
    await ok(WEIGH, { id, w: [0.1, 0.12], on: '2026-10-03' });
    const second = await performance(id, '2026-10-03');
    // (110 − 40) g / 2 days = 35 g/day, and uniformity moves to the same session.
    expect([second.weighedOn, second.averageWeightKg.value, second.adgGramsPerDay.value, second.uniformity.weighedOn]).toEqual([
      '2026-10-03',
      0.11,
      35,
      '2026-10-03',
    ]);
  });

  it("answers for today's date in the farm's time zone when no asOf is given, not UTC's", async () => {
    // A zone whose date differs from UTC's right now: Kiritimati (UTC+14) is a day ahead from 10:00 UTC, Pago Pago (UTC−11) a day behind before 11:00 UTC.
    const before = new Date();
    const timeZone = before.getUTCHours() >= 10 ? 'Pacific/Kiritimati' : 'Pacific/Pago_Pago';
    const farm = (await ok('mutation ($z: String!) { createFarm(input: { name: "Far away", timeZone: $z }) { id } }', { z: timeZone })).createFarm.id as string;
    const utcToday = before.toISOString().slice(0, 10);
    const id = await place({ headCountPlaced: 10, placementWeightKg: 0.04, placedOn: addDays(utcToday, -10) }, farm);
    const answer = await ok('query ($id: ID!) { batch(id: $id) { performance { asOf ageDays } dailySeries { date } } }', { id });
    const farmDays = [localDate(before, timeZone), localDate(new Date(), timeZone)];
    expect(farmDays).toContain(answer.batch.performance.asOf);
    expect(answer.batch.performance.asOf).not.toBe(utcToday);
    expect(answer.batch.performance.ageDays).toBe(timeZone === 'Pacific/Kiritimati' ? 11 : 9);
    expect(answer.batch.dailySeries.at(-1).date).toBe(answer.batch.performance.asOf);
  });

  it('closes a pig batch on its sale: duration to the last sale, IEP from the sale weight', async () => {
    // 100 pigs at 25 kg on 2026-10-01, 20,000 kg feed, all sold on day 100 (2027-01-09) for 11,000 kg.
    // ADG (110 − 25) × 1000 / 100 = 850 g/day; FCR 20,000 / (11,000 − 2,500) = 2.35294; IEP 850 × 100 / 2.35294 / 10 = 3612.5.
    const pigs = await place({ species: 'PIG', headCountPlaced: 100, placementWeightKg: 25 });
    await ok(FEED, { input: { batchId: pigs, recordedOn: '2026-11-01', feedKg: 20_000 } });
    await ok(DEPLETION, { input: { batchId: pigs, depletedOn: '2027-01-09', headCount: 100, totalLiveWeightKg: 11_000 } });
    const kpis = await performance(pigs, '2027-01-20');
    expect(kpis).toMatchObject({ ageDays: 111, durationDays: 100, headCountAlive: 0, weighedOn: '2027-01-09' });
    expect(kpis.adgGramsPerDay.value).toBeCloseTo(850, 9);
    expect(kpis.fcrKgFeedPerKgGain.value).toBeCloseTo(2.35294, 5);
    expect(kpis.iep.value).toBeCloseTo(3612.5, 6);
    expect(kpis.waterToFeedStatus).toBe('NO_RANGE');
    // No animal is left to die or sell.
    const more = await api(MORTALITY, { input: { batchId: pigs, occurredOn: '2027-01-09', kind: 'DEAD', headCount: 1 } });
    expect(errorCode(more)).toBe('BAD_USER_INPUT');
  });

  it('ranks a farm’s batches by normalised FCR and ADG, and scores equal values 0.5', async () => {
    const { id: farm } = (await ok('mutation { createFarm(input: { name: "Ranking", timeZone: "UTC" }) { id } }')).createFarm;
    const good = await handWorkedBatch(farm);
    // Slower: 100 at 0.04 kg, 300 kg feed, weighed 1.5 kg on day 35: ADG 1460/35 = 41.714 g/day; FCR 300 / (150 − 4) = 2.05479.
    const slow = await place({ headCountPlaced: 100, placementWeightKg: 0.04 }, farm);
    await ok(FEED, { input: { batchId: slow, recordedOn: '2026-10-05', feedKg: 300 } });
    await ok(WEIGH, { id: slow, w: [1.5, 1.5], on: '2026-11-05' });
    const unweighed = await place({ headCountPlaced: 10, placementWeightKg: 0.04 }, farm);
    const ranking = (await ok(RANKING, { id: farm, asOf: '2026-11-05' })).farm.batchRanking;
    expect(ranking.map((r: any) => [r.batch.id, r.rank, r.score, r.fcrScore, r.adgScore])).toEqual([
      [good, 1, 1, 1, 1],
      [slow, 2, 0, 0, 0],
      [unweighed, null, null, null, null],
    ]);
    expect(ranking[1].fcrKgFeedPerKgGain).toBeCloseTo(2.05479, 5);
    expect(ranking[1].adgGramsPerDay).toBeCloseTo(41.714, 3);

    // Two batches with the same records: every normalised value is 0.5, both rank 1.
    const { id: twins } = (await ok('mutation { createFarm(input: { name: "Twins", timeZone: "UTC" }) { id } }')).createFarm;
    for (let i = 0; i < 2; i++) {
      const twin = await place({ headCountPlaced: 100, placementWeightKg: 0.04 }, twins);
      await ok(FEED, { input: { batchId: twin, recordedOn: '2026-10-05', feedKg: 300 } });
      await ok(WEIGH, { id: twin, w: [1.5, 1.5], on: '2026-11-05' });
    }
    const tied = (await ok(RANKING, { id: twins, asOf: '2026-11-05' })).farm.batchRanking;
    expect(tied.map((r: any) => [r.rank, r.score, r.fcrScore, r.adgScore])).toEqual([
      [1, 0.5, 0.5, 0.5],
      [1, 0.5, 0.5, 0.5],
    ]);
  });

  it('loads the records of all ranked batches together, not once per batch', async () => {
    const { id: farm } = (await ok('mutation { createFarm(input: { name: "Many", timeZone: "UTC" }) { id } }')).createFarm;
    for (let i = 0; i < 5; i++) {
      const id = await place({ headCountPlaced: 100, placementWeightKg: 0.04 }, farm);
      await ok(FEED, { input: { batchId: id, recordedOn: '2026-10-05', feedKg: 300 + i } });
      await ok(WEIGH, { id, w: [1.5, 1.6], on: '2026-11-05' });
    }
    const db = farmiq.system.database!.prisma;
    // Spies that count and pass every call to the real client.
    const mortalityReads = jest.spyOn(db.mortalityRecord, 'findMany');
    const sessionReads = jest.spyOn(db.weighSample, 'groupBy');
    try {
      const result = await ok(
        `query ($id: ID!) { farm(id: $id) { batchRanking(asOf: "2026-11-05") { rank batch { performance(asOf: "2026-11-05") { feedKg } } } } }`,
        { id: farm },
      );
      expect(result.farm.batchRanking).toHaveLength(5);
      expect(mortalityReads).toHaveBeenCalledTimes(1);
      expect(sessionReads).toHaveBeenCalledTimes(1);
    } finally {
      mortalityReads.mockRestore();
      sessionReads.mockRestore();
    }
  });

  it('takes scale weights from telemetry through recordWeighSample, within the tenant only', async () => {
    const id = await place({ headCountPlaced: 10, placementWeightKg: 0.04 });
    const db = farmiq.system.database!.prisma;
    await recordWeighSample(db, { tenantId, batchId: id, weighedOn: '2026-10-08', weightKg: 0.2, sourceReading: 'scale-1 e1' });
    await recordWeighSample(db, { tenantId, batchId: id, weighedOn: '2026-10-08', weightKg: 0.22, sourceReading: 'scale-1 e2' });
    // The same reading delivered again is not a third weight.
    expect(await recordWeighSample(db, { tenantId, batchId: id, weighedOn: '2026-10-08', weightKg: 0.22, sourceReading: 'scale-1 e2' })).toBe(0);
    const kpis = await performance(id, '2026-10-08');
    // Mean 0.21 kg: (0.21 − 0.04) × 1000 / 7 = 24.286 g/day.
    expect(kpis.uniformity.sampleCount).toBe(2);
    expect(kpis.adgGramsPerDay.value).toBeCloseTo(24.286, 3);
    const other = await tenantWithAdmin(farmiq, 'Someone else');
    await expect(
      recordWeighSample(db, { tenantId: other.tenantId, batchId: id, weighedOn: '2026-10-08', weightKg: 5, sourceReading: 'scale-1 e3' }),
    ).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });

  it.each([
    ['a weight of 0 kg', WEIGH, { w: [1.2, 0], on: '2026-10-08' }, /^weightsKg\[1\]: expected more than 0/],
    ['no weights', WEIGH, { w: [], on: '2026-10-08' }, /^weightsKg: expected 1 to 10000 weights, got 0/],
    ['a weigh day before placement', WEIGH, { w: [1.2], on: '2026-09-30' }, /^weighedOn: expected 2026-10-01 \(the placement day\) or later/],
    ['negative feed', FEED, { input: { recordedOn: '2026-10-02', feedKg: -5 } }, /^feedKg: expected 0 to 1000000 kg, got -5/],
    ['zero water', WATER, { input: { recordedOn: '2026-10-02', waterLitres: 0 } }, /^waterLitres: expected at least 0.001 litres/],
    [
      'more deaths than animals',
      MORTALITY,
      { input: { occurredOn: '2026-10-02', kind: 'DEAD', headCount: 1001 } },
      /^headCount: only 940 of the 1000 animals placed are left, got 1001/,
    ],
    [
      'a sale without weight',
      DEPLETION,
      { input: { depletedOn: '2026-10-02', headCount: 1, totalLiveWeightKg: 0 } },
      /^totalLiveWeightKg: expected at least 0.001 kg/,
    ],
    [
      'a health record with nobody sick or treated',
      HEALTH,
      { input: { recordedOn: '2026-10-02', sickCount: 0, treatedCount: 0 } },
      /expected at least one animal sick or treated/,
    ],
  ])('refuses %s with BAD_USER_INPUT and says what it expected', async (_what, mutation, variables: any, message) => {
    const vars = variables.input ? { input: { batchId, ...variables.input } } : { id: batchId, ...variables };
    const result = await api(mutation, vars);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.message).toMatch(message);
  });

  it('never removes more animals than were placed, even when removals arrive at once', async () => {
    // 100 placed; ten deaths or sales of 20 sent at once: 200 > 100, so exactly five are refused.
    const id = await place({ headCountPlaced: 100, placementWeightKg: 0.04 });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        i % 2 === 0
          ? api(MORTALITY, { input: { batchId: id, occurredOn: '2026-10-05', kind: 'DEAD', headCount: 20 } })
          : api(DEPLETION, { input: { batchId: id, depletedOn: '2026-10-05', headCount: 20, totalLiveWeightKg: 4 } }),
      ),
    );
    expect(results.filter((result) => errorCode(result) === 'BAD_USER_INPUT')).toHaveLength(5);
    expect((await performance(id, '2026-10-06')).headCountAlive).toBe(0);
  });

  it('refuses an asOf before placement and an unknown batch', async () => {
    expect(errorCode(await api(PERFORMANCE, { id: batchId, asOf: '2026-09-30' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api(FEED, { input: { batchId: '00000000-0000-4000-8000-000000000000', recordedOn: '2026-10-02', feedKg: 5 } }))).toBe('NOT_FOUND');
  });

  it('keeps the barn and breed given at placement', async () => {
    const barnId = (
      await ok('mutation ($f: ID!) { createBarn(input: { farmId: $f, name: "Sow house", species: PIG, capacityHead: 50 }) { id } }', { f: farmId })
    ).createBarn.id;
    const placed = await ok(PLACE, {
      input: { farmId, barnId, species: 'PIG', breed: ' Large White ', placedOn: '2026-10-01', headCountPlaced: 5, placementWeightKg: 7 },
    });
    expect(placed.placeBatch).toMatchObject({ breed: 'Large White', barn: { id: barnId } });
  });
});

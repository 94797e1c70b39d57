import { randomUUID } from 'node:crypto';
import mqtt from 'mqtt';
import { renderScene } from '../bench/vision/birdFrames';
import { liveSubscriptionsReach, openLive, type LiveConnection } from './support/liveClient';
import { loginAsPlatformAdmin, tenantWithAdmin } from './support/sessions';
import { waitFor } from './support/waitFor';
import { errorCode, startTestSystem, type TestSystem } from './support/testSystem';

/**
 * Weigh sessions through the gateway (issue #21): opened, weighed and finalized by the API or
 * by a barn camera at the farm, they feed the batch's KPIs once finalized, and subscribers see
 * each change. One system for the whole file.
 */
const KPI = '{ value unavailableReason }';
const UNIFORMITY = `performance(asOf: "2026-11-30") { averageWeightKg ${KPI} adgGramsPerDay ${KPI} uniformity { weighedOn sampleCount cvPercent ${KPI} uniformityScore ${KPI} withinTenPercentOfMeanPercent ${KPI} } }`;
const SESSION = 'id status source weighedOn weightCount weightsKg meanWeightKg lateWeightCount finalizedAt batch { id }';

// A whole system per file, frames weighed in worker threads: room for a busy CI machine.
jest.setTimeout(240_000);

describe('weigh sessions', () => {
  let farmiq: TestSystem;
  let api: TestSystem['graphql'];
  let token: string;
  let farmId: string;
  const open: LiveConnection[] = [];

  beforeAll(async () => {
    farmiq = await startTestSystem('pglite', { VISION: 'on', VISION_PORT: '0' });
    const { admin } = await tenantWithAdmin(farmiq, 'Weigh farm');
    token = admin.accessToken;
    api = farmiq.as(token);
    farmId = (await api('mutation { createFarm(input: { name: "Weigh farm", timeZone: "UTC" }) { id } }')).data!.createFarm.id;
  }, 240_000);
  afterAll(async () => {
    for (const connection of open) connection.close();
    await farmiq?.stop();
  });

  /** A broiler batch placed on `placedOn` (default 16 November) at 42 g, in a barn of its own. */
  async function placeBatch(placedOn = '2026-11-16'): Promise<{ batchId: string; barnId: string }> {
    const barnId = (
      await api('mutation ($f: ID!, $n: String!) { createBarn(input: { farmId: $f, name: $n, species: BROILER, capacityHead: 20000 }) { id } }', {
        f: farmId,
        n: `House ${randomUUID()}`,
      })
    ).data!.createBarn.id;
    const placed = await api(
      'mutation ($f: ID!, $b: ID!, $p: Date!) { placeBatch(input: { farmId: $f, barnId: $b, species: BROILER, placedOn: $p, headCountPlaced: 1000, placementWeightKg: 0.042 }) { id } }',
      { f: farmId, b: barnId, p: placedOn },
    );
    return { batchId: placed.data!.placeBatch.id, barnId };
  }

  it('feeds the batch KPIs with a platform-scale session once it is finalized, and tells subscribers each change', async () => {
    const { batchId } = await placeBatch();
    const live = await openLive(farmiq.gatewayUrl, { token });
    open.push(live);
    const changes = live.subscribe(`subscription ($b: ID!) { weighSessionChanged(batchId: $b) { status weightCount } }`, { b: batchId });
    await liveSubscriptionsReach(farmiq.gatewayUrl, 1);
    // A batch that is not the caller's tenant's: NOT_FOUND, as the query answers, and the subscription completes.
    const unknown = live.subscribe(`subscription ($b: ID!) { weighSessionChanged(batchId: $b) { status } }`, { b: randomUUID() });
    await unknown.settled();
    expect(unknown.results[0]!.errors?.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);

    const opened = await api(
      `mutation ($b: ID!) { openWeighSession(input: { batchId: $b, source: PLATFORM_SCALE, weighedOn: "2026-11-30" }) { ${SESSION} } }`,
      { b: batchId },
    );
    const sessionId = opened.data!.openWeighSession.id;
    expect(opened.data!.openWeighSession).toMatchObject({
      status: 'OPEN',
      source: 'PLATFORM_SCALE',
      weighedOn: '2026-11-30',
      weightCount: 0,
      meanWeightKg: null,
    });
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
    const sessionId = (
      await api('mutation ($b: ID!) { openWeighSession(input: { batchId: $b, source: MANUAL, weighedOn: "2026-11-29" }) { id } }', { b: batchId })
    ).data!.openWeighSession.id;
    expect(errorCode(await api('mutation ($s: ID!) { finalizeWeighSession(sessionId: $s) { id } }', { s: sessionId }))).toBe('BAD_USER_INPUT');
    await api('mutation ($s: ID!) { recordSessionWeights(sessionId: $s, weightsKg: [1.9]) { id } }', { s: sessionId });
    await api('mutation ($s: ID!) { finalizeWeighSession(sessionId: $s) { id } }', { s: sessionId });
    const late = await api('mutation ($s: ID!) { recordSessionWeights(sessionId: $s, weightsKg: [2.5]) { id } }', { s: sessionId });
    expect(errorCode(late)).toBe('BAD_USER_INPUT');
    expect(late.errors![0]!.message).toBe('sessionId: the session is FINALIZED; only an OPEN session can take weights');
    expect(
      errorCode(await api('mutation ($b: ID!) { openWeighSession(input: { batchId: $b, source: CAMERA, weighedOn: "2026-11-29" }) { id } }', { b: batchId })),
    ).toBe('BAD_USER_INPUT');
    expect(
      errorCode(await api('mutation ($b: ID!) { openWeighSession(input: { batchId: $b, source: MANUAL, weighedOn: "2026-11-01" }) { id } }', { b: batchId })),
    ).toBe('BAD_USER_INPUT');

    const other = await tenantWithAdmin(farmiq, 'Other weigh farm');
    const stranger = farmiq.as(other.admin.accessToken);
    expect(errorCode(await stranger('query ($s: ID!) { weighSession(id: $s) { id } }', { s: sessionId }))).toBe('NOT_FOUND');
    expect(errorCode(await stranger('mutation ($s: ID!) { cancelWeighSession(sessionId: $s) { id } }', { s: sessionId }))).toBe('NOT_FOUND');
    expect((await api('query ($s: ID!) { weighSession(id: $s) { status weightsKg } }', { s: sessionId })).data!.weighSession).toEqual({
      status: 'FINALIZED',
      weightsKg: [1.9],
    });
  });

  it('cancels an open session: its weights feed nothing', async () => {
    const { batchId } = await placeBatch();
    const sessionId = (
      await api('mutation ($b: ID!) { openWeighSession(input: { batchId: $b, source: MANUAL, weighedOn: "2026-11-30" }) { id } }', { b: batchId })
    ).data!.openWeighSession.id;
    await api('mutation ($s: ID!) { recordSessionWeights(sessionId: $s, weightsKg: [2.0, 2.1]) { id } }', { s: sessionId });
    const cancelled = await api('mutation ($s: ID!) { cancelWeighSession(sessionId: $s) { status weightCount } }', { s: sessionId });
    expect(cancelled.data!.cancelWeighSession).toEqual({ status: 'CANCELLED', weightCount: 2 });
    const batch = (await api(`query ($b: ID!) { batch(id: $b) { ${UNIFORMITY} } }`, { b: batchId })).data!.batch;
    expect(batch.performance.uniformity.sampleCount).toBe(0);
  });

  describe('from a barn camera at the farm', () => {
    /** A camera registered by the platform, claimed by the tenant and activated in `barnId`: its device id and MQTT password. */
    async function activeCamera(barnId: string): Promise<{ id: string; password: string }> {
      const platform = farmiq.as((await loginAsPlatformAdmin(farmiq)).accessToken);
      const label = (
        await platform('mutation ($s: String!) { registerDevices(input: { devices: [{ serialNumber: $s, kind: CAMERA }] }) { device { id } claimLink } }', {
          s: `CAM-${randomUUID().slice(0, 8)}`,
        })
      ).data!.registerDevices[0];
      await api('mutation ($l: String) { claimDevice(input: { claimLink: $l }) { id } }', { l: label.claimLink });
      const activated = await api('mutation ($d: ID!, $b: ID!) { activateDevice(input: { deviceId: $d, barnId: $b, name: "Camera" }) { mqttPassword } }', {
        d: label.device.id,
        b: barnId,
      });
      return { id: label.device.id, password: activated.data!.activateDevice.mqttPassword };
    }
    const visionUrl = (path: string) => `http://127.0.0.1:${farmiq.system.ports.vision}${path}`;
    const basic = (camera: { id: string; password: string }) => `Basic ${Buffer.from(`${camera.id}:${camera.password}`).toString('base64')}`;
    const upload = (camera: { id: string; password: string }, jpeg: Uint8Array, frameTime?: string) =>
      fetch(visionUrl('/vision/frames'), {
        method: 'POST',
        headers: { authorization: basic(camera), 'content-type': 'image/jpeg', ...(frameTime ? { 'x-frame-time': frameTime } : {}) },
        body: jpeg,
      });
    /** A 640 × 360 frame of the flock: twelve birds alone, a touching pair, two cut by the edge. */
    const frame = (seed: number) => renderScene(seed, { width: 640, height: 360, singles: 12, touchingPairs: 1, edgeBirds: 2 });
    /** What the upload endpoint answers for a frame. */
    interface FrameAnswer {
      calibrated: boolean;
      acceptedCount: number;
      rejectedCount: number;
      predictions: Array<{ accepted: boolean; weightKg: number | null; confidence: number }>;
    }
    const answerOf = async (response: Response) => (await response.json()) as FrameAnswer;
    const today = () => new Date().toISOString().slice(0, 10);
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

    it('refuses a camera with a wrong password, an unknown one and an upload without credentials, and invalid bytes with a clear error', async () => {
      const { barnId } = await placeBatch();
      const camera = await activeCamera(barnId);
      const jpeg = frame(1).jpeg;
      expect((await upload({ ...camera, password: 'not its password' }, jpeg)).status).toBe(401);
      expect((await upload({ id: randomUUID(), password: camera.password }, jpeg)).status).toBe(401);
      const anonymous = await fetch(visionUrl('/vision/frames'), { method: 'POST', headers: { 'content-type': 'image/jpeg' }, body: jpeg });
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toEqual({ code: 'UNAUTHENTICATED', message: "the camera's device id and MQTT password, as HTTP Basic credentials" });
      const invalid = await upload(camera, Buffer.from('these bytes are no picture'));
      expect(invalid.status).toBe(422);
      expect(await invalid.json()).toEqual({
        code: 'INVALID_IMAGE',
        message: 'not a JPEG image: it does not start with the JPEG start-of-image marker (FF D8)',
      });
      const truncated = await upload(camera, jpeg.subarray(0, jpeg.length / 2));
      expect(await truncated.json()).toEqual({ code: 'INVALID_IMAGE', message: 'truncated JPEG image: no end-of-image marker (FF D9)' });
      // And the broker refuses the wrong password for its frames topic too.
      const refused = await mqtt
        .connectAsync(`mqtt://127.0.0.1:${farmiq.system.ports.mqtt}`, {
          username: camera.id,
          password: 'not its password',
          clientId: camera.id,
          protocolVersion: 4,
          reconnectPeriod: 0,
        })
        .catch((error: Error) => error);
      expect(refused).toBeInstanceOf(Error);
    });

    it("turns frames uploaded and published at the farm into the weights of the camera's session, finalized through the gateway into the batch's uniformity", async () => {
      const { batchId, barnId } = await placeBatch(daysAgo(21));
      const camera = await activeCamera(barnId);
      // Before calibration: birds found, no weights sent.
      const first = frame(11);
      const uncalibrated = await answerOf(await upload(camera, first.jpeg));
      expect(uncalibrated).toMatchObject({ calibrated: false });
      expect(uncalibrated.acceptedCount).toBeGreaterThanOrEqual(10);
      expect(uncalibrated.predictions.every((prediction) => prediction.weightKg === null)).toBe(true);
      // The barn's scale session of the same flock: the rendered birds' own weights.
      const scaleWeightsKg = first.birds.filter((bird) => bird.kind === 'single').map((bird) => bird.weightKg);
      const calibrated = await fetch(visionUrl('/vision/calibration'), {
        method: 'POST',
        headers: { authorization: basic(camera), 'content-type': 'application/json' },
        body: JSON.stringify({ scaleWeightsKg }),
      });
      expect(calibrated.status).toBe(200);

      const second = frame(12);
      const uploaded = await answerOf(await upload(camera, second.jpeg, new Date(Date.now() - 60_000).toISOString()));
      expect(uploaded.calibrated).toBe(true);
      expect(uploaded.predictions.length).toBeGreaterThanOrEqual(1);
      for (const prediction of uploaded.predictions) {
        expect(prediction.confidence).toBeGreaterThanOrEqual(0);
        expect(prediction.confidence).toBeLessThanOrEqual(1);
      }
      const weighed = (answer: FrameAnswer) => answer.predictions.filter((p) => p.accepted).map((p) => Math.round(p.weightKg! * 1000) / 1000);
      const uploadedWeights = weighed(uploaded);
      expect(uploadedWeights.length).toBeGreaterThanOrEqual(10);
      expect(uploaded.rejectedCount).toBeGreaterThanOrEqual(2);

      const sessionOf = async () =>
        (await api('query ($b: ID!) { batch(id: $b) { weighSessions { id status source weighedOn weightCount weightsKg lateWeightCount } } }', { b: batchId }))
          .data!.batch.weighSessions[0];
      await waitFor(async () => expect((await sessionOf())?.weightCount).toBe(uploadedWeights.length), 60_000, 250);

      // A frame the camera publishes over MQTT on its own topic; then the same frame uploaded tells what it weighed (its weights are the same events).
      const third = frame(13);
      const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${farmiq.system.ports.mqtt}`, {
        username: camera.id,
        password: camera.password,
        clientId: camera.id,
        protocolVersion: 4,
        reconnectPeriod: 0,
      });
      await client.publishAsync(`farmiq/devices/${camera.id}/frames`, Buffer.from(third.jpeg), { qos: 1 });
      await client.endAsync();
      await waitFor(async () => expect((await sessionOf()).weightCount).toBeGreaterThan(uploadedWeights.length), 60_000, 250);
      const publishedWeights = weighed(await answerOf(await upload(camera, third.jpeg)));
      await waitFor(async () => expect((await sessionOf()).weightCount).toBe(uploadedWeights.length + publishedWeights.length), 60_000, 250);
      const session = await sessionOf();
      expect(session).toMatchObject({ status: 'OPEN', source: 'CAMERA', weighedOn: today(), lateWeightCount: 0 });
      expect([...session.weightsKg].sort()).toEqual([...uploadedWeights, ...publishedWeights].sort());

      const finalized = await api('mutation ($s: ID!) { finalizeWeighSession(sessionId: $s) { status weightCount } }', { s: session.id });
      expect(finalized.data!.finalizeWeighSession).toEqual({ status: 'FINALIZED', weightCount: session.weightCount });
      const performance = (
        await api(
          `query ($b: ID!, $d: Date!) { batch(id: $b) { performance(asOf: $d) { averageWeightKg ${KPI} uniformity { weighedOn sampleCount cvPercent ${KPI} } } } }`,
          { b: batchId, d: today() },
        )
      ).data!.batch.performance;
      const all = [...uploadedWeights, ...publishedWeights];
      const mean = all.reduce((sum, weight) => sum + weight, 0) / all.length;
      expect(performance.uniformity).toMatchObject({ weighedOn: today(), sampleCount: all.length });
      expect(performance.averageWeightKg.value).toBeCloseTo(mean, 6);
      expect(performance.uniformity.cvPercent.value).toBeGreaterThan(0);
      // The camera's mean is the flock's: within 5 % of the rendered birds' mean weight.
      const rendered = [...second.birds, ...third.birds].filter((bird) => bird.kind === 'single').map((bird) => bird.weightKg);
      const renderedMean = rendered.reduce((sum, weight) => sum + weight, 0) / rendered.length;
      expect(Math.abs(mean - renderedMean) / renderedMean).toBeLessThan(0.05);
    });
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { renderScene } from '../bench/vision/birdFrames';
import { startIngestor, type Ingestor } from '../edge-ingestor/ingestor';
import { loadConfig } from '../lib/config';
import { SCALE_SESSION_PATH } from '../lib/edge/scaleSessionLink';
import { INGEST_PATH, signBatch } from '../lib/edge/signedBatch';
import { createLogger } from '../lib/logger';
import { graphqlCaller } from './support/graphqlCaller';
import { backends } from './support/postgres';
import { seedFarmThroughApi, type SeededFarm } from './support/seedFarm';
import { waitFor } from './support/waitFor';
import { startTestSystem, TEST_ADMIN, type TestSystem } from './support/testSystem';

/**
 * Issue #21, "calibration uses the barn's scale sessions": kpi answers a farm box's signed ask
 * for the latest finalized platform-scale session of a camera's barn, and the farm box's vision
 * calibrates the camera from it, once per session, across restarts.
 */
jest.setTimeout(240_000);

const DAY_MS = 86_400_000;
const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString().slice(0, 10);

describe.each(backends())('camera calibration from platform-scale sessions on %s', (backend) => {
  let farmiq: TestSystem;
  let farm: SeededFarm;
  let otherFarm: SeededFarm;
  let api: ReturnType<typeof graphqlCaller>['call'];
  /** Farm A's camera in the barn with sessions, its camera in a barn without, and farm B's camera. */
  let camera: { id: string; password: string };
  let cameraWithoutSessions: { id: string; password: string };
  let otherFarmsCamera: { id: string; password: string };
  let batchId: string;
  let latestSession: { id: string; finalizedAt: string };

  /** A camera registered by the platform, claimed and activated in `barnId` by the farm's tenant admin. */
  async function activeCamera(owner: SeededFarm, barnId: string): Promise<{ id: string; password: string }> {
    const platform = graphqlCaller(farmiq.gatewayUrl);
    platform.as((await platform.call('mutation ($i: LoginInput!) { login(input: $i) { accessToken } }', { i: TEST_ADMIN })).login.accessToken);
    const label = (
      await platform.call('mutation ($s: String!) { registerDevices(input: { devices: [{ serialNumber: $s, kind: CAMERA }] }) { device { id } claimLink } }', {
        s: `CAM-${randomUUID().slice(0, 8)}`,
      })
    ).registerDevices[0];
    const tenant = graphqlCaller(farmiq.gatewayUrl);
    tenant.as(owner.tenantAdminToken);
    await tenant.call('mutation ($l: String) { claimDevice(input: { claimLink: $l }) { id } }', { l: label.claimLink });
    const { activateDevice } = await tenant.call(
      'mutation ($d: ID!, $b: ID!) { activateDevice(input: { deviceId: $d, barnId: $b, name: "Camera" }) { mqttPassword } }',
      { d: label.device.id, b: barnId },
    );
    return { id: label.device.id, password: activateDevice.mqttPassword };
  }

  /** A platform-scale (or manual) session of the batch on `weighedOn` with `weightsKg`, finalized: its id and finalizedAt. */
  async function finalizedSession(weighedOn: string, weightsKg: number[], source = 'PLATFORM_SCALE'): Promise<{ id: string; finalizedAt: string }> {
    const { openWeighSession } = await api(
      `mutation ($b: ID!, $d: Date!) { openWeighSession(input: { batchId: $b, source: ${source}, weighedOn: $d }) { id } }`,
      {
        b: batchId,
        d: weighedOn,
      },
    );
    await api('mutation ($s: ID!, $w: [Float!]!) { recordSessionWeights(sessionId: $s, weightsKg: $w) { id } }', { s: openWeighSession.id, w: weightsKg });
    const { finalizeWeighSession } = await api('mutation ($s: ID!) { finalizeWeighSession(sessionId: $s) { id finalizedAt } }', { s: openWeighSession.id });
    return finalizeWeighSession;
  }

  const scaleSessionUrl = () => new URL(SCALE_SESSION_PATH, farmiq.gatewayUrl).toString();
  /** Asks the gateway as a farm box would, signed with `key` at `now`. */
  async function ask(cameraId: string, key: { keyId: string; secret: string }, now = new Date()) {
    const body = Buffer.from(JSON.stringify({ cameraId }));
    const headers = signBatch({ keyId: key.keyId, secret: key.secret, method: 'POST', path: SCALE_SESSION_PATH, body, now });
    const response = await fetch(scaleSessionUrl(), { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  }
  const keyOf = (owner: SeededFarm) => ({ keyId: owner.keyId, secret: owner.secret });

  beforeAll(async () => {
    farmiq = await startTestSystem(backend);
    farm = await seedFarmThroughApi(farmiq.gatewayUrl, TEST_ADMIN, 1);
    otherFarm = await seedFarmThroughApi(farmiq.gatewayUrl, TEST_ADMIN, 1);
    const tenant = graphqlCaller(farmiq.gatewayUrl);
    tenant.as(farm.tenantAdminToken);
    api = tenant.call;
    const { createBarn } = await api(
      'mutation ($f: ID!) { createBarn(input: { farmId: $f, name: "House 2", species: BROILER, capacityHead: 20000 }) { id } }',
      {
        f: farm.farmId,
      },
    );
    camera = await activeCamera(farm, farm.barnId);
    cameraWithoutSessions = await activeCamera(farm, createBarn.id);
    otherFarmsCamera = await activeCamera(otherFarm, otherFarm.barnId);
    const { placeBatch } = await api(
      'mutation ($f: ID!, $b: ID!, $p: Date!) { placeBatch(input: { farmId: $f, barnId: $b, species: BROILER, placedOn: $p, headCountPlaced: 1000, placementWeightKg: 0.042 }) { id } }',
      { f: farm.farmId, b: farm.barnId, p: daysAgo(30) },
    );
    batchId = placeBatch.id;
    // Yesterday's session, then today's (the latest), then a manual session and an open one after it: neither counts.
    await finalizedSession(daysAgo(1), [1.7, 1.8, 1.9, 2.0, 2.1, 2.1, 2.2, 2.3, 2.4, 2.5]);
    latestSession = await finalizedSession(today(), [1.8, 1.9, 2.0, 2.1, 2.2, 2.2, 2.3, 2.4, 2.5, 2.6]);
    await finalizedSession(today(), [3.0, 3.1, 3.2, 3.3, 3.4, 3.5, 3.6, 3.7, 3.8, 3.9], 'MANUAL');
    const { openWeighSession } = await api(
      'mutation ($b: ID!, $d: Date!) { openWeighSession(input: { batchId: $b, source: PLATFORM_SCALE, weighedOn: $d }) { id } }',
      {
        b: batchId,
        d: today(),
      },
    );
    await api('mutation ($s: ID!) { recordSessionWeights(sessionId: $s, weightsKg: [9.0]) { id } }', { s: openWeighSession.id });
  }, 240_000);
  afterAll(async () => farmiq?.stop());

  describe('the route POST /edge/v1/scale-sessions/latest', () => {
    it("answers the latest finalized platform-scale session of the camera's barn, weights in grams", async () => {
      const answer = await ask(camera.id, keyOf(farm));
      expect(answer).toEqual({
        status: 200,
        body: {
          session: {
            id: latestSession.id,
            barnId: farm.barnId,
            weighedOn: today(),
            finalizedAt: new Date(latestSession.finalizedAt).toISOString(),
            weightsGrams: [1800, 1900, 2000, 2100, 2200, 2200, 2300, 2400, 2500, 2600],
          },
        },
      });
    });

    it('answers NO_SCALE_SESSION for a camera of a barn without one', async () => {
      const answer = await ask(cameraWithoutSessions.id, keyOf(farm));
      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe('NO_SCALE_SESSION');
    });

    it("refuses another farm's camera exactly as an id nobody has, and a device that is not a camera", async () => {
      const other = await ask(otherFarmsCamera.id, keyOf(farm));
      const nobody = await ask(randomUUID(), keyOf(farm));
      const sensor = await ask(farm.devices[0]!.id, keyOf(farm));
      expect(other.status).toBe(404);
      expect(other.body.error.code).toBe('CAMERA_UNKNOWN');
      expect(other).toEqual(nobody);
      expect(sensor).toEqual(nobody);
      // Its own farm's key gets its answer: the refusal above was the key's farm, not the camera.
      expect((await ask(otherFarmsCamera.id, keyOf(otherFarm))).body.error.code).toBe('NO_SCALE_SESSION');
    });

    it('refuses a wrong signature, an expired timestamp, an unknown key and a replayed request', async () => {
      const wrongSecret = await ask(camera.id, { keyId: farm.keyId, secret: otherFarm.secret });
      expect(wrongSecret.status).toBe(401);
      expect(wrongSecret.body.error.code).toBe('SIGNATURE_INVALID');
      const expired = await ask(camera.id, keyOf(farm), new Date(Date.now() - 6 * 60_000));
      expect(expired.status).toBe(401);
      expect(expired.body.error.code).toBe('TIMESTAMP_OUT_OF_WINDOW');
      const unknownKey = await ask(camera.id, { keyId: 'egk_nobody', secret: farm.secret });
      expect(unknownKey.status).toBe(401);
      expect(unknownKey.body.error.code).toBe('KEY_UNKNOWN');
      const unsigned = await fetch(scaleSessionUrl(), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ cameraId: camera.id }),
      });
      expect(unsigned.status).toBe(401);
      expect(((await unsigned.json()) as { error: { code: string } }).error.code).toBe('SIGNATURE_MISSING');

      const body = Buffer.from(JSON.stringify({ cameraId: camera.id }));
      const headers = { ...signBatch({ ...keyOf(farm), method: 'POST', path: SCALE_SESSION_PATH, body }), 'content-type': 'application/json' };
      expect((await fetch(scaleSessionUrl(), { method: 'POST', headers, body })).status).toBe(200);
      const replayed = await fetch(scaleSessionUrl(), { method: 'POST', headers, body });
      expect(replayed.status).toBe(401);
      expect(((await replayed.json()) as { error: { code: string } }).error.code).toBe('NONCE_REPLAYED');
    });

    it('answers BAD_REQUEST for a signed body that names no camera', async () => {
      const body = Buffer.from('{"camera": 1}');
      const headers = { ...signBatch({ ...keyOf(farm), method: 'POST', path: SCALE_SESSION_PATH, body }), 'content-type': 'application/json' };
      const response = await fetch(scaleSessionUrl(), { method: 'POST', headers, body });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
    });
  });

  describe("the farm box's vision", () => {
    let dataDir: string;
    let passwordFile: string;
    const started: Ingestor[] = [];
    afterAll(async () => {
      for (const ingestor of started) await ingestor.stop();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    });

    /** The farm box as an operator runs it: its edge key, the farm's device password file, INGEST_URL on the gateway, vision on. */
    async function startFarmBox(): Promise<Ingestor> {
      const ingestor = await startIngestor(
        loadConfig({
          NODE_ENV: 'test',
          FARMIQ_DATA_DIR: dataDir,
          MQTT_PORT: '0',
          MQTT_PASSWORD_FILE: passwordFile,
          INGEST_URL: new URL(INGEST_PATH, farmiq.gatewayUrl).toString(),
          EDGE_KEY_ID: farm.keyId,
          EDGE_KEY_SECRET: farm.secret,
          VISION: 'on',
          VISION_PORT: '0',
          VISION_WORKERS: '1',
          VISION_TIMEOUT_MS: '20000',
          VISION_CALIBRATION_INTERVAL_MS: '1000',
        }),
        createLogger('silent'),
      );
      started.push(ingestor);
      return ingestor;
    }
    /** Uploads a frame as the camera: the accepted birds' weights (null while uncalibrated). */
    async function upload(ingestor: Ingestor, jpeg: Buffer): Promise<Array<number | null>> {
      const response = await fetch(`http://127.0.0.1:${ingestor.vision!.port}/vision/frames`, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(`${camera.id}:${camera.password}`).toString('base64')}`, 'content-type': 'image/jpeg' },
        body: jpeg,
      });
      expect(response.status).toBe(200);
      const answer = (await response.json()) as { predictions: Array<{ accepted: boolean; weightKg: number | null }> };
      return answer.predictions.filter((prediction) => prediction.accepted).map((prediction) => prediction.weightKg);
    }
    const mean = (values: Array<number | null>) => values.reduce<number>((sum, value) => sum + value!, 0) / values.length;
    /**
     * Sixteen birds alone, a touching pair and two cut by the edge, 800 × 450: one upload is enough
     * birds for a fit (at least 10), so a pass can only ever fit against whole frames.
     */
    const frame = (seed: number) => renderScene(seed, { width: 800, height: 450, singles: 16, touchingPairs: 1, edgeBirds: 2 }).jpeg;

    it('calibrates a camera from the latest platform-scale session of its barn, once, and from a newer one when it comes', async () => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-calibration-'));
      const files = (await api('query ($f: ID!) { brokerAuthFiles(farmId: $f) { passwordFile } }', { f: farm.farmId })).brokerAuthFiles;
      passwordFile = path.join(dataDir, 'devices.passwd');
      fs.writeFileSync(passwordFile, files.passwordFile);

      let box = await startFarmBox();
      const first = frame(11);
      const seen = await upload(box, first);
      expect(seen.length).toBeGreaterThanOrEqual(10);
      expect(seen.every((weight) => weight === null)).toBe(true);

      // The next pass (every second here) finds today's session and fits the camera to it.
      const calibration = await waitFor(() => {
        const now = box.vision!.calibrations.of(camera.id);
        expect(now?.scaleSession).toEqual({ id: latestSession.id, finalizedAt: new Date(latestSession.finalizedAt).toISOString() });
        return now!;
      }, 30_000);
      // k = mean scale weight / mean area^1.5 of the birds seen (calibration.ts), so the same birds
      // weighed again average exactly the scale's mean: (1.8 + 1.9 + … + 2.6) / 10 = 22.0 / 10 = 2.2 kg,
      // not the later manual session's 3.45 kg nor the open one's 9 kg.
      const weighedAgain = await upload(box, first);
      expect(weighedAgain).toHaveLength(seen.length);
      expect(mean(weighedAgain)).toBeCloseTo(2.2, 9);
      const stored = JSON.parse(fs.readFileSync(path.join(dataDir, 'vision', 'calibrations.json'), 'utf8')) as Record<string, unknown>;
      expect(stored[camera.id]).toEqual(calibration);

      // Restarted, with other birds seen since: the same session is not applied again.
      await box.stop();
      box = await startFarmBox();
      expect(box.vision!.calibrations.of(camera.id)).toEqual(calibration);
      const other = frame(13);
      await upload(box, other);
      expect((await box.vision!.scaleSessionSync!.syncNow()).get(camera.id)).toBe('already_applied');
      expect(box.vision!.calibrations.of(camera.id)).toEqual(calibration);

      // A newer session arrives: the camera is fitted to it against the birds seen since the restart (frame 13's),
      // so frame 13 weighed again averages its mean, 2.5 kg.
      const newer = await finalizedSession(today(), [2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5]);
      const refitted = await waitFor(() => {
        const now = box.vision!.calibrations.of(camera.id);
        expect(now?.scaleSession?.id).toBe(newer.id);
        return now!;
      }, 30_000);
      expect(refitted.kgPerPx15).not.toBe(calibration.kgPerPx15);
      expect(mean(await upload(box, other))).toBeCloseTo(2.5, 9);

      // Restarted again, a newer session but no bird seen since (the areas are in memory): not
      // fitted, the calibration kept, asked again next time.
      await box.stop();
      box = await startFarmBox();
      await finalizedSession(today(), [2.6, 2.6, 2.6, 2.6, 2.6, 2.6, 2.6, 2.6, 2.6, 2.6]);
      expect((await box.vision!.scaleSessionSync!.syncNow()).get(camera.id)).toBe('not_fitted');
      expect(box.vision!.calibrations.of(camera.id)).toEqual(refitted);
      // The latest session finalized is of three days ago: the birds seen now have grown since, so it is not fitted either.
      await finalizedSession(daysAgo(3), [2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0]);
      await upload(box, frame(14));
      expect((await box.vision!.scaleSessionSync!.syncNow()).get(camera.id)).toBe('too_old');
      expect(box.vision!.calibrations.of(camera.id)).toEqual(refitted);
    });
  });
});

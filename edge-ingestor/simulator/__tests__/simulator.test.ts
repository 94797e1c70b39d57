import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { DEVICE_KINDS } from '../../../lib/deviceKinds';
import { loadConfig } from '../../../lib/config';
import { createLogger } from '../../../lib/logger';
import { startIngestReceiver } from '../../../tests/support/ingestReceiver';
import { startIngestor } from '../../ingestor';
import { isInvalid, toBatchMessage } from '../../mqtt/telemetryMessage';
import { broilerWeightKg, simulatedMetrics } from '../readings';
import { startSimulator, type SimulatorDevice } from '../Simulator';

const DAY_MS = 86_400_000;
const midnight = Date.UTC(2026, 10, 25);

describe('simulated readings', () => {
  it('should be valid device payloads for every kind at every hour of the day', () => {
    for (const kind of DEVICE_KINDS) {
      for (let hour = 0; hour < 24; hour += 1) {
        const at = midnight + hour * 3_600_000;
        const payload = Buffer.from(
          JSON.stringify({ seq: hour, timestamp: at, metrics: simulatedMetrics({ kind, index: 0, placedAtMs: at - 20 * DAY_MS }, at) }),
        );
        const message = toBatchMessage(`farmiq/devices/${randomUUID()}/telemetry`, payload, new Date(at));
        expect(isInvalid(message) ? message : 'valid').toBe('valid');
      }
    }
  });

  it('should be warmer and drier at 15:00 than at 03:00', () => {
    const device = { kind: 'CLIMATE' as const, index: 0, placedAtMs: midnight };
    const still = () => 0.5;
    const night = simulatedMetrics(device, midnight + 3 * 3_600_000, still);
    const afternoon = simulatedMetrics(device, midnight + 15 * 3_600_000, still);
    expect(afternoon.temperatureC).toBeGreaterThan(night.temperatureC! + 3);
    expect(afternoon.relativeHumidityPercent).toBeLessThan(night.relativeHumidityPercent!);
  });

  it('should weigh birds along a growth curve: grams at placement, kilograms at slaughter age', () => {
    expect(broilerWeightKg(0)).toBeGreaterThan(0.04);
    expect(broilerWeightKg(0)).toBeLessThan(0.1);
    expect(broilerWeightKg(42)).toBeGreaterThan(2.4);
    expect(broilerWeightKg(42)).toBeLessThan(3.2);
    const weekly = [0, 7, 14, 21, 28, 35, 42].map(broilerWeightKg);
    expect(weekly).toEqual([...weekly].sort((a, b) => a - b));
  });
});

describe('the simulator', () => {
  it('should publish as each device with its own credentials, and its readings reach the cloud', async () => {
    const devices: SimulatorDevice[] = (['CLIMATE', 'WATER_METER', 'FEED_BIN', 'SCALE'] as const).map((kind) => ({
      id: randomUUID(),
      password: randomUUID(),
      kind,
    }));
    const receiver = await startIngestReceiver();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-simulator-'));
    const log = createLogger('silent');
    const config = loadConfig({
      NODE_ENV: 'test',
      FARMIQ_DATA_DIR: dataDir,
      MQTT_PORT: '0',
      INGEST_URL: receiver.url,
      EDGE_KEY_ID: receiver.key.keyId,
      EDGE_KEY_SECRET: receiver.key.secret,
      FORWARD_BATCH_MAX_WAIT_MS: '50',
    });
    // The embedded broker checks each device's own password, as it does in the all-in-one mode.
    const ingestor = await startIngestor(config, log, {
      authenticateDevice: async (username, password) => devices.some((device) => device.id === username && device.password === password),
    });
    try {
      const simulator = await startSimulator({ brokerUrl: ingestor.brokerUrl, devices, ratePerSecond: 200, log });
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await simulator.stop();
      expect(simulator.acknowledged()).toBeGreaterThanOrEqual(40);
      await receiver.waitForStored(simulator.acknowledged(), 10_000);
      expect(new Set(receiver.stored.map((message) => message.deviceId))).toEqual(new Set(devices.map((device) => device.id)));
      const scale = receiver.stored.find((message) => message.deviceId === devices[3]!.id)!;
      expect(Object.keys(scale.metrics)).toEqual(['weightKg']);
    } finally {
      await ingestor.stop();
      await receiver.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

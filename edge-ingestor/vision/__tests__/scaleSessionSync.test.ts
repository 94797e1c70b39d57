import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createLogger } from '../../../lib/logger';
import { CalibrationStore } from '../calibrationStore';
import { fetchScaleSession, scaleSessionUrlBeside, startScaleSessionSync } from '../scaleSessionSync';

/** A loopback port nobody listens on: a cloud that is down. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("a camera's calibration from the cloud's scale sessions, at the farm", () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-vision-sync-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const key = { keyId: 'egk_test', secret: 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0' };
  // Ten birds of 400 px (400^1.5 = 8000) against ten weights averaging 2.0 kg: k = 2.0 / 8000 = 0.00025.
  const areas = Array.from({ length: 10 }, () => 400);
  const weights = Array.from({ length: 10 }, () => 2.0);

  it("is asked of the gateway that takes the batches, beside INGEST_URL's path", () => {
    expect(scaleSessionUrlBeside('https://api.example.com/ingest/v1/batches')).toBe('https://api.example.com/edge/v1/scale-sessions/latest');
    // Behind a reverse proxy that serves the cloud below a prefix, the prefix is kept.
    expect(scaleSessionUrlBeside('https://example.com/farmiq/ingest/v1/batches')).toBe('https://example.com/farmiq/edge/v1/scale-sessions/latest');
  });

  it('keeps the calibration, says why and never throws while the cloud is unreachable', async () => {
    const store = new CalibrationStore(dataDir);
    store.sawBirds('camera-1', areas);
    const before = store.calibrateFromScaleSession('camera-1', weights, new Date('2026-12-01T08:00:00Z'), {
      id: randomUUID(),
      finalizedAt: '2026-12-01T07:00:00.000Z',
    });
    expect(before.kgPerPx15).toBeCloseTo(0.00025, 12);
    const url = `http://127.0.0.1:${await closedPort()}/edge/v1/scale-sessions/latest`;
    expect(await fetchScaleSession({ url, key }, 'camera-1')).toMatchObject({ kind: 'unreachable', detail: 'ECONNREFUSED' });

    const sync = startScaleSessionSync({ calibrations: store, source: { url, key }, intervalMs: 60_000, log: createLogger('silent') });
    try {
      expect(await sync.syncNow()).toEqual(new Map([['camera-1', 'unreachable']]));
      expect(store.of('camera-1')).toEqual(before);
    } finally {
      await sync.stop();
    }
  });

  it('keeps the mark of the last cloud session through a manual fit and a restart', () => {
    const store = new CalibrationStore(dataDir);
    store.sawBirds('camera-1', areas);
    const session = { id: randomUUID(), finalizedAt: '2026-12-01T07:00:00.000Z' };
    store.calibrateFromScaleSession('camera-1', weights, new Date('2026-12-01T08:00:00Z'), session);
    // A manual fit (POST /vision/calibration) to 2.4 kg: k = 2.4 / 8000 = 0.0003, the session's mark kept.
    const manual = store.calibrateFromScaleSession(
      'camera-1',
      Array.from({ length: 10 }, () => 2.4),
      new Date('2026-12-01T09:00:00Z'),
    );
    expect(manual.kgPerPx15).toBeCloseTo(0.0003, 12);
    expect(manual.scaleSession).toEqual(session);

    const reopened = new CalibrationStore(dataDir);
    expect(reopened.of('camera-1')).toEqual(manual);
    expect(reopened.cameras()).toEqual(['camera-1']);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../lib/config';
import { createLogger } from '../../lib/logger';
import { startIngestor } from '../ingestor';

const log = createLogger('silent');

describe('starting the ingestor', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-ingestor-start-'))));
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('should refuse to run as a farm ingestor in production without the edge key, naming the variables', async () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      FARMIQ_DATA_DIR: dataDir,
      MQTT_URL: 'mqtt://127.0.0.1:1',
      INGEST_URL: 'https://cloud.example/ingest/v1/batches',
    });
    await expect(startIngestor(config, log)).rejects.toThrow(
      new ConfigError('EDGE_KEY_ID and EDGE_KEY_SECRET: required in production (the edge gateway key from registerEdgeGateway)'),
    );
  });

  it('should refuse to run as a farm ingestor in production without an ingest URL', async () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      FARMIQ_DATA_DIR: dataDir,
      MQTT_URL: 'mqtt://127.0.0.1:1',
      EDGE_KEY_ID: 'k',
      EDGE_KEY_SECRET: 'a-secret-of-enough-length',
    });
    await expect(startIngestor(config, log)).rejects.toThrow(/^INGEST_URL: required in production/);
  });

  it('should refuse half an edge key', () => {
    expect(() => loadConfig({ EDGE_KEY_ID: 'k' })).toThrow('EDGE_KEY_SECRET: required with EDGE_KEY_ID (the edge gateway key from registerEdgeGateway)');
  });

  it('should refuse a second ingestor on the same buffer', async () => {
    const config = loadConfig({ NODE_ENV: 'test', FARMIQ_DATA_DIR: dataDir, MQTT_PORT: '0' });
    const first = await startIngestor(config, log);
    try {
      // The lock names this process as the owner; a second process would be refused the same way.
      fs.writeFileSync(path.join(dataDir, 'ingestor-buffer', 'farmiq.lock'), String(process.ppid));
      await expect(startIngestor(config, log)).rejects.toThrow(/in use/);
    } finally {
      await first.stop();
    }
  });
});

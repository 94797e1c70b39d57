import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mqtt from 'mqtt';
import { loadConfig } from '../../lib/config';
import { createLogger } from '../../lib/logger';
import { MQTT_URL_ENV } from '../../tests/support/globalSetup';
import { generateCredential } from '../broker/ingestorCredential';
import { startEmbeddedBroker, type EmbeddedBroker } from '../broker/embeddedBroker';
import { startIngestor } from '../ingestor';
import { waitFor } from '../../tests/support/waitFor';

const log = createLogger('silent');

/** Connects and reports the broker's answer: 'connected', or the CONNACK refusal code. */
function tryConnect(port: number, options: mqtt.IClientOptions): Promise<'connected' | number> {
  return new Promise((resolve) => {
    const client = mqtt.connect(`mqtt://127.0.0.1:${port}`, { ...options, protocolVersion: 4, reconnectPeriod: 0, connectTimeout: 3_000 });
    client.once('connect', () => {
      client.end(true);
      resolve('connected');
    });
    client.once('error', (error) => {
      client.end(true);
      resolve((error as { code?: number }).code ?? -1);
    });
  });
}

describe('the embedded MQTT broker', () => {
  const ingestorCredential = generateCredential('farmiq-ingestor-test');
  let broker: EmbeddedBroker;

  beforeAll(async () => {
    broker = await startEmbeddedBroker({ port: 0, host: '127.0.0.1', log, ingestorCredential });
  });
  afterAll(async () => {
    await broker?.close();
  });

  it('refuses an anonymous client (CONNACK 4: bad user name or password)', async () => {
    expect(await tryConnect(broker.port, { clientId: 'anonymous-sensor' })).toBe(4);
  });

  it('refuses a known user name with the wrong password', async () => {
    expect(await tryConnect(broker.port, { clientId: 'x', username: ingestorCredential.username, password: 'guess' })).toBe(4);
  });

  it('accepts the ingestor with its credential', async () => {
    expect(await tryConnect(broker.port, { clientId: 'ingestor', ...ingestorCredential })).toBe('connected');
  });
});

/** The embedded broker always; the machine's real broker (Mosquitto) when it has one. */
const brokers: Array<[string, Record<string, string>]> = [
  ['the embedded broker it starts', { MQTT_PORT: '0' }],
  ...(process.env[MQTT_URL_ENV] ? [['the real broker named by MQTT_URL', { MQTT_URL: process.env[MQTT_URL_ENV]! }] as [string, Record<string, string>]] : []),
];

describe('the ingestor', () => {
  // A buffer folder and an MQTT session of this test's own (never the repository's .data/).
  let dataDir: string;
  beforeEach(() => (dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-broker-test-'))));
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const own = (env: Record<string, string>) =>
    loadConfig({ ...env, FARMIQ_DATA_DIR: dataDir, INGESTOR_CLIENT_ID: `farmiq-ingestor-test-${randomUUID().slice(0, 8)}` });

  it.each(brokers)('connects to %s and reports ready', async (_name, env) => {
    const config = own(env);
    const ingestor = await startIngestor(config, log);
    try {
      await waitFor(() => ingestor.readiness.check());
    } finally {
      await ingestor.stop();
      // The ingestor keeps its session on purpose (clean session off); on the machine's shared broker
      // this test's session is ended, so no run leaves a queue behind.
      if (env.MQTT_URL)
        await (await mqtt.connectAsync(env.MQTT_URL, { clientId: config.ingestor.clientId, clean: true, protocolVersion: 4, reconnectPeriod: 0 })).endAsync();
    }
  });

  it('reports not ready, with the broker named, while MQTT_URL does not answer', async () => {
    const config = own({ MQTT_URL: 'mqtt://127.0.0.1:1' });
    const ingestor = await startIngestor(config, log);
    try {
      await expect(ingestor.readiness.check()).rejects.toThrow('not connected to mqtt://127.0.0.1:1');
    } finally {
      await ingestor.stop();
    }
  });
});

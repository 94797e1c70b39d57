import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mqtt from 'mqtt';
import { hashMosquittoPassword, mosquittoPasswordFile } from '../lib/mqtt/mosquittoPassword';
import { FREE_PORTS, spawnFarmiq, stopAllFarmiq, type FarmiqProcess } from './support/farmiqProcess';
import { startIngestReceiver, type IngestReceiver } from './support/ingestReceiver';
import { selfSignedCertificate } from './support/certificates';

/**
 * A farm's own box on the barn network: `farmiq start --target ingestor` (a real process, in
 * production) whose embedded broker listens where MQTT_HOST says, over TLS with MQTT_TLS_*, and
 * checks devices against MQTT_PASSWORD_FILE. Production asks it for no FARMIQ_JWKS_URL: it
 * verifies no tokens.
 */
const device = { id: randomUUID(), password: 'barn-3 climate sensor password' };
const topic = `farmiq/devices/${device.id}/telemetry`;
const reading = (eventId: string) => JSON.stringify({ eventId, timestamp: new Date(Date.now() - 1_000).toISOString(), metrics: { temperatureC: 21.5 } });

let dir: string;
let receiver: IngestReceiver;
let certificate: { certFile: string; keyFile: string; cert: string };

const env = (extra: Record<string, string>) => ({
  ...FREE_PORTS,
  NODE_ENV: 'production',
  FARMIQ_DATA_DIR: fs.mkdtempSync(path.join(dir, 'data-')),
  INGEST_URL: receiver.url,
  EDGE_KEY_ID: receiver.key.keyId,
  EDGE_KEY_SECRET: receiver.key.secret,
  FORWARD_BATCH_MAX_WAIT_MS: '50',
  MQTT_PASSWORD_FILE: path.join(dir, 'passwords'),
  ...extra,
});

/** Connects once and reports what happened: 'connected', or why not. */
function attempt(url: string, options: mqtt.IClientOptions = {}): Promise<{ client?: mqtt.MqttClient; outcome: string }> {
  return new Promise((resolve) => {
    const client = mqtt.connect(url, {
      username: device.id,
      password: device.password,
      clientId: device.id,
      protocolVersion: 4,
      reconnectPeriod: 0,
      connectTimeout: 3_000,
      ...options,
    });
    let settled = false;
    const settle = (outcome: string) => {
      if (settled) return;
      settled = true;
      if (outcome === 'connected') resolve({ client, outcome });
      else {
        client.end(true);
        resolve({ outcome });
      }
    };
    client.once('connect', () => settle('connected'));
    client.on('error', (error) => settle(`error: ${error.message}`));
    client.once('close', () => settle('closed before CONNACK'));
  });
}

async function publishOnce(url: string, eventId: string, options: mqtt.IClientOptions = {}): Promise<void> {
  const { client, outcome } = await attempt(url, options);
  expect(outcome).toBe('connected');
  await client!.publishAsync(topic, reading(eventId), { qos: 1 });
  await client!.endAsync();
}

const storedIds = () => receiver.stored.map((message) => message.eventId);

async function waitForStored(eventId: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!storedIds().includes(eventId)) {
    if (Date.now() > deadline) throw new Error(`${eventId} was not forwarded; forwarded: ${storedIds().join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** An address of this machine that is not loopback (what a barn device would dial), if it has one. */
function farmNetworkAddress(): string | undefined {
  return Object.values(os.networkInterfaces())
    .flat()
    .find((entry) => entry && entry.family === 'IPv4' && !entry.internal)?.address;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-ingestor-tls-'));
  receiver = await startIngestReceiver();
  certificate = selfSignedCertificate(dir, 'broker');
  fs.writeFileSync(path.join(dir, 'passwords'), mosquittoPasswordFile([{ username: device.id, passwordHash: hashMosquittoPassword(device.password) }]), {
    mode: 0o600,
  });
});
afterAll(async () => {
  await stopAllFarmiq();
  await receiver?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the ingestor target with MQTT_TLS_CERT_FILE and MQTT_TLS_KEY_FILE on MQTT_HOST=0.0.0.0', () => {
  let ingestor: FarmiqProcess;
  let port: number;
  // Through the farm network when the machine has one, so the test dials what a barn device dials.
  const host = farmNetworkAddress() ?? '127.0.0.1';

  beforeAll(async () => {
    ingestor = spawnFarmiq(
      ['start', '--target', 'ingestor'],
      env({ MQTT_HOST: '0.0.0.0', MQTT_TLS_CERT_FILE: certificate.certFile, MQTT_TLS_KEY_FILE: certificate.keyFile }),
    );
    port = (await ingestor.up).mqtt!;
  });

  it('should forward the reading of a device that connects over mqtts:// trusting the certificate', async () => {
    await publishOnce(`mqtts://${host}:${port}`, 'over-tls', { ca: certificate.cert, servername: 'localhost' });
    await waitForStored('over-tls');
  });

  it('should not speak plain MQTT on the TLS port', async () => {
    const { outcome } = await attempt(`mqtt://${host}:${port}`);
    expect(outcome).not.toBe('connected');
  });

  it('should leave a device that does not trust the certificate unconnected, and keep running', async () => {
    const { outcome } = await attempt(`mqtts://${host}:${port}`, { servername: 'localhost' });
    expect(outcome).toMatch(/^error: self[- ]signed certificate/);
    expect(ingestor.child.exitCode).toBeNull();
  });

  it('should refuse a device that offers only TLS 1.1', async () => {
    // SECLEVEL=0 lets this client's OpenSSL offer TLS 1.1 at all: the refusal is the broker's.
    const tls11 = {
      ca: certificate.cert,
      servername: 'localhost',
      minVersion: 'TLSv1.1',
      maxVersion: 'TLSv1.1',
      ciphers: 'DEFAULT@SECLEVEL=0',
    } as mqtt.IClientOptions;
    const { outcome } = await attempt(`mqtts://${host}:${port}`, tls11);
    expect(outcome).toMatch(/alert protocol version/);
  });
});

describe('the ingestor target with MQTT_HOST=127.0.0.2 (plain MQTT: loopback, so production allows it)', () => {
  it('should listen on that address only, and forward what a device publishes there', async () => {
    const ingestor = spawnFarmiq(['start', '--target', 'ingestor'], env({ MQTT_HOST: '127.0.0.2' }));
    const port = (await ingestor.up).mqtt!;
    expect((await attempt(`mqtt://127.0.0.1:${port}`)).outcome).toMatch(/ECONNREFUSED/);
    await publishOnce(`mqtt://127.0.0.2:${port}`, 'on-127.0.0.2');
    await waitForStored('on-127.0.0.2');
  });
});

describe('starting the ingestor target on the farm network', () => {
  it('should stop with one line naming the variable when a PEM file is missing or holds the wrong thing, or MQTT_HOST is not an address of this machine', async () => {
    const missing = path.join(dir, 'no-such.crt');
    const tls = { MQTT_TLS_CERT_FILE: certificate.certFile, MQTT_TLS_KEY_FILE: certificate.keyFile };
    const [noCert, certAsKey, elsewhere] = await Promise.all([
      spawnFarmiq(['start', '--target', 'ingestor'], env({ ...tls, MQTT_TLS_CERT_FILE: missing })).exited,
      spawnFarmiq(['start', '--target', 'ingestor'], env({ ...tls, MQTT_TLS_KEY_FILE: certificate.certFile })).exited,
      // TEST-NET-3 (RFC 5737): no machine has it.
      spawnFarmiq(['start', '--target', 'ingestor'], env({ ...tls, MQTT_HOST: '203.0.113.7' })).exited,
    ]);
    expect([noCert.code, certAsKey.code, elsewhere.code]).toEqual([1, 1, 1]);
    expect(noCert.stderr.trim()).toBe(`farmiq: MQTT_TLS_CERT_FILE: cannot read ${missing} (ENOENT)`);
    expect(certAsKey.stderr.trim()).toBe(`farmiq: MQTT_TLS_KEY_FILE: ${certificate.certFile} is not a PEM private key`);
    expect(elsewhere.stderr.trim()).toBe(
      'farmiq: MQTT_HOST: cannot listen on 203.0.113.7 (EADDRNOTAVAIL: expected an address of this machine, or 0.0.0.0 for all of them)',
    );
  });
});

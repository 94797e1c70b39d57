import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mqtt from 'mqtt';
import { ConfigError } from '../../lib/config';
import { createLogger } from '../../lib/logger';
import { clientCertificate, selfSignedCertificate, type PemPair } from '../../tests/support/certificates';
import { loadBrokerTls } from '../broker/brokerTls';
import { generateCredential } from '../broker/ingestorCredential';
import { startEmbeddedBroker, type EmbeddedBroker } from '../broker/embeddedBroker';

const log = createLogger('silent');
let dir: string;
let server: PemPair;
let other: PemPair;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-broker-tls-'));
  server = selfSignedCertificate(dir, 'server');
  other = selfSignedCertificate(dir, 'other');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("reading the embedded broker's TLS files", () => {
  it('should read a certificate and its key, and require TLS 1.2 or later', () => {
    const loaded = loadBrokerTls({ certFile: server.certFile, keyFile: server.keyFile, caFile: undefined });
    expect(loaded.options.minVersion).toBe('TLSv1.2');
    expect(loaded.options.requestCert).toBeUndefined();
    expect(loaded.subject).toBe('CN=localhost');
    expect(loaded.validTo.getTime()).toBeGreaterThan(Date.now());
  });

  it('should refuse, naming the variable, a key that belongs to another certificate, a file that is not PEM, and a missing CA file', () => {
    expect(() => loadBrokerTls({ certFile: server.certFile, keyFile: other.keyFile, caFile: undefined })).toThrow(
      new ConfigError(`MQTT_TLS_KEY_FILE: ${other.keyFile} is not the private key of the certificate in MQTT_TLS_CERT_FILE`),
    );
    const garbage = path.join(dir, 'garbage.pem');
    fs.writeFileSync(garbage, 'not a certificate\n');
    expect(() => loadBrokerTls({ certFile: garbage, keyFile: server.keyFile, caFile: undefined })).toThrow(
      new ConfigError(`MQTT_TLS_CERT_FILE: ${garbage} is not a PEM certificate`),
    );
    expect(() => loadBrokerTls({ certFile: server.certFile, keyFile: server.keyFile, caFile: garbage })).toThrow(
      new ConfigError(`MQTT_TLS_CA_FILE: ${garbage} is not a PEM CA certificate`),
    );
    expect(() => loadBrokerTls({ certFile: server.certFile, keyFile: server.keyFile, caFile: path.join(dir, 'nope.crt') })).toThrow(
      /^MQTT_TLS_CA_FILE: cannot read .*nope\.crt \(ENOENT\)$/,
    );
  });
});

describe('the embedded broker with MQTT_TLS_CA_FILE (client certificates)', () => {
  const ingestorCredential = generateCredential('farmiq-ingestor-test');
  const deviceId = 'barn-1-scale';
  let broker: EmbeddedBroker;
  let farmCa: PemPair;

  beforeAll(async () => {
    farmCa = selfSignedCertificate(dir, 'farm-ca', '/CN=Farm devices CA');
    const tls = loadBrokerTls({ certFile: server.certFile, keyFile: server.keyFile, caFile: farmCa.certFile });
    broker = await startEmbeddedBroker({
      port: 0,
      host: '127.0.0.1',
      tls: tls.options,
      log,
      ingestorCredential,
      authenticateDevice: async (username, password) => username === deviceId && password === 'scale password',
    });
  });
  afterAll(async () => {
    await broker?.close();
  });

  const connect = (options: mqtt.IClientOptions) =>
    new Promise<string>((resolve) => {
      const client = mqtt.connect(`mqtts://localhost:${broker.port}`, {
        ca: server.cert,
        username: deviceId,
        password: 'scale password',
        clientId: deviceId,
        protocolVersion: 4,
        reconnectPeriod: 0,
        connectTimeout: 3_000,
        ...options,
      });
      let settled = false;
      const settle = (outcome: string) => {
        if (settled) return;
        settled = true;
        client.end(true);
        resolve(outcome);
      };
      client.once('connect', () => settle('connected'));
      client.on('error', (error) => settle(`error: ${error.message}`));
      client.once('close', () => settle('closed before CONNACK'));
    });

  it("should accept a device that presents a certificate the farm's CA signed and its password", async () => {
    const certificate = clientCertificate(dir, 'scale', farmCa, `/CN=${deviceId}`);
    expect(await connect({ cert: certificate.cert, key: certificate.key })).toBe('connected');
  });

  it('should refuse a device without a client certificate, or with one another CA signed, even with the right password', async () => {
    expect(await connect({})).not.toBe('connected');
    const stranger = clientCertificate(dir, 'stranger', other, `/CN=${deviceId}`);
    expect(await connect({ cert: stranger.cert, key: stranger.key })).not.toBe('connected');
  });

  it('should still check the password of a device with a good certificate', async () => {
    const certificate = clientCertificate(dir, 'scale-2', farmCa, `/CN=${deviceId}`);
    expect(await connect({ cert: certificate.cert, key: certificate.key, password: 'guess' })).toMatch(/Bad username or password/);
  });

  it("should keep a loopback listener in plain MQTT for this process's own clients", async () => {
    expect(broker.localUrl).toMatch(/^mqtt:\/\/127\.0\.0\.1:\d+$/);
    expect(Number(new URL(broker.localUrl).port)).not.toBe(broker.port);
    const client = await mqtt.connectAsync(broker.localUrl, { ...ingestorCredential, clientId: 'ingestor', protocolVersion: 4, reconnectPeriod: 0 });
    expect(client.connected).toBe(true);
    await client.endAsync();
  });
});

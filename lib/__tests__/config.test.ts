import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../config';

describe('loadConfig', () => {
  it('gives a bare machine working defaults: gateway on 4000, embedded database and broker', () => {
    const config = loadConfig({});
    expect(config.gateway.port).toBe(4000);
    expect(config.subgraphs.identity.port).toBe(4001);
    expect(config.subgraphs.billing.port).toBe(4005);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.mqtt).toEqual({
      url: undefined,
      embeddedPort: 1883,
      embeddedPortExplicit: false,
      passwordFile: undefined,
      embeddedHost: '127.0.0.1',
      tls: undefined,
      allowPlaintext: false,
    });
    expect(config.dataDir).toBe(path.resolve('.data'));
    expect(config.allowedOrigins).toEqual([]);
    expect(config.isProduction).toBe(false);
  });

  it('has no billing webhook secret unless the environment gives one, and refuses a short one without echoing it', () => {
    expect(loadConfig({}).billing.webhookSecret).toBeUndefined();
    const secret = 'x'.repeat(32);
    expect(loadConfig({ BILLING_WEBHOOK_SECRET: secret }).billing.webhookSecret).toBe(secret);
    expect(() => loadConfig({ BILLING_WEBHOOK_SECRET: 'short-secret' })).toThrow(
      new ConfigError('BILLING_WEBHOOK_SECRET: expected a value of at least 32, got (value hidden: it may hold a secret)'),
    );
  });

  it('keeps audit records a year unless told otherwise, and never less than 30 days', () => {
    expect(loadConfig({}).auditRetentionDays).toBe(365);
    expect(loadConfig({ AUDIT_RETENTION_DAYS: '90' }).auditRetentionDays).toBe(90);
    expect(() => loadConfig({ AUDIT_RETENTION_DAYS: '7' })).toThrow(/AUDIT_RETENTION_DAYS/);
  });

  it('should leave camera vision off, with one inference worker per core, and refuse vision settings out of range by name', () => {
    expect(loadConfig({}).ingestor.vision).toEqual({
      enabled: false,
      port: 4011,
      workers: Math.min(8, os.availableParallelism()),
      timeoutMs: 2_000,
      maxQueued: 8,
      calibrationIntervalMs: 3_600_000,
    });
    expect(
      loadConfig({
        VISION: 'on',
        VISION_WORKERS: '3',
        VISION_TIMEOUT_MS: '500',
        VISION_QUEUE_MAX: '2',
        VISION_PORT: '0',
        VISION_CALIBRATION_INTERVAL_MS: '60000',
      }).ingestor.vision,
    ).toEqual({
      enabled: true,
      port: 0,
      workers: 3,
      timeoutMs: 500,
      maxQueued: 2,
      calibrationIntervalMs: 60_000,
    });
    expect(() => loadConfig({ VISION: 'yes' })).toThrow(/^VISION: /);
    expect(() => loadConfig({ VISION_WORKERS: '0' })).toThrow(/^VISION_WORKERS: /);
    expect(() => loadConfig({ VISION_TIMEOUT_MS: '600000' })).toThrow(/^VISION_TIMEOUT_MS: /);
    expect(() => loadConfig({ VISION_QUEUE_MAX: 'many' })).toThrow(/^VISION_QUEUE_MAX: /);
    expect(() => loadConfig({ VISION_CALIBRATION_INTERVAL_MS: '10' })).toThrow(/^VISION_CALIBRATION_INTERVAL_MS: /);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).gateway.port).toBe(4000);
  });

  it('reads the allow-listed origins, trimmed', () => {
    expect(loadConfig({ ALLOWED_ORIGINS: 'https://a.example, http://localhost:5173' }).allowedOrigins).toEqual(['https://a.example', 'http://localhost:5173']);
  });

  it.each([
    [{ PORT: '65536' }, 'PORT: expected a value of at most 65535, got "65536"'],
    [{ PORT: '1.5' }, 'PORT: expected a whole number, got "1.5"'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL: expected one of'],
    [{ MQTT_URL: 'http://broker' }, 'MQTT_URL: expected a URL starting with mqtt://'],
    [{ ALLOWED_ORIGINS: 'https://a.example/path' }, 'ALLOWED_ORIGINS: expected a bare origin'],
    [{ ALLOWED_ORIGINS: 'not a url' }, 'ALLOWED_ORIGINS: expected origins like'],
    [{ QUERY_MAX_DEPTH: '0' }, 'QUERY_MAX_DEPTH: expected a value of at least 1'],
  ])('refuses %j with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never echoes a URL that may carry a password', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://root:s3cret@db/farm' })).toThrow(/value hidden/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://root:s3cret@db/farm' })).not.toThrow(/s3cret/);
  });

  it('refuses plain-http origins in production except on the local machine', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', ALLOWED_ORIGINS: 'http://farm.example' })).toThrow(/only https origins/);
    expect(loadConfig({ NODE_ENV: 'production', ALLOWED_ORIGINS: 'https://farm.example,http://localhost:5173' }).allowedOrigins).toHaveLength(2);
  });

  it('remembers whether MQTT_PORT was chosen explicitly', () => {
    expect(loadConfig({ MQTT_PORT: '1883' }).mqtt.embeddedPortExplicit).toBe(true);
  });

  it('should refuse MQTT_PASSWORD_FILE with MQTT_URL: the other broker checks devices, not the ingestor', () => {
    expect(() => loadConfig({ MQTT_URL: 'mqtt://broker:1883', MQTT_PASSWORD_FILE: '/etc/farmiq/passwords' })).toThrow(
      new ConfigError('MQTT_PASSWORD_FILE: only for the embedded broker; with MQTT_URL the broker checks devices (give it the file as its password_file)'),
    );
    expect(loadConfig({ MQTT_PASSWORD_FILE: 'passwords' }).mqtt.passwordFile).toBe(path.resolve('passwords'));
  });
});

describe("loadConfig for the embedded broker's listener", () => {
  const tlsFiles = { MQTT_TLS_CERT_FILE: 'broker.crt', MQTT_TLS_KEY_FILE: 'broker.key' };

  it('should listen on loopback unless MQTT_HOST names an IP address or host name', () => {
    expect(loadConfig({}).mqtt.embeddedHost).toBe('127.0.0.1');
    for (const host of ['0.0.0.0', '192.168.10.5', '::', 'fe80::1', 'barn-gw.farm.lan', 'localhost'])
      expect(loadConfig({ MQTT_HOST: host }).mqtt.embeddedHost).toBe(host);
    for (const host of ['mqtt://0.0.0.0', '0.0.0.0:1883', 'barn gw', '-barn', 'barn_gw.lan']) {
      expect(() => loadConfig({ MQTT_HOST: host })).toThrow(new ConfigError(`MQTT_HOST: expected an IP address or a host name, got ${JSON.stringify(host)}`));
    }
  });

  it('should serve TLS on 8883 with both PEM files, as absolute paths, unless MQTT_PORT says otherwise', () => {
    expect(loadConfig(tlsFiles).mqtt).toMatchObject({
      tls: { certFile: path.resolve('broker.crt'), keyFile: path.resolve('broker.key'), caFile: undefined },
      embeddedPort: 8883,
    });
    expect(loadConfig({ ...tlsFiles, MQTT_PORT: '1884', MQTT_TLS_CA_FILE: 'farm-ca.crt' }).mqtt).toMatchObject({
      tls: { caFile: path.resolve('farm-ca.crt') },
      embeddedPort: 1884,
    });
  });

  it('should refuse a certificate without its key, a key without its certificate, and a CA without either', () => {
    expect(() => loadConfig({ MQTT_TLS_CERT_FILE: 'broker.crt' })).toThrow(
      new ConfigError("MQTT_TLS_KEY_FILE: required with MQTT_TLS_CERT_FILE (the embedded broker's TLS certificate and its private key, PEM)"),
    );
    expect(() => loadConfig({ MQTT_TLS_KEY_FILE: 'broker.key' })).toThrow(
      new ConfigError("MQTT_TLS_CERT_FILE: required with MQTT_TLS_KEY_FILE (the embedded broker's TLS certificate and its private key, PEM)"),
    );
    expect(() => loadConfig({ MQTT_TLS_CA_FILE: 'farm-ca.crt' })).toThrow(/^MQTT_TLS_CA_FILE: requires MQTT_TLS_CERT_FILE and MQTT_TLS_KEY_FILE/);
  });

  it('should refuse the listener settings with MQTT_URL: the other broker has its own listener', () => {
    expect(() => loadConfig({ MQTT_URL: 'mqtt://broker:1883', MQTT_HOST: '0.0.0.0' })).toThrow(
      new ConfigError("MQTT_HOST: only for the embedded broker; with MQTT_URL configure that broker's listener instead"),
    );
    expect(() => loadConfig({ MQTT_URL: 'mqtts://broker:8883', ...tlsFiles })).toThrow(/^MQTT_TLS_CERT_FILE: only for the embedded broker/);
  });

  it('should refuse plain MQTT beyond loopback in production unless the operator opts in with MQTT_ALLOW_PLAINTEXT=true', () => {
    const production = { NODE_ENV: 'production' };
    expect(() => loadConfig({ ...production, MQTT_HOST: '0.0.0.0' })).toThrow(
      new ConfigError(
        'MQTT_HOST: 0.0.0.0 is not loopback, so production needs TLS (MQTT_TLS_CERT_FILE and MQTT_TLS_KEY_FILE), or MQTT_ALLOW_PLAINTEXT=true for devices that only speak plain MQTT on a closed farm network',
      ),
    );
    expect(() => loadConfig({ ...production, MQTT_HOST: 'barn-gw.farm.lan' })).toThrow(/^MQTT_HOST: barn-gw.farm.lan is not loopback/);
    expect(loadConfig({ ...production, MQTT_HOST: '0.0.0.0', MQTT_ALLOW_PLAINTEXT: 'true' }).mqtt).toMatchObject({
      embeddedHost: '0.0.0.0',
      allowPlaintext: true,
      tls: undefined,
    });
    expect(loadConfig({ ...production, MQTT_HOST: '0.0.0.0', ...tlsFiles }).mqtt.tls).toBeDefined();
    expect(loadConfig({ ...production, MQTT_HOST: '127.0.0.1' }).mqtt.tls).toBeUndefined();
    // Development lets a developer try the farm network without certificates (the broker warns).
    expect(loadConfig({ MQTT_HOST: '0.0.0.0' }).mqtt.embeddedHost).toBe('0.0.0.0');
  });

  it('should refuse MQTT_ALLOW_PLAINTEXT with TLS, and anything but true or false', () => {
    expect(() => loadConfig({ ...tlsFiles, MQTT_ALLOW_PLAINTEXT: 'true' })).toThrow(/^MQTT_ALLOW_PLAINTEXT: only for an embedded broker without TLS/);
    expect(() => loadConfig({ MQTT_ALLOW_PLAINTEXT: 'yes' })).toThrow('MQTT_ALLOW_PLAINTEXT: expected one of "true", "false", got "yes"');
  });
});

describe('loadConfig for the edge ingestor', () => {
  it('should simulate demo devices only in development, unless SIMULATOR=off', () => {
    expect(loadConfig({}).ingestor.simulator).toBe(true);
    expect(loadConfig({ SIMULATOR: 'off' }).ingestor.simulator).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test' }).ingestor.simulator).toBe(false);
  });

  it('should read the buffer and batch limits', () => {
    const { ingestor } = loadConfig({
      BUFFER_MAX_MESSAGES: '1000',
      BUFFER_MAX_BYTES: '65536',
      FORWARD_BATCH_MAX_MESSAGES: '200',
      FORWARD_BATCH_MAX_WAIT_MS: '250',
    });
    expect(ingestor).toMatchObject({ bufferMaxMessages: 1000, bufferMaxBytes: 65536, batchMaxMessages: 200, batchMaxWaitMs: 250 });
    expect(() => loadConfig({ FORWARD_BATCH_MAX_MESSAGES: '6000' })).toThrow('FORWARD_BATCH_MAX_MESSAGES: expected a value of at most 5000, got "6000"');
  });
});

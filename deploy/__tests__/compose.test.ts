import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadConfig, TARGETS } from '../../lib/config';
import { composeEnvironment } from '../render';
import { BROKER_FILES_ENV, FARMIQ_SERVICES, SERVICE_ENV, SERVICE_PORTS, startArgs } from '../topology';

const DEPLOY = path.join(__dirname, '..');

interface Service {
  image?: string;
  command?: string[];
  user?: string;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
  ports?: string[];
}

const TEST_VALUES: Record<string, string> = {
  POSTGRES_PASSWORD: 'test-only',
  INGESTOR_MQTT_PASSWORD: 'test-only-mqtt-password',
  FARMIQ_JWT_PRIVATE_JWKS: '{"keys":[]}',
  FARMIQ_SECRETS_KEY: 'dGVzdC1vbmx5',
  EDGE_KEY_ID: 'test-key',
  EDGE_KEY_SECRET: 'test-only-edge-secret',
};
/** Compose's `${VAR:?message}` and `${VAR:-default}` with a test value or the default in place. */
const interpolate = (value: string) =>
  value.replace(/\$\{(\w+)(?::([?-])([^}]*))?\}/g, (_m, name: string, kind?: string, rest?: string) => TEST_VALUES[name] ?? (kind === '-' ? (rest ?? '') : ''));

describe('deploy/compose.yaml', () => {
  const text = fs.readFileSync(path.join(DEPLOY, 'compose.yaml'), 'utf8');
  const compose = parse(text, { merge: true }) as { services: Record<string, Service>; volumes: Record<string, unknown> };

  it('runs every FarmIQ target but `all` as a container of its own, started with its target', () => {
    expect([...FARMIQ_SERVICES].sort()).toEqual(TARGETS.filter((target) => target !== 'all').sort());
    for (const service of FARMIQ_SERVICES) expect({ service, command: compose.services[service]?.command }).toEqual({ service, command: startArgs(service) });
  });

  it.each(FARMIQ_SERVICES)('gives %s exactly the environment of deploy/topology.ts', (service) => {
    expect(compose.services[service]!.environment).toEqual(composeEnvironment(SERVICE_ENV[service]));
  });

  it('gives the broker-files job the environment of deploy/topology.ts and the volume Mosquitto reads', () => {
    const job = compose.services['broker-files']!;
    expect(job.environment).toEqual(composeEnvironment(BROKER_FILES_ENV));
    expect(job.command).toEqual(['broker-files', '--out', '/mosquitto/auth']);
    expect(job.volumes).toContain('mosquitto-auth:/mosquitto/auth');
    expect(compose.services.mosquitto!.volumes).toContain('mosquitto-auth:/mosquitto/auth:ro');
    expect(compose.services.mosquitto!.depends_on!['broker-files']).toEqual({ condition: 'service_completed_successfully' });
  });

  it.each(FARMIQ_SERVICES)('gives %s a configuration FarmIQ accepts in production', (service) => {
    const env = Object.fromEntries(Object.entries(compose.services[service]!.environment!).map(([key, value]) => [key, interpolate(String(value))]));
    expect(loadConfig(env).isProduction).toBe(true);
  });

  it.each(FARMIQ_SERVICES)("health-checks %s on its own port's /readyz", (service) => {
    const probe = compose.services[service]!.healthcheck!.test.join(' ');
    expect(probe).toContain(`http://127.0.0.1:${SERVICE_PORTS[service]}/readyz`);
  });

  it('runs Redis, the shared event bus, and makes every cloud target wait for it and for the migration', () => {
    expect(compose.services.redis!.image).toMatch(/^redis:/);
    for (const service of ['identity', 'devices', 'telemetry', 'kpi', 'billing']) {
      expect({ service, depends: compose.services[service]!.depends_on }).toEqual({
        service,
        depends: { migrate: { condition: 'service_completed_successfully' }, redis: { condition: 'service_healthy' } },
      });
    }
  });

  it('publishes only the gateway and MQTT over TLS', () => {
    const published = Object.entries(compose.services).flatMap(([name, service]) => (service.ports ?? []).map((port) => `${name} ${port}`));
    expect(published.sort()).toEqual([
      `gateway ${SERVICE_PORTS.gateway}:${SERVICE_PORTS.gateway}`,
      `mosquitto ${SERVICE_PORTS.mosquitto}:${SERVICE_PORTS.mosquitto}`,
    ]);
  });

  it('only depends on services it defines and mounts only volumes it declares', () => {
    const names = new Set(Object.keys(compose.services));
    for (const service of Object.values(compose.services)) {
      for (const dependency of Object.keys(service.depends_on ?? {})) expect(names).toContain(dependency);
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0]!;
        if (source.startsWith('.')) continue;
        expect(Object.keys(compose.volumes)).toContain(source);
      }
    }
  });

  it('holds no secret: every password and key comes from the environment', () => {
    // The public keys' URL is no secret.
    expect(text.replace(/FARMIQ_JWKS_URL: http:\S+/g, '')).not.toMatch(
      /(PASSWORD|SECRET|KEY|JWKS)[A-Z_]*: (?!\$\{)(?!postgresql:\/\/farmiq:\$\{)(?!mqtts:\/\/farmiq-ingestor:\$\{)/,
    );
  });
});

describe('deploy/mosquitto/mosquitto.conf', () => {
  const conf = fs.readFileSync(path.join(DEPLOY, 'mosquitto', 'mosquitto.conf'), 'utf8');

  it('listens for MQTT over TLS only, refuses anonymous clients and names a password file and an ACL file', () => {
    expect(conf.match(/^listener .*$/gm)).toEqual([`listener ${SERVICE_PORTS.mosquitto}`]);
    expect(conf).toMatch(/^certfile /m);
    expect(conf).toMatch(/^keyfile /m);
    expect(conf).toMatch(/^allow_anonymous false$/m);
    expect(conf).toMatch(/^password_file \/mosquitto\/auth\/passwords$/m);
    expect(conf).toMatch(/^acl_file \/mosquitto\/auth\/acl$/m);
  });
});

describe('deploy/Dockerfile', () => {
  const dockerfile = fs.readFileSync(path.join(DEPLOY, 'Dockerfile'), 'utf8');

  it('copies only paths that exist in the repository', () => {
    const sources = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((match) => match[1]!.trim().split(/\s+/));
    expect(sources.length).toBeGreaterThan(5);
    for (const source of sources) expect({ source, exists: fs.existsSync(path.join(DEPLOY, '..', source)) }).toEqual({ source, exists: true });
  });

  it('runs as an unprivileged numeric user in production mode', () => {
    expect(dockerfile).toMatch(/^USER 1000$/m);
    expect(dockerfile).toMatch(/^ENV NODE_ENV=production$/m);
  });
});

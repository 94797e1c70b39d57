import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadConfig, TARGETS } from '../../lib/config';

const DEPLOY = path.join(__dirname, '..');

interface Service {
  image?: string;
  environment?: Record<string, string>;
  depends_on?: string[] | Record<string, unknown>;
  ports?: string[];
}

/** Compose's `${VAR:?message}` and `${VAR:-default}` with a test value in place. */
const interpolate = (value: string) => value.replace(/\$\{(\w+)(:[?-][^}]*)?\}/g, (_m, name: string) => (name === 'POSTGRES_PASSWORD' ? 'test-only' : name === 'FARMIQ_JWT_PRIVATE_JWKS' ? '{"keys":[]}' : name === 'FARMIQ_SECRETS_KEY' ? 'dGVzdC1vbmx5' : ''));

describe('deploy/compose.yaml', () => {
  const compose = parse(fs.readFileSync(path.join(DEPLOY, 'compose.yaml'), 'utf8'), { merge: true }) as { services: Record<string, Service> };
  const farmiqServices = Object.entries(compose.services).filter(([, service]) => service.environment?.TARGET);

  it('runs every FarmIQ target but `all` as a container of its own', () => {
    expect(farmiqServices.map(([, service]) => service.environment!.TARGET).sort()).toEqual(TARGETS.filter((target) => target !== 'all').sort());
  });

  it.each(Object.keys(compose.services).filter((name) => compose.services[name]!.environment?.TARGET))(
    'gives %s a configuration FarmIQ accepts in production',
    (name) => {
      const { TARGET: _target, ...environment } = compose.services[name]!.environment!;
      const env = Object.fromEntries(Object.entries(environment).map(([key, value]) => [key, interpolate(String(value))]));
      expect(loadConfig(env).isProduction).toBe(true);
    },
  );

  it('gives the signing keys to identity alone; every other service that verifies tokens fetches the public keys from it', () => {
    for (const [name, service] of farmiqServices) {
      const env = service.environment!;
      if (name === 'identity') {
        expect(env.FARMIQ_JWT_PRIVATE_JWKS).toContain('${FARMIQ_JWT_PRIVATE_JWKS:?');
      } else if (name === 'ingestor') {
        // It serves no GraphQL: no keys of any kind.
        expect({ name, jwks: env.FARMIQ_JWT_PRIVATE_JWKS, url: env.FARMIQ_JWKS_URL }).toEqual({ name, jwks: undefined, url: undefined });
      } else {
        expect({ name, jwks: env.FARMIQ_JWT_PRIVATE_JWKS }).toEqual({ name, jwks: undefined });
        expect({ name, url: env.FARMIQ_JWKS_URL }).toEqual({ name, url: 'http://identity:4001/.well-known/jwks.json' });
      }
    }
  });

  it('gives the secrets key to devices (which seals edge keys) and telemetry (which verifies with them) alone', () => {
    for (const [name, service] of farmiqServices) {
      const key = service.environment!.FARMIQ_SECRETS_KEY;
      expect({ name, key }).toEqual({ name, key: ['devices', 'telemetry'].includes(name) ? '${FARMIQ_SECRETS_KEY:?set FARMIQ_SECRETS_KEY}' : undefined });
    }
  });

  it('only depends on services it defines', () => {
    const names = new Set(Object.keys(compose.services));
    for (const service of Object.values(compose.services)) {
      const dependencies = Array.isArray(service.depends_on) ? service.depends_on : Object.keys(service.depends_on ?? {});
      for (const dependency of dependencies) expect(names).toContain(dependency);
    }
  });

  it('points the gateway at each subgraph service on the port that subgraph listens on', () => {
    const gateway = compose.services.gateway!.environment!;
    for (const subgraph of ['identity', 'devices', 'telemetry', 'kpi', 'billing']) {
      const port = compose.services[subgraph]!.environment![`${subgraph.toUpperCase()}_PORT`];
      expect(gateway[`${subgraph.toUpperCase()}_URL`]).toBe(`http://${subgraph}:${port}/graphql`);
    }
  });

  it('holds no password: the database password comes from the environment', () => {
    const text = fs.readFileSync(path.join(DEPLOY, 'compose.yaml'), 'utf8');
    expect(text).toContain('${POSTGRES_PASSWORD:?');
    expect(text).not.toMatch(/POSTGRES_PASSWORD: (?!\$\{)/);
  });
});

describe('deploy/mosquitto/mosquitto.conf', () => {
  it('refuses anonymous clients and names a password file and an ACL file', () => {
    const conf = fs.readFileSync(path.join(DEPLOY, 'mosquitto', 'mosquitto.conf'), 'utf8');
    expect(conf).toMatch(/^allow_anonymous false$/m);
    expect(conf).toMatch(/^password_file /m);
    expect(conf).toMatch(/^acl_file /m);
  });
});

describe('deploy/Dockerfile', () => {
  const dockerfile = fs.readFileSync(path.join(DEPLOY, 'Dockerfile'), 'utf8');

  it('copies only paths that exist in the repository', () => {
    const sources = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((match) => match[1]!.trim().split(/\s+/));
    expect(sources.length).toBeGreaterThan(5);
    for (const source of sources) expect({ source, exists: fs.existsSync(path.join(DEPLOY, '..', source)) }).toEqual({ source, exists: true });
  });

  it('runs as an unprivileged user in production mode', () => {
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^ENV NODE_ENV=production$/m);
  });
});

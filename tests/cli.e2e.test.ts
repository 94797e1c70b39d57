import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { FREE_PORTS, spawnFarmiq, stopAllFarmiq } from './support/farmiqProcess';

/** What a person sees on the terminal: exactly one line, and no stack trace. */
function expectOneClearLine(stderr: string, pattern: RegExp): void {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
}

async function graphql(port: number, query: string, variables: Record<string, unknown> = {}, accessToken?: string) {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: any[] };
}

const ADMIN = { FARMIQ_ADMIN_EMAIL: 'ops@farm.test', FARMIQ_ADMIN_PASSWORD: 'a long test-only password 91' };

async function adminToken(port: number): Promise<string> {
  const result = await graphql(port, 'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }', {
    input: { email: ADMIN.FARMIQ_ADMIN_EMAIL, password: ADMIN.FARMIQ_ADMIN_PASSWORD },
  });
  return result.data.login.accessToken as string;
}

describe('farmiq start', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-cli-'));
  });
  afterEach(async () => {
    // A failed expectation must not leave a server running (it would keep jest alive).
    await stopAllFarmiq();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps the embedded data across a graceful stop (SIGTERM) and a new start', async () => {
    const env = { ...FREE_PORTS, ...ADMIN, FARMIQ_DATA_DIR: dataDir };
    const first = spawnFarmiq(['start'], env);
    const ports = await first.up;
    const created = await graphql(ports.gateway!, 'mutation { createTenant(input: { name: "Kept Farms" }) { id } }', {}, await adminToken(ports.gateway!));
    const tenantId = created.data.createTenant.id as string;

    first.child.kill('SIGTERM');
    const stopped = await first.exited;
    expect(stopped.code).toBe(0);
    expect(stopped.stdout).toContain('"msg":"stopped"');
    expect(fs.existsSync(path.join(dataDir, 'farmiq.lock'))).toBe(false);

    const second = spawnFarmiq(['start'], env);
    const again = await second.up;
    // The signing key was kept too: the admin logs in again and reads what it created.
    const read = await graphql(again.gateway!, 'query ($id: ID!) { tenant(id: $id) { name } }', { id: tenantId }, await adminToken(again.gateway!));
    expect(read).toEqual({ data: { tenant: { name: 'Kept Farms' } } });
    second.child.kill('SIGINT');
    expect((await second.exited).code).toBe(0);
  });

  it('creates the first platform admin with a one-time password, printed once and kept in an owner-only file', async () => {
    const farmiq = spawnFarmiq(['start'], { ...FREE_PORTS, FARMIQ_DATA_DIR: dataDir });
    const ports = await farmiq.up;
    const file = path.join(dataDir, 'initial-admin-password.txt');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const [email, password] = fs.readFileSync(file, 'utf8').trim().split('\n');
    expect(email).toBe('admin@farmiq.local');
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const login = (input: Record<string, string>) =>
      graphql(ports.gateway!, 'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }', { input });
    expect((await login({ email: email!, password: password! })).errors?.[0]?.extensions?.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await login({ email: email!, password: password!, newPassword: 'my own admin password 2026' });
    expect(typeof changed.data?.login.accessToken).toBe('string');
    // The one-time password is dead, and its file is gone with it.
    expect(fs.existsSync(file)).toBe(false);
    farmiq.child.kill('SIGTERM');
    const { stdout } = await farmiq.exited;
    expect(stdout.split(password!).length - 1).toBe(1);
  });

  it('refuses a second process on the same data folder with one clear line', async () => {
    const env = { ...FREE_PORTS, FARMIQ_DATA_DIR: dataDir };
    const owner = spawnFarmiq(['start'], env);
    await owner.up;
    const intruder = await spawnFarmiq(['start'], env).exited;
    expect(intruder.code).toBe(1);
    expectOneClearLine(intruder.stderr, /^farmiq: FARMIQ_DATA_DIR: .* is in use by another FarmIQ process \(pid \d+\)/);
    owner.child.kill('SIGTERM');
    expect((await owner.exited).code).toBe(0);
  });

  it.each([
    ['a malformed port', { PORT: 'four-thousand' }, /^farmiq: PORT: expected a whole number, got "four-thousand"$/],
    ['an unknown NODE_ENV', { NODE_ENV: 'staging' }, /^farmiq: NODE_ENV: expected one of "development", "production", "test", got "staging"$/],
    ['a wildcard CORS origin', { ALLOWED_ORIGINS: '*' }, /^farmiq: ALLOWED_ORIGINS: a wildcard is not allowed/],
    ['production without DATABASE_URL', { NODE_ENV: 'production' }, /^farmiq: DATABASE_URL: required in production/],
    [
      'an admin password that fails the policy',
      { FARMIQ_ADMIN_EMAIL: 'ops@farm.test', FARMIQ_ADMIN_PASSWORD: 'short' },
      /^farmiq: FARMIQ_ADMIN_PASSWORD: must be at least 12 characters$/,
    ],
    [
      'a DATABASE_URL of another kind',
      { DATABASE_URL: 'mysql://root:pw-s3cr3t@127.0.0.1/farm' },
      /^farmiq: DATABASE_URL: expected a URL starting with postgres:\/\/ or postgresql:\/\/, got \(value hidden/,
    ],
  ])('stops on %s with one line naming the variable', async (_case, env, pattern) => {
    const result = await spawnFarmiq(['start'], { ...FREE_PORTS, FARMIQ_DATA_DIR: dataDir, ...env }).exited;
    expect(result.code).toBe(1);
    expectOneClearLine(result.stderr, pattern);
    expect(result.stderr).not.toContain('s3cr3t');
  });

  it('stops on an unknown target with one line listing the targets', async () => {
    const result = await spawnFarmiq(['start', '--target', 'everything'], { FARMIQ_DATA_DIR: dataDir }).exited;
    expect(result.code).toBe(1);
    expectOneClearLine(
      result.stderr,
      /^farmiq: --target: expected one of all, gateway, identity, devices, telemetry, kpi, billing, ingestor, got "everything"$/,
    );
  });

  it('stops on an unreachable DATABASE_URL with one line, without the password', async () => {
    const result = await spawnFarmiq(['start'], { ...FREE_PORTS, DATABASE_URL: 'postgresql://farm:hunter2@127.0.0.1:1/farmiq' }).exited;
    expect(result.code).toBe(1);
    expectOneClearLine(result.stderr, /^farmiq: DATABASE_URL: cannot connect to 127\.0\.0\.1:1\/farmiq: ECONNREFUSED$/);
    expect(result.stderr).not.toContain('hunter2');
  });

  it('stops on an unreachable REDIS_URL with one line', async () => {
    const result = await spawnFarmiq(['start'], { ...FREE_PORTS, ...ADMIN, FARMIQ_DATA_DIR: dataDir, REDIS_URL: 'redis://:pw-s3cr3t@127.0.0.1:1' }).exited;
    expect(result.code).toBe(1);
    expectOneClearLine(result.stderr, /^farmiq: REDIS_URL: cannot connect to 127\.0\.0\.1:1: ECONNREFUSED$/);
    expect(result.stderr).not.toContain('s3cr3t');
  });

  it('stops on a port in use with one line naming the setting, and releases what it opened', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, resolve));
    const busyPort = (blocker.address() as net.AddressInfo).port;
    try {
      const result = await spawnFarmiq(['start'], { ...FREE_PORTS, PORT: String(busyPort), FARMIQ_DATA_DIR: dataDir }).exited;
      expect(result.code).toBe(1);
      expectOneClearLine(result.stderr, new RegExp(`^farmiq: PORT: port ${busyPort} is already in use`));
      // The database it had opened was closed again: the folder is free for the next start.
      expect(fs.existsSync(path.join(dataDir, 'farmiq.lock'))).toBe(false);
    } finally {
      blocker.close();
    }
  });

  it('runs one subgraph alone with --target, on its own port', async () => {
    const alone = spawnFarmiq(['start', '--target', 'kpi'], { ...FREE_PORTS, FARMIQ_DATA_DIR: dataDir });
    const ports = await alone.up;
    expect(Object.keys(ports)).toEqual(['kpi']);
    const response = await fetch(`http://127.0.0.1:${ports.kpi}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ _service { sdl } }' }),
    });
    const body = (await response.json()) as { data: { _service: { sdl: string } } };
    expect(body.data._service.sdl).toContain('type Batch');
    alone.child.kill('SIGTERM');
    expect((await alone.exited).code).toBe(0);
  });
});

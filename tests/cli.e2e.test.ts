import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { FREE_PORTS, spawnFarmiq } from './support/farmiqProcess';

/** What a person sees on the terminal: exactly one line, and no stack trace. */
function expectOneClearLine(stderr: string, pattern: RegExp): void {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
}

async function graphql(port: number, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: any[] };
}

describe('farmiq start', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-cli-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('keeps the embedded data across a graceful stop (SIGTERM) and a new start', async () => {
    const env = { ...FREE_PORTS, FARMIQ_DATA_DIR: dataDir };
    const first = spawnFarmiq(['start'], env);
    const ports = await first.up;
    const created = await graphql(ports.gateway!, 'mutation { createTenant(input: { name: "Kept Farms" }) { id } }');
    const tenantId = created.data.createTenant.id as string;

    first.child.kill('SIGTERM');
    const stopped = await first.exited;
    expect(stopped.code).toBe(0);
    expect(stopped.stdout).toContain('"msg":"stopped"');
    expect(fs.existsSync(path.join(dataDir, 'farmiq.lock'))).toBe(false);

    const second = spawnFarmiq(['start'], env);
    const again = await second.up;
    const read = await graphql(again.gateway!, 'query ($id: ID!) { tenant(id: $id) { name } }', { id: tenantId });
    expect(read).toEqual({ data: { tenant: { name: 'Kept Farms' } } });
    second.child.kill('SIGINT');
    expect((await second.exited).code).toBe(0);
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
    ['a DATABASE_URL of another kind', { DATABASE_URL: 'mysql://root:secret@127.0.0.1/farm' }, /^farmiq: DATABASE_URL: expected a URL starting with postgres:\/\/ or postgresql:\/\/, got \(value hidden/],
  ])('stops on %s with one line naming the variable', async (_case, env, pattern) => {
    const result = await spawnFarmiq(['start'], { ...FREE_PORTS, FARMIQ_DATA_DIR: dataDir, ...env }).exited;
    expect(result.code).toBe(1);
    expectOneClearLine(result.stderr, pattern);
    expect(result.stderr).not.toContain('secret');
  });

  it('stops on an unknown target with one line listing the targets', async () => {
    const result = await spawnFarmiq(['start', '--target', 'everything'], { FARMIQ_DATA_DIR: dataDir }).exited;
    expect(result.code).toBe(1);
    expectOneClearLine(result.stderr, /^farmiq: --target: expected one of all, gateway, identity, devices, telemetry, kpi, billing, ingestor, got "everything"$/);
  });

  it('stops on an unreachable DATABASE_URL with one line, without the password', async () => {
    const result = await spawnFarmiq(['start'], { ...FREE_PORTS, DATABASE_URL: 'postgresql://farm:hunter2@127.0.0.1:1/farmiq' }).exited;
    expect(result.code).toBe(1);
    expectOneClearLine(result.stderr, /^farmiq: DATABASE_URL: cannot connect to 127\.0\.0\.1:1\/farmiq: ECONNREFUSED$/);
    expect(result.stderr).not.toContain('hunter2');
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

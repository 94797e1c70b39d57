import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_ADMIN_EMAIL, DEMO_ADMIN_FILE, DEMO_FARM_FILE, type DemoFarm } from '../subgraphs/devices/demoFarm';
import { FREE_PORTS, spawnFarmiq, stopAllFarmiq } from './support/farmiqProcess';

const ADMIN = { FARMIQ_ADMIN_EMAIL: 'demo-ops@farm.test', FARMIQ_ADMIN_PASSWORD: 'a long test-only password 53' };

async function graphql(port: number, query: string, variables: Record<string, unknown> = {}, accessToken?: string) {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: any[] };
}

describe('npm start on a fresh system', () => {
  let dataDir: string;
  beforeAll(() => (dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-demo-'))));
  afterAll(async () => {
    await stopAllFarmiq();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('should show readings of simulated demo devices, gone through the embedded broker, the ingestor and the cloud', async () => {
    const farmiq = spawnFarmiq(['start'], { ...FREE_PORTS, ...ADMIN, FARMIQ_DATA_DIR: dataDir });
    const ports = await farmiq.up;
    const demoFile = path.join(dataDir, DEMO_FARM_FILE);
    expect(fs.statSync(demoFile).mode & 0o777).toBe(0o600);
    const demo = JSON.parse(fs.readFileSync(demoFile, 'utf8')) as DemoFarm;
    const login = await graphql(ports.gateway!, 'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }', {
      input: { ...ADMIN_LOGIN, tenantId: demo.tenantId },
    });
    const token = login.data.login.accessToken as string;
    const scale = demo.devices.find((device) => device.kind === 'SCALE')!;
    const deadline = Date.now() + 20_000;
    let readings: Array<{ metric: string; value: number }> = [];
    while (readings.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      readings =
        (await graphql(ports.gateway!, 'query ($d: ID!) { device(id: $d) { latestReadings { metric value } } }', { d: scale.id }, token)).data?.device
          ?.latestReadings ?? [];
    }
    expect(readings).toHaveLength(1);
    expect(readings[0]!.metric).toBe('weightKg');
    // A three-week-old broiler flock: around a kilogram.
    expect(readings[0]!.value).toBeGreaterThan(0.3);
    expect(readings[0]!.value).toBeLessThan(2.5);
    // The demo tenant's admin: a one-time password only in the owner-only file, to be changed at first login.
    const demoAdminFile = path.join(dataDir, DEMO_ADMIN_FILE);
    expect(fs.statSync(demoAdminFile).mode & 0o777).toBe(0o600);
    const [email, oneTimePassword] = fs.readFileSync(demoAdminFile, 'utf8').trim().split('\n');
    expect(email).toBe(DEMO_ADMIN_EMAIL);
    const first = await graphql(ports.gateway!, 'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }', {
      input: { email, password: oneTimePassword },
    });
    expect(first.errors?.[0]?.extensions?.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const demoLogin = await graphql(ports.gateway!, 'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }', {
      input: { email, password: oneTimePassword, newPassword: 'demo farm admin password 2026' },
    });
    const farms = await graphql(
      ports.gateway!,
      '{ me { roles tenant { id farms { barns { name } batches { breed performance { ageDays headCountAlive } } } } } }',
      {},
      demoLogin.data.login.accessToken,
    );
    expect(farms.data.me.roles).toEqual(['TENANT_ADMIN']);
    expect(farms.data.me.tenant.id).toBe(demo.tenantId);
    expect(farms.data.me.tenant.farms[0].barns).toEqual([{ name: 'House 1' }]);
    expect(farms.data.me.tenant.farms[0].batches).toEqual([{ breed: 'Ross 308', performance: { ageDays: 21, headCountAlive: 19_500 } }]);
    farmiq.child.kill('SIGTERM');
    expect((await farmiq.exited).code).toBe(0);
    // A whole system's start, the demo provisioning and three password hashes: minutes on two busy cores.
  }, 180_000);
});

const ADMIN_LOGIN = { email: ADMIN.FARMIQ_ADMIN_EMAIL, password: ADMIN.FARMIQ_ADMIN_PASSWORD };

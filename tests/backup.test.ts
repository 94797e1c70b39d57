import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mqtt from 'mqtt';
import pg from 'pg';
import { generateSecretBoxKey } from '../lib/crypto/secretBox';
import { INGEST_PATH, signBatch } from '../lib/edge/signedBatch';
import { spawnFarmiq } from './support/farmiqProcess';
import { createPostgresDatabase } from './support/postgres';
import { loginAsPlatformAdmin, login, tenantWithAdmin } from './support/sessions';
import { startTestSystem, type TestSystem } from './support/testSystem';

/**
 * Backups that were restored (issue #15): a seeded system on this machine's PostgreSQL is backed
 * up with `farmiq backup`, restored with `farmiq restore` into a fresh database, and the system
 * started on the restored one serves what the first held: its people log in, the readings are
 * there, the invoices keep their numbers (the next one continues the sequence), devices connect
 * with their passwords and the farm's edge key still signs batches.
 */
const BACKUP_KEY = randomBytes(32).toString('base64');
/** Edge keys are sealed under it: it belongs in the secret store beside the backup key. */
const SECRETS_KEY = generateSecretBoxKey();

const dirs: string[] = [];
let source: TestSystem;
let restored: TestSystem | undefined;
const fresh: Array<{ url: string; drop(): Promise<void> }> = [];
let backupFile: string;

const seeded = {
  email: '',
  password: '',
  deviceId: '',
  devicePassword: '',
  edgeKey: { keyId: '', secret: '' },
  observedAt: [] as string[],
};

async function sendBatch(system: TestSystem, messages: unknown[]) {
  const body = Buffer.from(JSON.stringify({ batchId: randomUUID(), messages }));
  const headers = signBatch({ keyId: seeded.edgeKey.keyId, secret: seeded.edgeKey.secret, method: 'POST', path: INGEST_PATH, body });
  const response = await fetch(new URL(INGEST_PATH, system.gatewayUrl), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, body: (await response.json()) as any };
}

const farmiqCommand = async (args: string[], env: Record<string, string>) =>
  await spawnFarmiq(args, { NODE_ENV: 'test', FARMIQ_BACKUP_KEY: BACKUP_KEY, ...env }).exited;

beforeAll(async () => {
  source = await startTestSystem('postgres', { FARMIQ_SECRETS_KEY: SECRETS_KEY });
  const { admin } = await tenantWithAdmin(source, 'Backup Farms');
  seeded.email = admin.email;
  seeded.password = admin.password;
  const api = source.as(admin.accessToken);
  const platform = source.as((await loginAsPlatformAdmin(source)).accessToken);
  const farmId = (await api('mutation { createFarm(input: { name: "Backup farm", timeZone: "UTC" }) { id } }')).data!.createFarm.id;
  const barnId = (
    await api('mutation ($f: ID!) { createBarn(input: { farmId: $f, name: "House 1", species: BROILER, capacityHead: 20000 }) { id } }', { f: farmId })
  ).data!.createBarn.id;
  const label = (await platform('mutation { registerDevices(input: { devices: [{ serialNumber: "BK-0001", kind: CLIMATE }] }) { device { id } claimLink } }'))
    .data!.registerDevices[0];
  await api('mutation ($l: String) { claimDevice(input: { claimLink: $l }) { id } }', { l: label.claimLink });
  seeded.deviceId = label.device.id;
  seeded.devicePassword = (
    await api('mutation ($d: ID!, $b: ID!) { activateDevice(input: { deviceId: $d, barnId: $b, name: "Climate" }) { mqttPassword } }', {
      d: label.device.id,
      b: barnId,
    })
  ).data!.activateDevice.mqttPassword;
  seeded.edgeKey = (
    await api('mutation ($f: ID!) { registerEdgeGateway(input: { farmId: $f, name: "Edge" }) { keyId secret } }', { f: farmId })
  ).data!.registerEdgeGateway;
  const firstAt = Date.now() - 60 * 60_000;
  seeded.observedAt = [0, 1, 2].map((n) => new Date(firstAt + n * 60_000).toISOString());
  const stored = await sendBatch(
    source,
    seeded.observedAt.map((observedAt, n) => ({
      deviceId: seeded.deviceId,
      eventId: `bk-${n}`,
      observedAt,
      receivedAt: observedAt,
      metrics: { temperatureC: 20 + n },
    })),
  );
  expect(stored).toMatchObject({ status: 200, body: { accepted: 3 } });
  await api('mutation { setBillingProfile(input: { country: "TH", currency: "USD" }) { country } }');
  const subscribed = await api('mutation { subscribe(input: { plan: PROFESSIONAL, idempotencyKey: "backup-1" }) { invoices { number } } }');
  expect(subscribed.data!.subscribe.invoices).toEqual([{ number: 1 }]);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-backup-'));
  dirs.push(dir);
  backupFile = path.join(dir, 'farmiq.backup');
  const backup = await farmiqCommand(['backup', '--out', backupFile], { DATABASE_URL: source.databaseUrl! });
  expect({ code: backup.code, stderr: backup.stderr, written: backup.stdout.includes('backup written') }).toEqual({ code: 0, stderr: '', written: true });
}, 120_000);

afterAll(async () => {
  await restored?.stop();
  await source?.stop();
  for (const database of fresh) await database.drop();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function freshDatabase() {
  const database = await createPostgresDatabase();
  fresh.push(database);
  return database;
}

async function tableCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`,
    );
    return rows[0]!.count;
  } finally {
    await client.end();
  }
}

describe('farmiq backup and farmiq restore', () => {
  it('writes the backup encrypted: none of the data is readable in the file', () => {
    const bytes = fs.readFileSync(backupFile);
    expect(bytes.subarray(0, 16).toString()).toBe('FARMIQ-BACKUP-1\n');
    for (const plain of [seeded.email, 'Backup farm', 'House 1', 'PGDMP'])
      expect({ plain, found: bytes.includes(Buffer.from(plain)) }).toEqual({ plain, found: false });
    expect(fs.statSync(backupFile).mode & 0o077).toBe(0);
  });

  it('refuses a restore with the wrong key or a changed file, and writes nothing', async () => {
    const target = await freshDatabase();
    const wrongKey = await farmiqCommand(['restore', '--from', backupFile], {
      DATABASE_URL: target.url,
      FARMIQ_BACKUP_KEY: randomBytes(32).toString('base64'),
    });
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stderr).toMatch(/does not decrypt with FARMIQ_BACKUP_KEY/);
    const tampered = path.join(path.dirname(backupFile), 'tampered.backup');
    const bytes = fs.readFileSync(backupFile);
    bytes[bytes.length - 100]! ^= 0x01;
    fs.writeFileSync(tampered, bytes);
    const changed = await farmiqCommand(['restore', '--from', tampered], { DATABASE_URL: target.url });
    expect(changed.code).toBe(1);
    expect(changed.stderr).toMatch(/does not decrypt/);
    expect(await tableCount(target.url)).toBe(0);
  });

  it('restores into a fresh database on which the system serves logins, readings, invoices with their numbering, device passwords and the edge key', async () => {
    const target = await freshDatabase();
    const restore = await farmiqCommand(['restore', '--from', backupFile], { DATABASE_URL: target.url });
    expect({ code: restore.code, stderr: restore.stderr }).toEqual({ code: 0, stderr: '' });
    // A second restore over the restored data is refused.
    const again = await farmiqCommand(['restore', '--from', backupFile], { DATABASE_URL: target.url });
    expect(again.stderr).toMatch(/already holds FarmIQ data/);

    restored = await startTestSystem('postgres', { FARMIQ_SECRETS_KEY: SECRETS_KEY, DATABASE_URL: target.url });
    const session = await login(restored, { email: seeded.email, password: seeded.password });
    const api = restored.as(session.accessToken);

    const csv = await api('query ($d: ID!, $from: DateTime!, $to: DateTime!) { readingsCsv(deviceId: $d, metric: "temperatureC", from: $from, to: $to) }', {
      d: seeded.deviceId,
      from: new Date(Date.parse(seeded.observedAt[0]!) - 1_000).toISOString(),
      to: new Date().toISOString(),
    });
    expect(
      (csv.data!.readingsCsv as string)
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(',').find((cell) => /^2\d(\.0)?$/.test(cell))),
    ).toEqual(['20', '21', '22']);

    expect((await api('{ invoices { number kind } }')).data!.invoices).toEqual([{ number: 1, kind: 'INVOICE' }]);
    const changed = await api('mutation { changePlan(input: { plan: ENTERPRISE, idempotencyKey: "after-restore" }) { invoice { number } } }');
    expect(changed.data!.changePlan.invoice.number).toBe(2);

    const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${restored.system.ports.mqtt}`, {
      username: seeded.deviceId,
      password: seeded.devicePassword,
      clientId: seeded.deviceId,
      protocolVersion: 4,
      reconnectPeriod: 0,
    });
    await client.endAsync();

    const observedAt = new Date(Date.now() - 60_000).toISOString();
    expect(
      await sendBatch(restored, [{ deviceId: seeded.deviceId, eventId: 'after-restore', observedAt, receivedAt: observedAt, metrics: { temperatureC: 23 } }]),
    ).toMatchObject({ status: 200, body: { accepted: 1 } });
  });
});

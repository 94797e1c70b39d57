import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { runBackup, runRestore } from '../bin/backup';
import { loadConfig } from '../lib/config';
import { openDatabase } from '../lib/db/database';
import { applyMigrations } from '../lib/db/migrate';
import { createLogger } from '../lib/logger';
import { partitionKeeper } from '../subgraphs/telemetry/ingest/partitions';
import { emitReport, isSmoke } from './figures';

/**
 * `npm run bench:restore`: RTO of `farmiq restore` for READINGS readings (default 1,000,000):
 * a database with that many readings (100 devices, one a minute each, ending now) is backed up
 * with `farmiq backup` and restored into a fresh database; prints both durations and the size.
 * Baseline in the same run: the readings table read out by plain COPY through pg (what any
 * backup has to do at least). `--smoke`: 2,000 readings.
 * Needs a PostgreSQL server: POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432/postgres).
 */
const smoke = isSmoke();
const READINGS = Number(process.env.READINGS ?? (smoke ? 2_000 : 1_000_000));
const DEVICES = 100;
const server = process.env.POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const log = createLogger('silent');

const databaseUrl = (name: string) => Object.assign(new URL(server), { pathname: `/${name}` }).toString();

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function main() {
  const suffix = randomBytes(4).toString('hex');
  const source = `farmiq_bench_backup_${suffix}`;
  const target = `farmiq_bench_restore_${suffix}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-bench-restore-'));
  process.env.FARMIQ_BACKUP_KEY = randomBytes(32).toString('base64');
  await admin(`CREATE DATABASE ${source}`);
  await admin(`CREATE DATABASE ${target}`);
  try {
    const db = await openDatabase({ kind: 'postgres', url: databaseUrl(source) });
    await applyMigrations(db.sql);
    const perDevice = Math.ceil(READINGS / DEVICES);
    const end = Date.now();
    const start = new Date(end - perDevice * 60_000);
    const months: Date[] = [];
    for (let at = new Date(start); at.getTime() <= end; at = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1))) months.push(at);
    await partitionKeeper(db.sql)([...months, new Date(end)]);
    const seeded = Date.now();
    await db.sql.exec(`
      INSERT INTO telemetry.reading (device_id, metric, observed_at, event_id, tenant_id, farm_id, barn_id, value, received_at)
      SELECT d.id, 'temperatureC', to_timestamp(${start.getTime() / 1000}) + n * interval '1 minute', 'e-' || n, t.id, t.id, t.id, 20 + (n % 100) / 10.0, to_timestamp(${start.getTime() / 1000}) + n * interval '1 minute'
      FROM (SELECT gen_random_uuid() AS id FROM generate_series(1, ${DEVICES})) d, (SELECT gen_random_uuid() AS id) t, generate_series(0, ${perDevice - 1}) n`);
    await db.sql.exec('ANALYZE telemetry.reading');
    const rows = Number((await db.sql.query<{ count: string }>('SELECT count(*) AS count FROM telemetry.reading'))[0]!.count);
    await db.close();
    console.log(`seeded ${rows} readings in ${((Date.now() - seeded) / 1000).toFixed(1)} s`);

    const copyClient = new pg.Client({ connectionString: databaseUrl(source) });
    await copyClient.connect();
    const copyStarted = Date.now();
    await pipeline(copyClient.query(copyTo('COPY (SELECT * FROM telemetry.reading) TO STDOUT')), new Writable({ write: (_chunk, _encoding, done) => done() }));
    const copySeconds = (Date.now() - copyStarted) / 1000;
    await copyClient.end();

    const file = path.join(dir, 'bench.backup');
    let began = Date.now();
    const { bytes } = await runBackup(file, loadConfig({ DATABASE_URL: databaseUrl(source) }), log);
    const backupSeconds = (Date.now() - began) / 1000;
    began = Date.now();
    await runRestore(file, loadConfig({ DATABASE_URL: databaseUrl(target) }), log);
    const restoreSeconds = (Date.now() - began) / 1000;
    const restored = new pg.Client({ connectionString: databaseUrl(target) });
    await restored.connect();
    const restoredRows = Number((await restored.query<{ count: string }>('SELECT count(*) AS count FROM telemetry.reading')).rows[0]!.count);
    await restored.end();
    console.log(
      JSON.stringify({
        readings: rows,
        restoredReadings: restoredRows,
        backupBytes: bytes,
        copyOutSeconds: copySeconds,
        backupSeconds,
        restoreSeconds,
        cpus: os.cpus().length,
        loadAverage1m: os.loadavg()[0],
      }),
    );
    if (restoredRows !== rows) throw new Error(`restored ${restoredRows} of ${rows} readings`);
    const baseline = 'COPY of the readings table out through pg (baseline)';
    emitReport('restore', smoke, [
      { case: baseline, value: rows / copySeconds, unit: 'readings/s' },
      { case: 'farmiq backup', value: rows / backupSeconds, unit: 'readings/s', baseline },
      { case: 'farmiq restore into a fresh database', value: restoredRows / restoreSeconds, unit: 'readings/s', baseline },
    ]);
  } catch (error) {
    // Logged before the databases are dropped: dropping them ends this process's connections loudly.
    console.error(error);
    throw error;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await admin(`DROP DATABASE IF EXISTS ${source} WITH (FORCE)`);
    await admin(`DROP DATABASE IF EXISTS ${target} WITH (FORCE)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

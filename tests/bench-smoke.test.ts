import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { RESULT_PREFIX, reportProblems, type BenchReport } from '../bench/figures';
import { scratchDatabase, TEMPLATE_DATABASE_ENV, type ScratchDatabase } from '../bench/scratchDatabase';
import { openDatabase } from '../lib/db/database';
import { applyMigrations } from '../lib/db/migrate';
import { POSTGRES_URL_ENV } from './support/postgres';
import { REDIS_URL_ENV } from './support/globalSetup';

/**
 * Benches cannot rot: every `bench*` script of package.json runs here in its smoke mode (tiny
 * sizes) and must hand over a BENCH_RESULT in which every figure exists, is above zero, has no
 * errors and has its baseline. Not a timed test: how fast anything was is not checked.
 * They run three at a time, the longest first (most of a smoke run is process start-up and
 * waiting, not CPU), and their systems start on copies of one database migrated here once.
 *
 * CPU per smoke run, measured one at a time (user + system of the bench and every process it
 * started, PostgreSQL not included): latency 22 s, live 21 s, ingest 17 s, run 13 s, vision
 * 7 s, dashboard 3 s, restore 2 s: ≈ 85 s, so two quiet cores need ≈ 45 s at the least.
 */
const PARALLEL = 3;
/** Longest first, so the last to start is not the one everybody waits for. */
const LONGEST_FIRST = ['bench:latency', 'bench:live', 'bench:ingest', 'bench'];
/** A bench still running after this is stopped (SIGTERM: it cleans up) and fails. */
const BENCH_DEADLINE_MS = 360_000;
const ROOT = path.join(__dirname, '..');
const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const BENCHES = Object.entries(scripts)
  .filter(([name]) => /^bench(:|$)/.test(name))
  .map(([name, command]) => [name, /^tsx (bench\/[\w/]+\.ts)$/.exec(command)?.[1] ?? command] as const);

/** The migrated database every bench's scratch database copies (set in beforeAll). */
let template: string | undefined;

async function runSmoke(file: string): Promise<{ code: number | null; report?: BenchReport; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test' };
  if (process.env[POSTGRES_URL_ENV]) env.POSTGRES_URL = process.env[POSTGRES_URL_ENV];
  if (process.env[REDIS_URL_ENV]) env.REDIS_URL = process.env[REDIS_URL_ENV];
  if (template) env[TEMPLATE_DATABASE_ENV] = template;
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, file), '--smoke'], { cwd: ROOT, env });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = setTimeout(() => {
    output += `\n(stopped after ${BENCH_DEADLINE_MS} ms)`;
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 20_000).unref();
  }, BENCH_DEADLINE_MS);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearTimeout(deadline);
  const line = output.split('\n').find((entry) => entry.startsWith(RESULT_PREFIX));
  return { code, report: line ? (JSON.parse(line.slice(RESULT_PREFIX.length)) as BenchReport) : undefined, output };
}

/** Starts every bench's smoke run, PARALLEL at a time; each test awaits its own. */
function startAll(): Map<string, ReturnType<typeof runSmoke>> {
  const runs = new Map<string, ReturnType<typeof runSmoke>>();
  let free = PARALLEL;
  const waiting: Array<() => void> = [];
  const turn = () => (free > 0 ? ((free -= 1), Promise.resolve()) : new Promise<void>((resolve) => waiting.push(resolve)));
  const done = () => (waiting.length > 0 ? waiting.shift()!() : (free += 1));
  const rank = (name: string) => (LONGEST_FIRST.includes(name) ? LONGEST_FIRST.indexOf(name) : LONGEST_FIRST.length);
  for (const [, file] of [...BENCHES].sort(([a], [b]) => rank(a) - rank(b)))
    runs.set(
      file,
      turn().then(() => runSmoke(file).finally(done)),
    );
  return runs;
}

describe('every benchmark in its smoke mode', () => {
  let runs: Map<string, ReturnType<typeof runSmoke>>;
  let migrated: ScratchDatabase | undefined;
  beforeAll(async () => {
    const server = process.env[POSTGRES_URL_ENV];
    if (server) {
      migrated = await scratchDatabase('template', server);
      const db = await openDatabase({ kind: 'postgres', url: migrated.url });
      try {
        await applyMigrations(db.sql);
      } finally {
        await db.close();
      }
      template = new URL(migrated.url).pathname.slice(1);
    }
    runs = startAll();
  }, 120_000);
  afterAll(async () => {
    await Promise.allSettled(runs?.values() ?? []);
    await migrated?.drop();
  }, 2 * BENCH_DEADLINE_MS);

  it('should find a bench file behind every bench script', () => {
    expect(BENCHES.length).toBeGreaterThanOrEqual(5);
    for (const [name, file] of BENCHES) expect([name, fs.existsSync(path.join(ROOT, file))]).toEqual([name, true]);
  });

  it.each(BENCHES)(
    '%s should deliver every figure beside its baseline, without errors',
    async (_name, file) => {
      const { code, report, output } = await runs.get(file)!;
      // The output says why when the bench failed.
      expect({ code, report: report ? 'present' : 'missing' }).toEqual({ code: 0, report: report ? 'present' : output.slice(-3_000) });
      expect(report!.smoke).toBe(true);
      expect(reportProblems(report!)).toEqual([]);
    },
    2 * BENCH_DEADLINE_MS,
  );
});

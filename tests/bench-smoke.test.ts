import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { RESULT_PREFIX, reportProblems, type BenchReport } from '../bench/figures';
import { POSTGRES_URL_ENV } from './support/postgres';
import { REDIS_URL_ENV } from './support/globalSetup';

/**
 * Benches cannot rot: every `bench*` script of package.json runs here in its smoke mode (tiny
 * sizes) and must hand over a BENCH_RESULT in which every figure exists, is above zero, has no
 * errors and has its baseline. Not a timed test: how fast anything was is not checked.
 * They run three at a time (most of a smoke run is start-up and waiting, not CPU).
 */
const PARALLEL = 3;
/** A bench still running after this is stopped (SIGTERM: it cleans up) and fails. */
const BENCH_DEADLINE_MS = 360_000;
const ROOT = path.join(__dirname, '..');
const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const BENCHES = Object.entries(scripts)
  .filter(([name]) => /^bench(:|$)/.test(name))
  .map(([name, command]) => [name, /^tsx (bench\/[\w/]+\.ts)$/.exec(command)?.[1] ?? command] as const);

async function runSmoke(file: string): Promise<{ code: number | null; report?: BenchReport; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test' };
  if (process.env[POSTGRES_URL_ENV]) env.POSTGRES_URL = process.env[POSTGRES_URL_ENV];
  if (process.env[REDIS_URL_ENV]) env.REDIS_URL = process.env[REDIS_URL_ENV];
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
  for (const [, file] of BENCHES) runs.set(file, turn().then(() => runSmoke(file).finally(done)));
  return runs;
}

describe('every benchmark in its smoke mode', () => {
  let runs: Map<string, ReturnType<typeof runSmoke>>;
  beforeAll(() => {
    runs = startAll();
  });

  it('should find a bench file behind every bench script', () => {
    expect(BENCHES.length).toBeGreaterThanOrEqual(5);
    for (const [name, file] of BENCHES) expect([name, fs.existsSync(path.join(ROOT, file))]).toEqual([name, true]);
  });

  it.each(BENCHES)('%s should deliver every figure beside its baseline, without errors', async (_name, file) => {
    const { code, report, output } = await runs.get(file)!;
    // The output says why when the bench failed.
    expect({ code, report: report ? 'present' : 'missing' }).toEqual({ code: 0, report: report ? 'present' : output.slice(-3_000) });
    expect(report!.smoke).toBe(true);
    expect(reportProblems(report!)).toEqual([]);
  }, 2 * BENCH_DEADLINE_MS);
});

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

export interface FarmiqProcess {
  child: ChildProcessWithoutNullStreams;
  /** Resolves with the bound ports once the start-up banner is logged. */
  up: Promise<Record<string, number>>;
  /** Resolves when the process exits, with its exit code and everything it wrote. */
  exited: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** Every port on 0 so parallel test files never collide. */
export const FREE_PORTS = {
  PORT: '0',
  IDENTITY_PORT: '0',
  DEVICES_PORT: '0',
  TELEMETRY_PORT: '0',
  KPI_PORT: '0',
  BILLING_PORT: '0',
  MQTT_PORT: '0',
  INGESTOR_PORT: '0',
  VISION_PORT: '0',
};

const running = new Set<FarmiqProcess>();

/** Stops every process spawnFarmiq started that is still running. */
export async function stopAllFarmiq(): Promise<void> {
  await Promise.all(
    [...running].map(async (farmiq) => {
      farmiq.child.kill('SIGKILL');
      await farmiq.exited;
    }),
  );
}

/** Runs `farmiq` as `npm start` does (the real entry point, in a child process). */
export function spawnFarmiq(args: string[], env: Record<string, string>): FarmiqProcess {
  // FARMIQ_CPU_PROFILE_DIR (benchmarks): every child writes a V8 CPU profile there when it exits.
  const profile = process.env.FARMIQ_CPU_PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', process.env.FARMIQ_CPU_PROFILE_DIR] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', path.join(ROOT, 'bin', 'farmiq.ts'), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info', ...env },
  });
  let stdout = '';
  let stderr = '';
  // The banner is an info line: a LOG_LEVEL above info would leave `up` waiting forever.
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.on('exit', (code) => {
      // Let the pipes drain before handing over what was written.
      setImmediate(() => resolve({ code, stdout, stderr }));
    });
  });
  let isUp = false;
  const up = new Promise<Record<string, number>>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      // Once up, only collect: re-reading everything on every chunk grows with the square of the output.
      if (isUp) return;
      for (const line of stdout.split('\n')) {
        if (!line.includes('FarmIQ')) continue;
        try {
          const entry = JSON.parse(line) as { msg?: string; ports?: Record<string, number> };
          if (entry.msg?.startsWith('FarmIQ') && entry.ports) {
            isUp = true;
            resolve(entry.ports);
          }
        } catch {
          // A partial line: wait for the rest.
        }
      }
    });
    void exited.then(({ code }) => reject(new Error(`farmiq exited with ${code} before it was up:\n${stderr}${stdout}`)));
  });
  up.catch(() => undefined);
  const farmiq = { child, up, exited };
  running.add(farmiq);
  void exited.then(() => running.delete(farmiq));
  return farmiq;
}

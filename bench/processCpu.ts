import fs from 'node:fs';

/** CPU time (user + system, seconds) process `pid` has used so far (0 once it is gone). */
export function cpuSeconds(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // Fields 14 and 15 of /proc/<pid>/stat (utime, stime) in clock ticks of 1/100 s.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** The machine's processes whose command name is `comm` (e.g. every PostgreSQL backend). */
export function pidsNamed(comm: string): number[] {
  return fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === comm;
      } catch {
        return false;
      }
    });
}

/** Resident memory of `pid` in MiB (0 once it is gone). */
export function residentMiB(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/**
 * CPU seconds of named processes between `start()` and `stop()`: where a phase's CPU went.
 * Shared servers (PostgreSQL, Redis) are counted whole: other users of the machine show up there.
 */
export function cpuMeter(processes: () => Record<string, number[]>) {
  const read = () => Object.fromEntries(Object.entries(processes()).map(([name, pids]) => [name, pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0)]));
  let before: Record<string, number> = {};
  return {
    start() {
      before = read();
    },
    /** CPU seconds per process name since `start()`. */
    stop(): Record<string, number> {
      const after = read();
      return Object.fromEntries(Object.entries(after).map(([name, seconds]) => [name, seconds - (before[name] ?? 0)]));
    },
  };
}

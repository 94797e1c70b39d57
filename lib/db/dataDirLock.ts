import fs from 'node:fs';
import path from 'node:path';

/**
 * One process owns a PGlite data folder: a second one opening it would corrupt it (PGlite
 * aborts). The lock file holds the owner's pid; a lock left by a dead process is taken over.
 */
export function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const lockPath = path.join(dir, 'farmiq.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx', mode: 0o600 });
      return () => fs.rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const ownerPid = Number(fs.readFileSync(lockPath, 'utf8'));
      if (Number.isInteger(ownerPid) && ownerPid !== process.pid && isAlive(ownerPid)) {
        throw new DataDirInUseError(dir, ownerPid);
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new DataDirInUseError(dir, NaN);
}

/** The pid of the live process that holds `dir`'s lock, or undefined when none does. */
export function dataDirOwner(dir: string): number | undefined {
  let ownerPid: number;
  try {
    ownerPid = Number(fs.readFileSync(path.join(dir, 'farmiq.lock'), 'utf8'));
  } catch {
    return undefined;
  }
  return Number.isInteger(ownerPid) && ownerPid > 0 && isAlive(ownerPid) ? ownerPid : undefined;
}

export class DataDirInUseError extends Error {
  constructor(dir: string, ownerPid: number) {
    super(`FARMIQ_DATA_DIR: ${dir} is in use by another FarmIQ process (pid ${ownerPid}); stop it or choose another folder`);
    this.name = 'DataDirInUseError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

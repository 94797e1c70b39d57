import { spawn } from 'node:child_process';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { ConfigError, type Config } from '../lib/config';
import type { Logger } from '../lib/logger';

/**
 * `farmiq backup --out FILE` and `farmiq restore --from FILE`: a pg_dump custom-format archive of
 * the whole database (every subgraph's schema, sequences and the migrations table), encrypted
 * at rest with AES-256-GCM under FARMIQ_BACKUP_KEY (base64 of 32 bytes, kept apart from the
 * backups: in the secret store). The file is
 *   "FARMIQ-BACKUP-1\n" | 12-byte IV | ciphertext | 16-byte GCM tag
 * so a changed or truncated file, or the wrong key, fails the restore before anything is
 * written: the whole file is authenticated first, then decrypted again straight into pg_restore
 * (one transaction); no plaintext copy is ever on disk.
 * The database password never appears on a command line: pg_dump and pg_restore get it as PGPASSWORD.
 */
export const BACKUP_MAGIC = Buffer.from('FARMIQ-BACKUP-1\n');
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export function parseBackupArgs(flag: '--out' | '--from', argv: string[], usage: (message: string) => never): { file: string } {
  if (argv.length !== 2 || argv[0] !== flag || !argv[1]) usage(`expected ${flag} FILE`);
  return { file: argv[1]! };
}

function backupKey(): Buffer {
  const raw = process.env.FARMIQ_BACKUP_KEY;
  const key = raw ? Buffer.from(raw, 'base64') : undefined;
  if (!key || key.length !== 32)
    throw new ConfigError('FARMIQ_BACKUP_KEY: expected the base64 of 32 random bytes (openssl rand -base64 32), kept apart from the backups');
  return key;
}

/** The libpq connection without the password (it goes to PGPASSWORD), so `ps` shows none. */
function connection(config: Config): { url: string; env: NodeJS.ProcessEnv } {
  if (!config.databaseUrl) throw new ConfigError('DATABASE_URL: required (the PostgreSQL database to back up or restore into)');
  const url = new URL(config.databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { url: url.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, stdio: { stdin?: NodeJS.ReadableStream; stdout?: NodeJS.WritableStream }): Promise<void> {
  const child = spawn(command, args, { env, stdio: [stdio.stdin ? 'pipe' : 'ignore', stdio.stdout ? 'pipe' : 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve, reject) => {
    child.on('error', (error) => reject(new BackupError(`${command}: ${error.message} (install the PostgreSQL client tools)`)));
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new BackupError(`${command} failed (${code}): ${stderr.trim().split('\n').slice(-3).join(' / ')}`)),
    );
  });
  const piping = [
    stdio.stdin ? pipeline(stdio.stdin, child.stdin!) : Promise.resolve(),
    stdio.stdout ? pipeline(child.stdout!, stdio.stdout) : Promise.resolve(),
  ];
  return Promise.all([exited, ...piping]).then(() => undefined);
}

/** Dumps the database to `file`, encrypted; the file appears only once complete. Returns its size. */
export async function runBackup(file: string, config: Config, log: Logger): Promise<{ bytes: number }> {
  const key = backupKey();
  const { url, env } = connection(config);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const partial = `${file}.partial`;
  const out = fs.createWriteStream(partial, { mode: 0o600 });
  out.write(Buffer.concat([BACKUP_MAGIC, iv]));
  const started = Date.now();
  // The ciphertext is drained into the file while pg_dump writes (else both would stall), the tag last.
  const written = new Promise<void>((resolve, reject) => {
    cipher.on('data', (chunk: Buffer) => {
      if (!out.write(chunk)) {
        cipher.pause();
        out.once('drain', () => cipher.resume());
      }
    });
    cipher.on('end', () => out.end(cipher.getAuthTag(), () => resolve()));
    cipher.on('error', reject);
    out.on('error', reject);
  });
  try {
    await Promise.all([
      run('pg_dump', ['--format=custom', '--compress=6', '--no-owner', '--no-privileges', `--dbname=${url}`], env, { stdout: cipher }),
      written,
    ]);
  } catch (error) {
    out.destroy();
    fs.rmSync(partial, { force: true });
    throw error;
  }
  fs.renameSync(partial, file);
  const bytes = fs.statSync(file).size;
  log.info({ file, bytes, durationMs: Date.now() - started }, 'backup written');
  return { bytes };
}

/** Decrypts `file` (authenticating it completely first) and restores it into an empty database. */
export async function runRestore(file: string, config: Config, log: Logger): Promise<void> {
  const key = backupKey();
  const { url, env } = connection(config);
  if (!fs.existsSync(file)) throw new BackupError(`--from: no backup at ${file}`);
  const size = fs.statSync(file).size;
  const header = Buffer.alloc(BACKUP_MAGIC.length + IV_BYTES);
  const tag = Buffer.alloc(TAG_BYTES);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, header.length, 0);
    fs.readSync(fd, tag, 0, TAG_BYTES, size - TAG_BYTES);
  } finally {
    fs.closeSync(fd);
  }
  if (size < header.length + TAG_BYTES || !header.subarray(0, BACKUP_MAGIC.length).equals(BACKUP_MAGIC))
    throw new BackupError(`--from: ${file} is not a FarmIQ backup`);
  await refuseNonEmpty(config.databaseUrl!);
  const started = Date.now();
  const decrypted = () => {
    const decipher = createDecipheriv('aes-256-gcm', key, header.subarray(BACKUP_MAGIC.length));
    decipher.setAuthTag(tag);
    return fs.createReadStream(file, { start: header.length, end: size - TAG_BYTES - 1 }).pipe(decipher);
  };
  // First pass: authenticate the whole file and discard the plaintext, so pg_restore never sees
  // a byte of a forged or cut archive and no plaintext copy ever touches the disk.
  try {
    await pipeline(decrypted(), new Writable({ write: (_chunk, _encoding, done) => done() }));
  } catch {
    throw new BackupError(`--from: ${file} does not decrypt with FARMIQ_BACKUP_KEY (wrong key, or the file was changed)`);
  }
  await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${url}`], env, { stdin: decrypted() });
  log.info({ file, durationMs: Date.now() - started }, 'backup restored');
}

/** Restoring over data would mix two systems: only into a database without FarmIQ's tables. */
async function refuseNonEmpty(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ present: boolean }>(`SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS present`);
    if (rows[0]!.present)
      throw new BackupError('DATABASE_URL: the database already holds FarmIQ data; restore into a new, empty database and point FarmIQ at it');
  } finally {
    await client.end();
  }
}

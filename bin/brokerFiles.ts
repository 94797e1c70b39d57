import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, type Config } from '../lib/config';
import { openDatabase, type Database } from '../lib/db/database';
import { applyMigrations } from '../lib/db/migrate';
import type { Logger } from '../lib/logger';
import { hashMosquittoPassword, INGESTOR_MQTT_USER, mosquittoPasswordFile } from '../lib/mqtt/mosquittoPassword';
import { FRAMES_TOPIC_FILTER, TELEMETRY_TOPIC_FILTER } from '../lib/mqtt/deviceTopic';
import type { DeviceAuthority } from '../lib/process/module';
import { MODULES } from '../subgraphs/modules';

export const PASSWORD_FILE_NAME = 'passwords';
export const ACL_FILE_NAME = 'acl';

export interface BrokerFilesArgs {
  outDir: string;
  /** Re-export every this many seconds instead of once (a sidecar beside the broker). */
  everySeconds: number | undefined;
  /** Mosquitto's pid file: it gets SIGHUP whenever the files changed, so it re-reads them. */
  reloadPidFile: string | undefined;
}

export function parseBrokerFilesArgs(argv: string[], usage: (message: string) => never): BrokerFilesArgs {
  const args: BrokerFilesArgs = { outDir: '', everySeconds: undefined, reloadPidFile: undefined };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    if (value === undefined) usage(`${flag}: needs a value`);
    i += 1;
    if (flag === '--out') args.outDir = value;
    else if (flag === '--every') {
      const seconds = Number(value);
      if (!Number.isInteger(seconds) || seconds < 1) usage(`--every: expected a whole number of seconds, got ${JSON.stringify(value)}`);
      args.everySeconds = seconds;
    } else if (flag === '--reload-pid-file') args.reloadPidFile = value;
    else usage(`unknown option ${JSON.stringify(flag)} (see farmiq --help)`);
  }
  if (!args.outDir) usage('--out: the folder Mosquitto reads its password_file and acl_file from');
  return args;
}

/**
 * `farmiq broker-files --out DIR`: Mosquitto's `passwords` and `acl` for every ACTIVE device of
 * every tenant, plus the ingestor's own user (INGESTOR_MQTT_PASSWORD, hashed here) that may read
 * every device's topic. Written atomically (a broker never reads half a file), owner-only.
 * Once (the compose job, the Kubernetes init container), or `--every N` seconds with a SIGHUP to
 * the broker when something changed (activations, rotations, revocations reach it within N s).
 */
export async function runBrokerFiles(args: BrokerFilesArgs, config: Config, log: Logger): Promise<{ stop(): Promise<void> }> {
  if (!config.databaseUrl) throw new ConfigError('DATABASE_URL: required (the devices registry the files are made from)');
  const authority = MODULES.find((module) => module.deviceAuthority)?.deviceAuthority;
  if (!authority) throw new ConfigError('no module is the device authority: there are no device credentials to export');
  const ingestorPassword = process.env.INGESTOR_MQTT_PASSWORD;
  if (!ingestorPassword || ingestorPassword.length < 16)
    throw new ConfigError("INGESTOR_MQTT_PASSWORD: required, 16 characters or more (the ingestor's broker password)");
  const database = await openDatabase({ kind: 'postgres', url: config.databaseUrl });
  try {
    // The job may run before any subgraph started on a fresh database.
    await applyMigrations(database.sql);
  } catch (error) {
    await database.close();
    throw error;
  }
  // One hash per run of the process: re-hashing each pass would change the file every time.
  const ingestorEntry = { username: INGESTOR_MQTT_USER, passwordHash: hashMosquittoPassword(ingestorPassword) };
  fs.mkdirSync(args.outDir, { recursive: true });
  const pass = () => exportOnce(authority, database, args, ingestorEntry, log);
  await pass().catch(async (error) => {
    await database.close();
    throw error;
  });
  if (args.everySeconds === undefined) {
    await database.close();
    return { stop: async () => undefined };
  }
  const timer = setInterval(
    () => void pass().catch((error: Error) => log.error({ err: error.message }, 'could not export the broker files')),
    args.everySeconds * 1000,
  );
  return {
    async stop() {
      clearInterval(timer);
      await database.close();
    },
  };
}

async function exportOnce(
  authority: DeviceAuthority,
  database: Database,
  args: BrokerFilesArgs,
  ingestor: { username: string; passwordHash: string },
  log: Logger,
): Promise<void> {
  const files = await authority.brokerAuthFiles(database.prisma);
  const passwords = files.passwordFile + mosquittoPasswordFile([ingestor]);
  // Patterns apply to every user; the ingestor's user line adds its read of every device topic.
  const acl = `${files.aclFile}\nuser ${INGESTOR_MQTT_USER}\ntopic read ${TELEMETRY_TOPIC_FILTER}\ntopic read ${FRAMES_TOPIC_FILTER}\n`;
  const changed = [writeIfChanged(path.join(args.outDir, PASSWORD_FILE_NAME), passwords), writeIfChanged(path.join(args.outDir, ACL_FILE_NAME), acl)].some(
    Boolean,
  );
  if (!changed) return;
  log.info({ devices: files.deviceCount, outDir: args.outDir }, 'broker files written');
  if (args.reloadPidFile && fs.existsSync(args.reloadPidFile)) {
    const pid = Number(fs.readFileSync(args.reloadPidFile, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 1) process.kill(pid, 'SIGHUP');
  }
}

function writeIfChanged(file: string, content: string): boolean {
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === content) return false;
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, content, { mode: 0o600 });
  fs.renameSync(temporary, file);
  return true;
}

import { loadConfig, TARGETS, type Target } from '../lib/config';
import { createLogger } from '../lib/logger';
import { parseQuarantineArgs, runQuarantine, type QuarantineArgs } from './quarantine';
import { parseSimulateArgs, runSimulate, SIMULATOR_DEVICES_FILE, type SimulateArgs } from './simulate';
import type { BrokerFilesArgs } from './brokerFiles';

const USAGE = `usage: farmiq start [--target ${TARGETS.join('|')}]
       farmiq simulate [--devices N] [--rate R] [--credentials FILE] [--broker URL]
       farmiq ingestor quarantine list [--code CODE] [--device ID] [--ids 1,2] [--limit N] [--json]
       farmiq ingestor quarantine replay|purge (--ids 1,2 | --code CODE | --device ID | --all)
       farmiq migrate
       farmiq backup --out FILE
       farmiq restore --from FILE
       farmiq broker-files --out DIR [--every SECONDS] [--reload-pid-file FILE]
       farmiq events status | replay --consumer NAME --from POSITION | prune [--retention-days N]

start     Runs FarmIQ. With no configuration it uses an embedded PostgreSQL (PGlite) in
          FARMIQ_DATA_DIR (default .data/) and an embedded MQTT broker; set DATABASE_URL and
          MQTT_URL for real services.
simulate  N devices publish R readings a second together (climate, water, feed, scale), each
          with its own MQTT credentials from FILE (default FARMIQ_DATA_DIR/${SIMULATOR_DEVICES_FILE}:
          a JSON array of { "id", "password", "kind" }) to URL (default MQTT_URL or the
          embedded broker's MQTT_PORT on this machine).
backup    pg_dump of DATABASE_URL (custom format) encrypted with FARMIQ_BACKUP_KEY into FILE.
restore   Decrypts FILE (refused unless it authenticates) into the empty database DATABASE_URL.
migrate   Applies the pending database migrations to DATABASE_URL and exits (once per release).
broker-files
          Writes Mosquitto's password and ACL files to DIR for every active device, plus the
          ingestor's user (INGESTOR_MQTT_PASSWORD); --every re-exports and sends SIGHUP to the
          broker whose pid file is given when they changed.
events    The durable domain events (DATABASE_URL, else the PGlite in FARMIQ_DATA_DIR with the
          system stopped). status lists each consumer's position, how far behind it is and its
          dead letters; replay makes a consumer apply every event from POSITION again; prune
          deletes events every consumer applied, older than N days (default 7; the system does
          it hourly).
ingestor quarantine
          Messages the cloud refused for good (unknown or revoked device, invalid value) wait
          in the ingestor's disk buffer (FARMIQ_DATA_DIR) with the cloud's reason. list shows
          them; replay sends them again once the cause is fixed (the running ingestor picks
          them up within a second); purge deletes them. Kept QUARANTINE_RETENTION_DAYS (30).`;

class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Start-up failures the user can fix: printed as one line, without a stack trace. */
/**
 * Failures an operator can fix from the message alone: one line, no stack. Matched by name so
 * that the edge target need not load the database and Redis code to recognise them.
 */
const EXPECTED_FAILURES = new Set([
  'BackupError',
  'ConfigError',
  'DatabaseUnavailableError',
  'RedisUnavailableError',
  'PortUnavailableError',
  'DataDirInUseError',
  'MigrationError',
  'UsageError',
]);

type Command =
  | { command: 'start'; target: Target }
  | { command: 'simulate'; args: SimulateArgs }
  | { command: 'quarantine'; args: QuarantineArgs }
  | { command: 'migrate' }
  | { command: 'broker-files'; args: BrokerFilesArgs }
  | { command: 'backup'; file: string }
  | { command: 'restore'; file: string }
  | { command: 'events'; args: import('./eventsCommand').EventsArgs };

function parseArgs(argv: string[]): Command {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    process.exit(0);
  }
  if (command === 'simulate') {
    return {
      command,
      args: parseSimulateArgs(rest, (message) => {
        throw new UsageError(message);
      }),
    };
  }
  if (command === 'migrate') {
    if (rest.length > 0) throw new UsageError(`unknown option ${JSON.stringify(rest[0])} (see farmiq --help)`);
    return { command };
  }
  if (command === 'backup' || command === 'restore') {
    const { parseBackupArgs } = require('./backup') as typeof import('./backup');
    const { file } = parseBackupArgs(command === 'backup' ? '--out' : '--from', rest, (message) => {
      throw new UsageError(message);
    });
    return { command, file };
  }
  if (command === 'broker-files') {
    const { parseBrokerFilesArgs } = require('./brokerFiles') as typeof import('./brokerFiles');
    return {
      command,
      args: parseBrokerFilesArgs(rest, (message) => {
        throw new UsageError(message);
      }),
    };
  }
  if (command === 'events') {
    const { parseEventsArgs } = require('./eventsCommand') as typeof import('./eventsCommand');
    return {
      command,
      args: parseEventsArgs(rest, (message) => {
        throw new UsageError(message);
      }),
    };
  }
  if (command === 'ingestor') {
    const [subcommand, ...args] = rest;
    if (subcommand !== 'quarantine')
      throw new UsageError(`farmiq ingestor: expected "quarantine", got ${JSON.stringify(subcommand ?? '')} (see farmiq --help)`);
    return {
      command: 'quarantine',
      args: parseQuarantineArgs(args, (message) => {
        throw new UsageError(message);
      }),
    };
  }
  if (command !== 'start')
    throw new UsageError(
      `unknown command ${JSON.stringify(command ?? '')}; expected "start", "simulate", "ingestor", "migrate", "broker-files", "events", "backup" or "restore" (see farmiq --help)`,
    );
  let target: Target = 'all';
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i]!;
    const value = arg.startsWith('--target=') ? arg.slice('--target='.length) : arg === '--target' ? rest[++i] : undefined;
    if (value === undefined) throw new UsageError(`unknown option ${JSON.stringify(arg)} (see farmiq --help)`);
    if (!(TARGETS as readonly string[]).includes(value)) {
      throw new UsageError(`--target: expected one of ${TARGETS.join(', ')}, got ${JSON.stringify(value)}`);
    }
    target = value as Target;
  }
  return { command: 'start', target };
}

function fail(error: unknown): never {
  if (error instanceof Error && EXPECTED_FAILURES.has(error.name)) {
    console.error(`farmiq: ${(error as Error).message}`);
  } else {
    console.error('farmiq: unexpected start-up failure:', error);
  }
  process.exit(1);
}

async function main(): Promise<void> {
  const parsed = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  if (parsed.command === 'quarantine') {
    console.log(runQuarantine(parsed.args, config));
    return;
  }
  const log = createLogger(config.logLevel, { pretty: !config.isProduction && process.stdout.isTTY === true });
  if (parsed.command === 'simulate') {
    const simulator = await runSimulate(parsed.args, config, log);
    const stop = () => void simulator.stop().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return;
  }
  if (parsed.command === 'events') {
    const { runEvents } = require('./eventsCommand') as typeof import('./eventsCommand');
    const { MODULES } = require('../subgraphs/modules') as typeof import('../subgraphs/modules');
    console.log(
      await runEvents(
        parsed.args,
        config,
        MODULES.flatMap((module) => module.events.publishes),
      ),
    );
    process.exit(0);
  }
  if (parsed.command === 'migrate') {
    const { runMigrate } = require('./migrateCommand') as typeof import('./migrateCommand');
    await runMigrate(config, log);
    process.exit(0);
  }
  if (parsed.command === 'backup' || parsed.command === 'restore') {
    const { runBackup, runRestore } = require('./backup') as typeof import('./backup');
    if (parsed.command === 'backup') await runBackup(parsed.file, config, log);
    else await runRestore(parsed.file, config, log);
    return process.exit(0);
  }
  if (parsed.command === 'broker-files') {
    const { runBrokerFiles } = require('./brokerFiles') as typeof import('./brokerFiles');
    const job = await runBrokerFiles(parsed.args, config, log);
    if (parsed.args.everySeconds === undefined) process.exit(0);
    const stop = () => void job.stop().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return;
  }
  const { target } = parsed;
  // Cloud targets only: the farm box has no collector to send spans to, and loads no cloud code.
  const tracing =
    target === 'ingestor'
      ? undefined
      : (require('../lib/tracing/tracing') as typeof import('../lib/tracing/tracing')).startTracing(target === 'all' ? 'farmiq' : `farmiq-${target}`, log);
  // The edge target loads only the ingestor's code; the other targets the cloud's.
  const system =
    target === 'ingestor'
      ? await (require('./edge') as typeof import('./edge')).startEdge(config, log)
      : await (require('./system') as typeof import('./system')).startSystem(target, config, log);
  const { gateway, mqtt } = system.ports;
  log.info(
    {
      target,
      database: system.database?.kind,
      ports: system.ports,
      ...(config.isProduction ? {} : { dataDir: system.database?.kind === 'pglite' ? config.dataDir : undefined }),
    },
    gateway !== undefined
      ? `FarmIQ is up: dashboard at http://localhost:${gateway}/, GraphQL at http://localhost:${gateway}/graphql` +
          (config.isProduction ? '' : ' (Apollo Sandbox in a browser)') +
          (mqtt !== undefined ? `, MQTT on port ${mqtt}` : '')
      : `FarmIQ ${target} is up`,
  );

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'shutting down: finishing in-flight work');
    const forced = setTimeout(() => {
      log.error({ graceMs: config.shutdownGraceMs }, 'shutdown took too long: exiting');
      process.exit(1);
    }, config.shutdownGraceMs);
    forced.unref();
    // Spans still buffered are sent before the process exits.
    system
      .stop()
      .then(() => tracing?.shutdown())
      .then(
        () => {
          log.info('stopped');
          log.flush?.();
          process.exit(0);
        },
        (error) => {
          log.error({ err: error }, 'error during shutdown');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch(fail);

import fs from 'node:fs';
import { ConfigError, type Config } from '../lib/config';
import { dataDirOwner } from '../lib/db/dataDirLock';
import { listQuarantine, openQuarantine, purgeQuarantine, requestReplay, type QuarantineFilter } from '../edge-ingestor/buffer/quarantine';
import { bufferDirIn, bufferFileIn } from '../edge-ingestor/buffer/bufferLocation';

export interface QuarantineArgs {
  action: 'list' | 'replay' | 'purge';
  filter: QuarantineFilter;
  /** replay and purge: every quarantined message (no filter given on purpose). */
  all: boolean;
  limit: number;
  json: boolean;
}

/** Reads `list|replay|purge [--code CODE] [--device ID] [--ids 1,2] [--all] [--limit N] [--json]`. */
export function parseQuarantineArgs(argv: string[], fail: (message: string) => never): QuarantineArgs {
  const [action, ...rest] = argv;
  if (action !== 'list' && action !== 'replay' && action !== 'purge')
    fail(`farmiq ingestor quarantine: expected list, replay or purge, got ${JSON.stringify(action ?? '')}`);
  const args: QuarantineArgs = { action: action as QuarantineArgs['action'], filter: {}, all: false, limit: 1_000, json: false };
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i]!;
    if (arg === '--all') args.all = true;
    else if (arg === '--json') args.json = true;
    else {
      const match = /^--(code|device|ids|limit)(?:=(.*))?$/.exec(arg);
      if (!match) fail(`unknown option ${JSON.stringify(arg)} (see farmiq --help)`);
      const value = match![2] ?? rest[++i];
      if (value === undefined || value === '') fail(`--${match![1]}: a value is required`);
      if (match![1] === 'code') args.filter.code = value;
      if (match![1] === 'device') args.filter.deviceId = value;
      if (match![1] === 'ids') {
        const ids = value!.split(',').map(Number);
        if (ids.some((id) => !Number.isSafeInteger(id) || id < 1))
          fail(`--ids: expected quarantine ids like 3,7,12 (from farmiq ingestor quarantine list), got ${JSON.stringify(value)}`);
        args.filter.ids = ids;
      }
      if (match![1] === 'limit') {
        const limit = Number(value);
        if (!Number.isSafeInteger(limit) || limit < 1) fail(`--limit: expected a positive integer, got ${JSON.stringify(value)}`);
        args.limit = limit;
      }
    }
  }
  const filtered = Boolean(args.filter.code || args.filter.deviceId || args.filter.ids);
  if (args.action !== 'list' && !filtered && !args.all)
    fail(`farmiq ingestor quarantine ${args.action}: name the messages (--ids, --code, --device) or pass --all`);
  if (args.all && filtered) fail('--all: not with --ids, --code or --device');
  return args;
}

/**
 * `farmiq ingestor quarantine list|replay|purge`: an operator's view of the messages the cloud
 * refused for good, in the disk buffer of FARMIQ_DATA_DIR. Works beside a running ingestor (a
 * second SQLite connection; a replay is carried out by the ingestor, see buffer/quarantine.ts).
 * Returns what to print.
 */
export function runQuarantine(args: QuarantineArgs, config: Config, nowMs = Date.now()): string {
  const bufferDir = bufferDirIn(config.dataDir);
  const file = bufferFileIn(config.dataDir);
  if (!fs.existsSync(file))
    throw new ConfigError(`FARMIQ_DATA_DIR: no ingestor disk buffer at ${file} (run this where the ingestor runs, with its FARMIQ_DATA_DIR)`);
  const db = openQuarantine(file);
  try {
    if (args.action === 'list') {
      const rows = listQuarantine(db, args.filter, args.limit);
      if (args.json) return JSON.stringify(rows, null, 2);
      if (rows.length === 0) return 'the quarantine is empty' + (args.filter.code || args.filter.deviceId || args.filter.ids ? ' (for this filter)' : '');
      const lines = rows.map((row) =>
        [row.id, row.quarantinedAt, row.code, row.deviceId ?? '-', row.eventId ?? '-', row.replayRequestedAt ? 'replay requested' : row.reason].join('\t'),
      );
      return [
        'id\tquarantinedAt\tcode\tdeviceId\teventId\treason',
        ...lines,
        `${rows.length} message(s)${rows.length === args.limit ? ` (first ${args.limit}; --limit for more)` : ''}`,
      ].join('\n');
    }
    const filter = args.all ? {} : args.filter;
    if (args.action === 'purge') return `purged ${purgeQuarantine(db, filter)} message(s) from the quarantine for good`;
    const marked = requestReplay(db, filter, nowMs);
    const owner = dataDirOwner(bufferDir);
    return (
      `${marked} message(s) marked for replay: ` +
      (owner
        ? `the running ingestor (pid ${owner}) sends them to the cloud within a few seconds`
        : 'no ingestor runs on this data folder now; it sends them when it starts')
    );
  } finally {
    db.close();
  }
}

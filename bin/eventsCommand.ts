import { ConfigError, type Config } from '../lib/config';
import { openDatabase } from '../lib/db/database';
import { rewindConsumer } from '../lib/events/consumer';
import { pruneOutbox } from '../lib/events/retention';
import type { Topic } from '../lib/events/topic';

export type EventsArgs =
  { action: 'status' } | { action: 'replay'; consumer: string; fromPosition: number } | { action: 'prune'; retentionDays: number | undefined };

/** Reads `status`, `replay --consumer NAME --from POSITION` or `prune [--retention-days N]`. */
export function parseEventsArgs(argv: string[], fail: (message: string) => never): EventsArgs {
  const [action, ...rest] = argv;
  const options = new Map<string, string>();
  for (let i = 0; i < rest.length; i += 1) {
    const match = /^--(consumer|from|retention-days)(?:=(.*))?$/.exec(rest[i]!);
    if (!match) fail(`unknown option ${JSON.stringify(rest[i])} (see farmiq --help)`);
    const value = match![2] ?? rest[++i];
    if (value === undefined || value === '') fail(`--${match![1]}: a value is required`);
    options.set(match![1]!, value!);
  }
  const wholeNumber = (name: string, value: string, min: number): number => {
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < min) fail(`--${name}: expected a whole number of at least ${min}, got ${JSON.stringify(value)}`);
    return n;
  };
  const only = (...allowed: string[]) => {
    const extra = [...options.keys()].find((key) => !allowed.includes(key));
    if (extra) fail(`farmiq events ${action}: --${extra} does not apply`);
  };
  if (action === 'status') {
    only();
    return { action };
  }
  if (action === 'replay') {
    only('consumer', 'from');
    const consumer = options.get('consumer');
    const from = options.get('from');
    if (!consumer || from === undefined) fail('farmiq events replay: --consumer NAME and --from POSITION are required (see farmiq events status)');
    return { action, consumer: consumer!, fromPosition: wholeNumber('from', from!, 1) };
  }
  if (action === 'prune') {
    only('retention-days');
    const days = options.get('retention-days');
    return { action, retentionDays: days === undefined ? undefined : wholeNumber('retention-days', days, 0) };
  }
  return fail(`farmiq events: expected status, replay or prune, got ${JSON.stringify(action ?? '')}`);
}

/**
 * `farmiq events status|replay|prune`: the operator's handle on the durable events (lib/events).
 * On PostgreSQL it runs beside the system (a replay of a running consumer takes effect at its
 * next turn); on the embedded PGlite the system must be stopped (one process owns the folder).
 * Returns what to print.
 */
export async function runEvents(args: EventsArgs, config: Config, topics: readonly Topic<unknown>[]): Promise<string> {
  const database = await openDatabase(config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dir: config.dataDir });
  try {
    const sql = database.sql;
    if (args.action === 'replay') {
      try {
        await rewindConsumer(sql, args.consumer, args.fromPosition);
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('events: no consumer'))
          throw new ConfigError(`--consumer: no consumer named ${JSON.stringify(args.consumer)} (see farmiq events status)`);
        throw error;
      }
      return `${args.consumer} applies every event from position ${args.fromPosition} again (its handlers are idempotent: what it applied before changes nothing)`;
    }
    if (args.action === 'prune') {
      const retentionDays = args.retentionDays ?? config.eventsRetentionDays;
      const deleted = await pruneOutbox(sql, { retentionDays, topics });
      return `deleted ${deleted} events every consumer had applied, older than ${retentionDays} days`;
    }
    const [outbox] = await sql.query<{ events: string; newest: string | null; oldest: string | null }>(
      `SELECT count(*)::text AS events, max(position)::text AS newest, min(position)::text AS oldest FROM "events"."outbox"`,
    );
    const consumers = await sql.query<{
      consumer: string;
      topic: string;
      behind: string;
      position: string;
      attempts: number;
      last_error: string | null;
      dead: string;
    }>(
      `SELECT c.consumer, min(c.topic) AS topic, min(c.position)::text AS position, max(c.attempts) AS attempts, max(c.last_error) AS last_error,
              (SELECT count(*) FROM "events"."outbox" o JOIN "events"."consumer_partition" p ON p.consumer = c.consumer AND o.shard % p.partitions = p.partition WHERE o.topic = min(c.topic) AND o.position > p.position)::text AS behind,
              (SELECT count(*) FROM "events"."dead_letter" d WHERE d.consumer = c.consumer AND d.replayed_at IS NULL)::text AS dead
       FROM "events"."consumer_partition" c GROUP BY c.consumer ORDER BY c.consumer`,
    );
    const lines = [
      `outbox: ${outbox!.events} events (positions ${outbox!.oldest ?? '-'} to ${outbox!.newest ?? '-'})`,
      'consumer  topic  position  behind  dead-lettered  last error',
    ];
    for (const row of consumers)
      lines.push(`${row.consumer}  ${row.topic}  ${row.position}  ${row.behind}  ${row.dead}  ${row.attempts > 0 ? (row.last_error ?? '') : ''}`);
    return lines.join('\n');
  } finally {
    await database.close();
  }
}

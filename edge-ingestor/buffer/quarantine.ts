import Database from 'better-sqlite3';

/**
 * The quarantine: messages the cloud acknowledged receiving but refused for good (an unknown or
 * revoked device, a value out of range...). A device got its PUBACK for each of them, so none is
 * ever dropped in silence: each waits here with the cloud's reason until an operator replays it
 * (after fixing the cause, e.g. re-activating the device) or purges it, or until the retention
 * limit (QUARANTINE_RETENTION_DAYS) passes.
 *
 * It is a table of the disk buffer's SQLite file. The ingestor process owns the `message` table
 * and its in-memory counters and lanes; `farmiq ingestor quarantine` runs as a second process and
 * opens the same file with a second connection (WAL lets it read while the ingestor writes). So
 * that the owner's counters stay true, the operator's command never touches `message`: a replay
 * only marks rows (`replay_requested_at_ms`), and the ingestor moves marked rows back into the
 * queue within a second (or at its next start). Why not an admin HTTP endpoint: the all-in-one
 * process has no ingestor status server, and a farm box's status port would need its own
 * credentials; the file's permissions (the data folder is 0700) already say who the operator is.
 */
export const QUARANTINE_TABLE_SQL = `CREATE TABLE IF NOT EXISTS quarantine (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  body TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  received_at_ms INTEGER NOT NULL,
  quarantined_at_ms INTEGER NOT NULL,
  code TEXT NOT NULL,
  reason TEXT NOT NULL,
  replay_requested_at_ms INTEGER
);
CREATE INDEX IF NOT EXISTS quarantine_replay ON quarantine (replay_requested_at_ms) WHERE replay_requested_at_ms IS NOT NULL;
CREATE INDEX IF NOT EXISTS quarantine_age ON quarantine (quarantined_at_ms)`;

/** One quarantined message as an operator sees it. */
export interface QuarantinedMessage {
  id: number;
  deviceId: string | null;
  eventId: string | null;
  /** The cloud's code (lib/edge/ingestCodes.ts MessageRejection, or a batch refusal). */
  code: string;
  reason: string;
  /** When the edge received it from the device. */
  receivedAt: string;
  quarantinedAt: string;
  /** Set when an operator asked for a replay the ingestor has not picked up yet. */
  replayRequestedAt: string | null;
}

/** Which quarantined messages an operator means; no field set means all of them. */
export interface QuarantineFilter {
  ids?: number[];
  code?: string;
  deviceId?: string;
}

/** A field of a message body; NULL for a body that is not JSON (a batch the cloud could not read may hold one). */
const field = (name: 'deviceId' | 'eventId') => `CASE WHEN json_valid(body) THEN json_extract(body, '$.${name}') END`;

function where(filter: QuarantineFilter): { sql: string; params: Array<string | number> } {
  const clauses: string[] = [];
  const params: Array<string | number> = [];
  if (filter.ids && filter.ids.length > 0) {
    clauses.push(`id IN (${filter.ids.map(() => '?').join(',')})`);
    params.push(...filter.ids);
  }
  if (filter.code) {
    clauses.push('code = ?');
    params.push(filter.code);
  }
  if (filter.deviceId) {
    clauses.push(`${field('deviceId')} = ?`);
    params.push(filter.deviceId);
  }
  return { sql: clauses.length > 0 ? clauses.join(' AND ') : '1 = 1', params };
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Quarantined messages matching `filter`, oldest first, at most `limit`. */
export function listQuarantine(db: Database.Database, filter: QuarantineFilter = {}, limit = 1_000): QuarantinedMessage[] {
  const { sql, params } = where(filter);
  const rows = db
    .prepare(
      `SELECT id, ${field('deviceId')} AS deviceId, ${field('eventId')} AS eventId, code, reason,
              received_at_ms AS receivedAtMs, quarantined_at_ms AS quarantinedAtMs, replay_requested_at_ms AS replayRequestedAtMs
       FROM quarantine WHERE ${sql} ORDER BY id LIMIT ?`,
    )
    .all(...params, limit) as Array<
    Omit<QuarantinedMessage, 'receivedAt' | 'quarantinedAt' | 'replayRequestedAt'> & {
      receivedAtMs: number;
      quarantinedAtMs: number;
      replayRequestedAtMs: number | null;
    }
  >;
  return rows.map(({ receivedAtMs, quarantinedAtMs, replayRequestedAtMs, ...row }) => ({
    ...row,
    receivedAt: iso(receivedAtMs)!,
    quarantinedAt: iso(quarantinedAtMs)!,
    replayRequestedAt: iso(replayRequestedAtMs),
  }));
}

/** Marks the matching messages for replay (the ingestor sends them again); returns how many were marked now. */
export function requestReplay(db: Database.Database, filter: QuarantineFilter, nowMs: number): number {
  const { sql, params } = where(filter);
  return db.prepare(`UPDATE quarantine SET replay_requested_at_ms = ? WHERE replay_requested_at_ms IS NULL AND ${sql}`).run(nowMs, ...params).changes;
}

/** Deletes the matching messages for good; returns how many. */
export function purgeQuarantine(db: Database.Database, filter: QuarantineFilter): number {
  const { sql, params } = where(filter);
  return db.prepare(`DELETE FROM quarantine WHERE ${sql}`).run(...params).changes;
}

/**
 * The operator's connection to a buffer file another process may own: it must exist already
 * (a wrong FARMIQ_DATA_DIR is an error, not a new empty buffer) and waits up to 5 s for the
 * owner's write lock instead of failing.
 */
export function openQuarantine(file: string): Database.Database {
  const db = new Database(file, { fileMustExist: true, timeout: 5_000 });
  db.exec(QUARANTINE_TABLE_SQL);
  return db;
}

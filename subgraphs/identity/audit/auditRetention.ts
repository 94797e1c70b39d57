import type { SqlExecutor } from '../../../lib/db/sql';
import type { Logger } from '../../../lib/logger';

/** How often the retention job looks for records past the retention period. */
export const AUDIT_PRUNE_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Deletes audit records older than `retentionDays`, through the database's one way to delete
 * them (identity.prune_audit_records; a trigger refuses every other UPDATE, DELETE and
 * TRUNCATE). Returns how many went.
 */
export async function pruneAuditRecords(sql: SqlExecutor, retentionDays: number): Promise<number> {
  const [row] = await sql.query<{ removed: string }>(`SELECT "identity"."prune_audit_records"(make_interval(days => $1::int))::text AS removed`, [
    retentionDays,
  ]);
  return Number(row!.removed);
}

/** Prunes now and then every AUDIT_PRUNE_INTERVAL_MS; concurrent replicas prune the same rows harmlessly. */
export function startAuditRetention(options: { sql: SqlExecutor; retentionDays: number; log: Logger }): { stop(): void } {
  const run = () =>
    pruneAuditRecords(options.sql, options.retentionDays)
      .then((removed) => removed > 0 && options.log.info({ removed, retentionDays: options.retentionDays }, 'audit records past retention deleted'))
      .catch((error: Error) => options.log.error({ err: error.message }, 'audit retention run failed'));
  void run();
  const timer = setInterval(run, AUDIT_PRUNE_INTERVAL_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

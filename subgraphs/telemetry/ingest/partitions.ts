import type { SqlExecutor } from '../../../lib/db/sql';

/** `telemetry.reading` is partitioned by calendar month (UTC) of observed_at. */
export function monthOf(at: Date): { name: string; from: string; to: string } {
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth();
  const from = new Date(Date.UTC(year, month, 1));
  const to = new Date(Date.UTC(year, month + 1, 1));
  return { name: `reading_y${year}m${String(month + 1).padStart(2, '0')}`, from: from.toISOString(), to: to.toISOString() };
}

/**
 * Creates the monthly partitions `times` fall into, once per process. Two processes racing on
 * the same month both succeed: a lost race raises "already exists", which is what we wanted.
 */
export function partitionKeeper(sql: SqlExecutor) {
  const ensured = new Set<string>();
  return async function ensurePartitions(times: Date[]): Promise<void> {
    // A batch spans a month or two: find them by a cheap number per time, name them once.
    const monthNumbers = new Set(times.map((at) => at.getUTCFullYear() * 12 + at.getUTCMonth()));
    for (const monthNumber of monthNumbers) {
      const month = monthOf(new Date(Date.UTC(Math.floor(monthNumber / 12), monthNumber % 12, 1)));
      if (ensured.has(month.name)) continue;
      try {
        await sql.exec(
          `CREATE TABLE IF NOT EXISTS "telemetry"."${month.name}" PARTITION OF "telemetry"."reading" FOR VALUES FROM ('${month.from}') TO ('${month.to}')`,
        );
      } catch (error) {
        if (!/already exists/.test((error as Error).message)) throw error;
      }
      ensured.add(month.name);
    }
  };
}

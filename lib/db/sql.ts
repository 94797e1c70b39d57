import type { AppendedEvents } from '../events/appendedEvents';

/** Raw SQL over whichever driver the process uses (node-postgres or PGlite). */
export interface SqlExecutor {
  /** Runs SQL text without parameters; several statements are allowed (migration scripts). */
  exec(script: string): Promise<void>;
  /**
   * Runs one parameterised statement and returns its rows. With a `name` (always the same one
   * for the same text), PostgreSQL prepares it once per connection and then only binds values.
   */
  query<Row extends Record<string, unknown>>(sql: string, params?: unknown[], name?: string): Promise<Row[]>;
  /**
   * Loads `lines` (COPY text format, lib/db/copyText.ts) into `table (columns)` with one
   * `COPY … FROM STDIN`. Only inside a PostgreSQL transaction (PGlite could COPY from a blob, but
   * measured no faster than a statement); callers fall back to a statement where it is absent.
   */
  copyIn?(table: string, columns: readonly string[], lines: string): Promise<void>;
  /** The outbox events appended through this driver lately (its transactions share the driver's). */
  readonly appended?: AppendedEvents;
}

export interface SqlDriver extends SqlExecutor {
  /** Runs `work` in one transaction on one connection; rolls back when it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /**
   * Calls `onNotify` with its payload for each NOTIFY on `channel` until the returned function
   * is called. The process's listens share one connection that does nothing else.
   */
  listen(channel: string, onNotify: (payload?: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

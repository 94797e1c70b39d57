import type { PGlite, Transaction } from '@electric-sql/pglite';
import { AppendedEvents } from '../events/appendedEvents';
import type { SqlDriver, SqlExecutor } from './sql';

function executor(db: PGlite | Transaction): SqlExecutor {
  return {
    async exec(script) {
      await db.exec(script);
    },
    async query<Row extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      const result = await db.query<Row>(sql, params);
      return result.rows;
    },
  };
}

export function pgliteDriver(db: PGlite): SqlDriver {
  const appended = new AppendedEvents();
  return {
    ...executor(db),
    appended,
    transaction: (work) => db.transaction((tx) => work({ ...executor(tx), appended })),
    listen: (channel, onNotify) => db.listen(channel, (payload) => onNotify(payload)),
    close: () => db.close(),
  };
}

import type { PGlite, Transaction } from '@electric-sql/pglite';
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

/** A transaction can also COPY: PGlite reads `/dev/blob` from the query's blob. */
function transactionExecutor(tx: Transaction): SqlExecutor {
  return {
    ...executor(tx),
    async copyIn(table, columns, lines) {
      await tx.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, [], { blob: new Blob([lines]) });
    },
  };
}

export function pgliteDriver(db: PGlite): SqlDriver {
  return {
    ...executor(db),
    transaction: (work) => db.transaction((tx) => work(transactionExecutor(tx))),
    listen: (channel, onNotify) => db.listen(channel, (payload) => onNotify(payload)),
    close: () => db.close(),
  };
}

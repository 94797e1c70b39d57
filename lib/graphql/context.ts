import type { Principal } from '../auth/principal';
import type { PrismaClient } from '../db/database';
import type { SqlExecutor } from '../db/sql';
import type { Logger } from '../logger';

/** What every subgraph resolver receives: one Prisma client per process, a request-scoped log, the verified caller. */
export interface SubgraphContext {
  db: PrismaClient;
  /** The same database on the process's own pool, for the hot reads of lib/db/preparedReads.ts. */
  sql: SqlExecutor;
  log: Logger;
  /** Propagated from the gateway (`x-request-id`) so one request can be followed across logs. */
  requestId: string;
  /** The caller proven by a verified access token; null for an anonymous request. */
  principal: Principal | null;
  /** The client's address as the gateway saw it (rate limits). */
  clientAddress: string;
  /** True when served over HTTPS (production): cookies get `Secure` and the `__Host-` prefix. */
  secureCookies: boolean;
  /** A cookie the client sent (the gateway forwards the session cookies to identity only). */
  cookie(name: string): string | undefined;
  /** Adds a Set-Cookie header to the response; the gateway passes identity's on to the client. */
  setCookie(value: string): void;
}

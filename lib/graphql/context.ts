import type { PrismaClient } from '../db/database';
import type { Logger } from '../logger';

/** What every subgraph resolver receives: one Prisma client per process, a request-scoped log. */
export interface SubgraphContext {
  db: PrismaClient;
  log: Logger;
  /** Propagated from the gateway (`x-request-id`) so one request can be followed across logs. */
  requestId: string;
}

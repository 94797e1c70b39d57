import type { SqlExecutor } from '../db/sql';
import { openRedis } from '../rateLimit/store';
import { createRevocationList, databaseRevocationStore, redisRevocationStore, type RevocationList } from './revocation';

/**
 * The revocation list of a process: in Redis when REDIS_URL is set, else in the database the
 * process shares with identity; undefined for a process with neither (a gateway alone without
 * Redis, whose subgraphs still check).
 */
export async function openRevocationList(
  redisUrl: string | undefined,
  sql: SqlExecutor | undefined,
): Promise<{ list: RevocationList | undefined; close(): Promise<void> }> {
  if (redisUrl) {
    const redis = await openRedis(redisUrl);
    return { list: createRevocationList(redisRevocationStore(redis.redis)), close: redis.close };
  }
  if (sql) return { list: createRevocationList(databaseRevocationStore(sql)), close: async () => {} };
  return { list: undefined, close: async () => {} };
}

import Redis from 'ioredis';

/**
 * Where failed attempts are counted: the database by default, Redis when REDIS_URL is set.
 * Either way the count survives restarts and is shared by every replica.
 */
export interface RateLimitStore {
  /** Failure times under `key` after `since`, newest first, at most `max` of them. */
  recentFailures(key: string, since: Date, max: number): Promise<Date[]>;
  /** Records one failure under each key; forgets failures older than `forgetBefore`. */
  record(keys: string[], now: Date, forgetBefore: Date): Promise<void>;
  clear(key: string): Promise<void>;
}

/**
 * A table of (key, failed_at) rows, as Prisma exposes it: each subgraph counts in a table of its
 * own schema (identity's auth_failure, devices' claim_failure).
 */
export interface FailureTable {
  // Prisma's delegate methods are generic; these are the calls the store makes.
  /* eslint-disable @typescript-eslint/no-explicit-any */
  findMany(args: any): Promise<Array<{ failedAt: Date }>>;
  createMany(args: any): Promise<unknown>;
  deleteMany(args: any): Promise<unknown>;
  /* eslint-enable @typescript-eslint/no-explicit-any */
}

export function databaseRateLimitStore(table: FailureTable): RateLimitStore {
  return {
    async recentFailures(key, since, max) {
      const rows = await table.findMany({ where: { key, failedAt: { gt: since } }, orderBy: { failedAt: 'desc' }, take: max, select: { failedAt: true } });
      return rows.map((row) => row.failedAt);
    },
    async record(keys, now, forgetBefore) {
      await table.createMany({ data: keys.map((key) => ({ key, failedAt: now })) });
      await table.deleteMany({ where: { key: { in: keys }, failedAt: { lt: forgetBefore } } });
    },
    async clear(key) {
      await table.deleteMany({ where: { key } });
    },
  };
}

/**
 * One sorted set per key (score = failure time in ms), expiring with the window. `namespace`
 * keeps each limiter's keys apart (`auth-failures`, `claim-failures`).
 */
export function redisRateLimitStore(redis: Redis, namespace: string): RateLimitStore {
  const REDIS_PREFIX = `farmiq:${namespace}:`;
  return {
    async recentFailures(key, since, max) {
      const scores = await redis.zrevrangebyscore(`${REDIS_PREFIX}${key}`, '+inf', `(${since.getTime()}`, 'WITHSCORES', 'LIMIT', 0, max);
      return scores.filter((_, index) => index % 2 === 1).map((score) => new Date(Number(score)));
    },
    async record(keys, now, forgetBefore) {
      const transaction = redis.multi();
      for (const key of keys) {
        const setKey = `${REDIS_PREFIX}${key}`;
        transaction.zadd(setKey, now.getTime(), `${now.getTime()}:${Math.random().toString(36).slice(2)}`);
        transaction.zremrangebyscore(setKey, '-inf', `(${forgetBefore.getTime()}`);
        transaction.pexpire(setKey, Math.max(1, now.getTime() - forgetBefore.getTime()));
      }
      await transaction.exec();
    },
    async clear(key) {
      await redis.del(`${REDIS_PREFIX}${key}`);
    },
  };
}

/** REDIS_URL did not answer at start; the message is one line without credentials. */
export class RedisUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedisUnavailableError';
  }
}

/** Connects to REDIS_URL (failing fast with one clear line) and returns the client and a way to close it. */
export async function openRedis(url: string): Promise<{ redis: Redis; close(): Promise<void> }> {
  let started = false;
  let lastError: { code?: string; message?: string } | undefined;
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 2,
    connectTimeout: 3_000,
    // At start one refusal is final (fail fast, one clear line); once running it reconnects.
    retryStrategy: (attempt) => (started ? Math.min(attempt * 200, 2_000) : null),
  });
  redis.on('error', (error: { code?: string; message?: string }) => {
    lastError = error; // reconnects on its own; commands fail meanwhile and the request gets an error
  });
  try {
    await redis.connect();
    await redis.ping();
    started = true;
  } catch (error) {
    redis.disconnect();
    const { hostname, port } = new URL(url);
    const reason = lastError?.code ?? (error as { code?: string }).code ?? (error as Error).message;
    throw new RedisUnavailableError(`REDIS_URL: cannot connect to ${hostname}:${port || 6379}: ${reason}`);
  }
  return {
    redis,
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

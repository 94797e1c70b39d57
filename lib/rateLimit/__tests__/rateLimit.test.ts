import { randomUUID } from 'node:crypto';
import { migratedDatabase } from '../../../tests/support/database';
import { REDIS_URL_ENV } from '../../../tests/support/globalSetup';
import { backends } from '../../../tests/support/postgres';
import { assertNotRateLimited, FAILURE_WINDOW_MS, recordFailure } from '../slidingWindow';
import { databaseRateLimitStore, openRedis, redisRateLimitStore, type RateLimitStore } from '../store';

/** The database store on each database back-end, and the Redis store when the machine has Redis. */
const stores: Array<[string, () => Promise<{ store: RateLimitStore; close(): Promise<void> }>]> = [
  ...backends().map((backend): [string, () => Promise<{ store: RateLimitStore; close(): Promise<void> }>] => [
    `the ${backend} database`,
    async () => {
      const database = await migratedDatabase(backend);
      return { store: databaseRateLimitStore(database.db.prisma.authFailure), close: database.close };
    },
  ]),
  ...(process.env[REDIS_URL_ENV]
    ? [
        [
          'Redis',
          async () => {
            const opened = await openRedis(process.env[REDIS_URL_ENV]!);
            return { store: redisRateLimitStore(opened.redis, 'test-failures'), close: opened.close };
          },
        ] as [string, () => Promise<{ store: RateLimitStore; close(): Promise<void> }>],
      ]
    : []),
];

describe.each(stores)('the login rate limiter on %s', (_name, open) => {
  let opened: { store: RateLimitStore; close(): Promise<void> };
  const unique = (prefix: string) => `${prefix}:${randomUUID()}`;

  beforeAll(async () => {
    opened = await open();
  });
  afterAll(async () => {
    await opened?.close();
  });

  it('refuses the sixth attempt within 15 minutes with the seconds until the oldest failure leaves the window', async () => {
    const key = unique('account');
    // Failures at 08:00 … 08:04; at 08:05 the oldest counted one leaves the window at 08:15.
    const t0 = new Date('2026-11-23T08:00:00Z');
    for (let minute = 0; minute < 5; minute += 1) await recordFailure(opened.store, [key], new Date(t0.getTime() + minute * 60_000));
    await expect(assertNotRateLimited(opened.store, [{ key, max: 5 }], new Date(t0.getTime() + 5 * 60_000))).rejects.toMatchObject({
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 600 },
    });
    // Just after the first failure left the window, one more attempt is allowed.
    const later = new Date(t0.getTime() + FAILURE_WINDOW_MS + 1_000);
    await expect(assertNotRateLimited(opened.store, [{ key, max: 5 }], later)).resolves.toBeUndefined();
  });

  it('forgets failures that left the window when it records a new one', async () => {
    const key = unique('account');
    const t0 = new Date('2026-11-23T08:00:00Z');
    await recordFailure(opened.store, [key], t0);
    await recordFailure(opened.store, [key], new Date(t0.getTime() + FAILURE_WINDOW_MS + 60_000));
    expect(await opened.store.recentFailures(key, new Date(0), 10)).toHaveLength(1);
  });

  it('counts each key on its own and clears one on request', async () => {
    const [busy, quiet] = [unique('address'), unique('address')];
    const now = new Date('2026-11-23T12:00:00Z');
    for (let i = 0; i < 3; i += 1) await recordFailure(opened.store, [busy], now);
    await expect(assertNotRateLimited(opened.store, [{ key: busy, max: 3 }], now)).rejects.toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
    await expect(assertNotRateLimited(opened.store, [{ key: quiet, max: 3 }], now)).resolves.toBeUndefined();
    await opened.store.clear(busy);
    await expect(assertNotRateLimited(opened.store, [{ key: busy, max: 3 }], now)).resolves.toBeUndefined();
  });
});

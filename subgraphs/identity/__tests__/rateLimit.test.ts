import type { Database } from '../../../lib/db/database';
import { migratedDatabase } from '../../../tests/support/database';
import { backends } from '../../../tests/support/postgres';
import { assertNotRateLimited, FAILURE_WINDOW_MS, recordFailure } from '../rateLimit';

describe.each(backends())('the login rate limiter on %s', (backend) => {
  let database: Awaited<ReturnType<typeof migratedDatabase>>;
  let db: Database['prisma'];

  beforeAll(async () => {
    database = await migratedDatabase(backend);
    db = database.db.prisma;
  });
  afterAll(async () => {
    await database?.close();
  });

  it('lets failures older than 15 minutes fall out of the window, and forgets them', async () => {
    const key = 'account:window@farm.test';
    const t0 = new Date('2026-11-23T08:00:00Z');
    for (let minute = 0; minute < 5; minute += 1) await recordFailure(db, [key], new Date(t0.getTime() + minute * 60_000));
    await expect(assertNotRateLimited(db, [{ key, max: 5 }], new Date(t0.getTime() + 5 * 60_000))).rejects.toMatchObject({
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 600 },
    });
    // Just after the first failure leaves the window, one more attempt is allowed.
    const later = new Date(t0.getTime() + FAILURE_WINDOW_MS + 1_000);
    await expect(assertNotRateLimited(db, [{ key, max: 5 }], later)).resolves.toBeUndefined();
    await recordFailure(db, [key], later);
    expect(await db.authFailure.count({ where: { key } })).toBe(5);
  });

  it('counts each key on its own', async () => {
    const now = new Date('2026-11-23T12:00:00Z');
    for (let i = 0; i < 3; i += 1) await recordFailure(db, ['address:10.0.0.9'], now);
    await expect(assertNotRateLimited(db, [{ key: 'address:10.0.0.9', max: 3 }], now)).rejects.toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
    await expect(assertNotRateLimited(db, [{ key: 'address:10.0.0.10', max: 3 }], now)).resolves.toBeUndefined();
  });
});

import { randomUUID } from 'node:crypto';
import type { Database } from '../../../lib/db/database';
import { migratedDatabase } from '../../../tests/support/database';
import { backends } from '../../../tests/support/postgres';
import { CONCURRENT_REFRESH_GRACE_MS, issueRefreshToken, REFRESH_TOKEN_TTL_MS, spendRefreshToken } from '../refreshTokens';

describe.each(backends())('refresh token reuse detection on %s', (backend) => {
  let database: Awaited<ReturnType<typeof migratedDatabase>>;
  let db: Database['prisma'];
  const owner = () => ({ userId: randomUUID(), tenantId: randomUUID() });

  beforeAll(async () => {
    database = await migratedDatabase(backend);
    db = database.db.prisma;
  });
  afterAll(async () => {
    await database?.close();
  });

  it('revokes the whole family when a spent token comes back after the grace period', async () => {
    const t0 = new Date('2026-11-23T08:00:00Z');
    const first = await issueRefreshToken(db, owner(), undefined, t0);
    const spent = await spendRefreshToken(db, first.token, t0);
    expect(spent.outcome).toBe('spent');
    const successor = await issueRefreshToken(db, owner(), spent.outcome === 'spent' ? spent.familyId : undefined, t0);

    const later = new Date(t0.getTime() + CONCURRENT_REFRESH_GRACE_MS + 1_000);
    expect(await spendRefreshToken(db, first.token, later)).toMatchObject({ outcome: 'reused' });
    // The thief's replay also killed the successor the rightful client holds.
    expect(await spendRefreshToken(db, successor.token, later)).toEqual({ outcome: 'invalid' });
  });

  it('refuses a spent token within the grace period without revoking the family (a client racing itself)', async () => {
    const t0 = new Date('2026-11-23T09:00:00Z');
    const first = await issueRefreshToken(db, owner(), undefined, t0);
    const spent = await spendRefreshToken(db, first.token, t0);
    const successor = await issueRefreshToken(db, owner(), spent.outcome === 'spent' ? spent.familyId : undefined, t0);
    const soon = new Date(t0.getTime() + CONCURRENT_REFRESH_GRACE_MS - 1_000);
    expect(await spendRefreshToken(db, first.token, soon)).toEqual({ outcome: 'invalid' });
    expect(await spendRefreshToken(db, successor.token, soon)).toMatchObject({ outcome: 'spent' });
  });

  it('refuses an expired token', async () => {
    const t0 = new Date('2026-11-23T10:00:00Z');
    const token = await issueRefreshToken(db, owner(), undefined, t0);
    expect(await spendRefreshToken(db, token.token, new Date(t0.getTime() + REFRESH_TOKEN_TTL_MS + 1))).toEqual({ outcome: 'invalid' });
  });
});

import { randomUUID } from 'node:crypto';
import type { Database } from '../../../lib/db/database';
import { migratedDatabase } from '../../../tests/support/database';
import { backends } from '../../../tests/support/postgres';
import { renewDueSubscriptions } from '../subscriptions/renewalScheduler';
import { cancelSubscription, subscribe } from '../subscriptions/subscriptionChanges';

const at = (iso: string) => new Date(iso);

describe.each(backends())('the renewal scheduler on %s, with a fixed clock', (backend) => {
  let database: { db: Database; close(): Promise<void> };
  let db: Database['prisma'];
  beforeAll(async () => {
    database = await migratedDatabase(backend);
    db = database.db.prisma;
  });
  afterAll(async () => database?.close());

  const invoicesOf = (tenantId: string) =>
    db.invoice.findMany({ where: { tenantId }, orderBy: { number: 'asc' }, select: { number: true, subtotalMinor: true } });

  it('bills each ended period once, however often and late it runs, and nothing early', async () => {
    const tenantId = randomUUID();
    await subscribe(db, tenantId, { plan: 'PROFESSIONAL', idempotencyKey: 'start' }, at('2026-09-01T00:00:00Z'));
    expect(await renewDueSubscriptions(db, at('2026-09-30T23:59:59Z'))).toBe(0);
    // Three months later, and twice: the October and November periods close, once each.
    await renewDueSubscriptions(db, at('2026-11-15T00:00:00Z'));
    await renewDueSubscriptions(db, at('2026-11-15T00:00:00Z'));
    // Invoice 1 (September) at subscribe, 2 (October) and 3 (November) by renewals: 19900 each.
    expect(await invoicesOf(tenantId)).toEqual([
      { number: 1, subtotalMinor: 19_900 },
      { number: 2, subtotalMinor: 19_900 },
      { number: 3, subtotalMinor: 19_900 },
    ]);
    const subscription = await db.planSubscription.findFirstOrThrow({ where: { tenantId } });
    expect(subscription).toMatchObject({ status: 'ACTIVE', currentPeriodStart: at('2026-11-01T00:00:00Z'), currentPeriodEnd: at('2026-12-01T00:00:00Z') });
  });

  it('ends a subscription cancelled at period end when that period ends', async () => {
    const tenantId = randomUUID();
    await subscribe(db, tenantId, { plan: 'STARTER', idempotencyKey: 'start' }, at('2026-10-01T00:00:00Z'));
    await cancelSubscription(db, tenantId, { atPeriodEnd: true, idempotencyKey: 'stop' }, at('2026-10-10T00:00:00Z'));
    await renewDueSubscriptions(db, at('2026-11-02T00:00:00Z'));
    expect((await db.planSubscription.findFirstOrThrow({ where: { tenantId } })).status).toBe('CANCELED');
    const billed = await invoicesOf(tenantId);
    await renewDueSubscriptions(db, at('2026-12-02T00:00:00Z'));
    expect(await invoicesOf(tenantId)).toEqual(billed);
  });
});

import { platformActor } from '../../../lib/audit/auditEvents';
import type { PrismaClient } from '../../../lib/db/generated/client';
import type { Logger } from '../../../lib/logger';
import { renewSubscription } from './renewal';

/** A subscription left alone longer than this many periods is renewed over several runs. */
const MAX_PERIODS_PER_RUN = 12;
export const RENEWAL_SCAN_MS = 15 * 60 * 1000;

/**
 * Renews every ACTIVE subscription whose period has ended (or ends it, when cancelled at period
 * end). The idempotency key names the subscription and the period it closes, so two schedulers,
 * a retry or an overlapping run bill each period once. Returns the number of periods closed.
 */
export async function renewDueSubscriptions(db: PrismaClient, now: Date, log?: Logger): Promise<number> {
  let closed = 0;
  for (let round = 0; round < MAX_PERIODS_PER_RUN; round += 1) {
    const due = await db.planSubscription.findMany({
      where: { status: 'ACTIVE', currentPeriodEnd: { lte: now } },
      select: { id: true, tenantId: true, currentPeriodEnd: true },
    });
    if (due.length === 0) break;
    for (const subscription of due) {
      try {
        await renewSubscription(
          db,
          subscription.tenantId,
          { idempotencyKey: `renewal:${subscription.id}:${subscription.currentPeriodEnd.toISOString()}` },
          now,
          platformActor('renewal'),
        );
        closed += 1;
      } catch (error) {
        log?.error({ err: (error as Error).message, subscriptionId: subscription.id }, 'could not renew a subscription');
      }
    }
  }
  return closed;
}

/** Runs renewDueSubscriptions now and every RENEWAL_SCAN_MS. */
export function startRenewals(options: { db: PrismaClient; log: Logger; now: () => Date; everyMs?: number }): { stop(): Promise<void> } {
  const log = options.log.child({ component: 'renewals' });
  const run = () => renewDueSubscriptions(options.db, options.now(), log).catch((error: Error) => log.error({ err: error.message }, 'renewal run failed'));
  void run();
  const timer = setInterval(run, options.everyMs ?? RENEWAL_SCAN_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
    },
  };
}

import type { AuditActor } from '../../../lib/audit/auditEvents';
import type { PlanSubscription, PrismaClient } from '../../../lib/db/generated/client';
import { badInput } from '../../../lib/errors';
import { inTenantTransaction, type BillingDb } from '../db';
import { onceForKey, requestHash, requireIdempotencyKey } from '../invoices/idempotency';
import type { InvoicePreviewModel } from '../invoices/invoiceModel';
import { previewOf, writeInvoice } from '../invoices/writeInvoice';
import type { InvoiceCurrency } from '../money/currency';
import { periodEnd, wholeSecond } from '../money/periods';
import { planPrice } from '../money/plans';
import { profileOf } from '../profile/billingProfile';
import { markBilled, unbilledUsageLines } from '../usage/usageLines';
import { periodLine } from './periodLines';
import { activeSubscription, lockActive, recordEvent, replayChange, type SubscriptionChangeModel } from './subscriptionChanges';

/**
 * What closing `current`'s period bills: the next period (unless a cancellation is scheduled)
 * and the usage not billed yet up to `upTo`, at the current plan's allowance.
 */
async function renewalDraft(db: BillingDb, current: PlanSubscription, upTo: Date) {
  const { country } = await profileOf(db, current.tenantId);
  const currency = current.currency as InvoiceCurrency;
  const usage = await unbilledUsageLines(db, current.tenantId, planPrice(current.plan, currency), upTo);
  const start = current.currentPeriodEnd;
  const end = periodEnd(start, current.billingCycle);
  const lines = current.cancelAtPeriodEnd ? usage.lines : [periodLine(current.plan, current.billingCycle, currency, start, end), ...usage.lines];
  return { draft: { tenantId: current.tenantId, currency, country, lines, subscriptionId: current.id }, usage, start, end };
}

/** The invoice the end of the current period will bring, with the usage billed so far; changes nothing. */
export async function previewNextInvoice(db: PrismaClient, tenantId: string, now: Date): Promise<InvoicePreviewModel> {
  const current = await activeSubscription(db, tenantId);
  const { draft } = await renewalDraft(db, current, now);
  return previewOf(db, draft, current.currentPeriodEnd);
}

/**
 * Closes the active subscription's ended period: bills the next period and the unbilled usage,
 * or, when a cancellation was scheduled, ends the subscription with a final invoice of the usage.
 * Meant for a scheduler (PLATFORM_ADMIN); early calls are refused.
 */
export async function renewSubscription(
  db: PrismaClient,
  tenantId: string,
  input: { idempotencyKey: string },
  now: Date,
  actor?: AuditActor,
): Promise<SubscriptionChangeModel> {
  const idempotencyKey = requireIdempotencyKey(input.idempotencyKey);
  const hash = requestHash('renewSubscription', {});
  return onceForKey(db, { tenantId, idempotencyKey, hash }, replayChange(db), () =>
    inTenantTransaction(db, tenantId, async (tx) => {
      const current = await lockActive(tx, tenantId);
      if (now.getTime() < current.currentPeriodEnd.getTime()) {
        throw badInput(`the current period runs until ${current.currentPeriodEnd.toISOString()}; nothing to renew yet`);
      }
      const { draft, usage, start, end } = await renewalDraft(tx, current, now);
      const subscription = current.cancelAtPeriodEnd
        ? await tx.planSubscription.update({ where: { id: current.id }, data: { status: 'CANCELED', canceledAt: start } })
        : await tx.planSubscription.update({ where: { id: current.id }, data: { currentPeriodStart: start, currentPeriodEnd: end } });
      await recordEvent(tx, subscription, current.cancelAtPeriodEnd ? 'CANCELED' : 'RENEWED', start, actor);
      const invoice = await writeInvoice(tx, draft, { idempotencyKey, hash }, wholeSecond(now));
      await markBilled(tx, usage.recordIds, invoice.id);
      return { subscription, invoice };
    }),
  );
}

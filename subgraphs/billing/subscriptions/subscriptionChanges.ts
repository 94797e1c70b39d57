import { appendAuditEvent, type AuditActor } from '../../../lib/audit/auditEvents';
import type { AuditedAction } from '../../../lib/events/topics';
import type { BillingCycle, Invoice, PlanCode, PlanSubscription, PrismaClient } from '../../../lib/db/generated/client';
import { isUniqueViolation } from '../../../lib/db/errors';
import { badInput, ErrorCode, notFound, userError } from '../../../lib/errors';
import { inTenantTransaction, type BillingDb, type BillingTx } from '../db';
import { onceForKey, requestHash, requireIdempotencyKey } from '../invoices/idempotency';
import type { InvoicePreviewModel } from '../invoices/invoiceModel';
import { previewOf, writeInvoice } from '../invoices/writeInvoice';
import type { InvoiceCurrency } from '../money/currency';
import { periodEnd, wholeSecond } from '../money/periods';
import { planPrice } from '../money/plans';
import { profileOf } from '../profile/billingProfile';
import { markBilled, unbilledUsageLines } from '../usage/usageLines';
import { periodLine, planChange, unusedTimeCredit } from './periodLines';
import { announcePlan } from './planAnnouncements';
import { randomUUID } from 'node:crypto';

/** A change to a subscription and the invoice (or credit note) it issued, if any. */
export interface SubscriptionChangeModel {
  subscription: PlanSubscription;
  invoice: Invoice | null;
}

/** A plan and cycle as the API sends them (the cycle defaults to MONTHLY). */
export interface PlanRequest {
  plan: PlanCode;
  billingCycle?: BillingCycle | null;
}

const cycleOf = (request: PlanRequest): BillingCycle => request.billingCycle ?? 'MONTHLY';

type Reason = 'STARTED' | 'PLAN_CHANGED' | 'CANCEL_SCHEDULED' | 'CANCELED' | 'RENEWED';

const AUDITED_AS: Record<Reason, AuditedAction> = {
  STARTED: 'SUBSCRIPTION_STARTED',
  PLAN_CHANGED: 'PLAN_CHANGED',
  CANCEL_SCHEDULED: 'SUBSCRIPTION_CANCEL_SCHEDULED',
  CANCELED: 'SUBSCRIPTION_CANCELED',
  RENEWED: 'SUBSCRIPTION_RENEWED',
};

/** The subscription's history row, the tenant's effective plan for the API limits, and, with an actor, its audit record (both through the outbox, in `tx`). */
export async function recordEvent(tx: BillingTx, subscription: PlanSubscription, reason: Reason, at: Date, actor?: AuditActor): Promise<void> {
  await tx.subscriptionEvent.create({
    data: {
      subscriptionId: subscription.id,
      tenantId: subscription.tenantId,
      status: subscription.status,
      plan: subscription.plan,
      billingCycle: subscription.billingCycle,
      reason,
      at,
    },
  });
  if (actor)
    await appendAuditEvent(
      tx,
      actor,
      { action: AUDITED_AS[reason], tenantId: subscription.tenantId, targetType: 'BillingSubscription', targetId: subscription.id },
      at,
    );
  await announcePlan(tx, subscription, reason, at);
}

/** The tenant's active subscription, row-locked for the rest of the transaction; NOT_FOUND without one. */
export async function lockActive(tx: BillingTx, tenantId: string): Promise<PlanSubscription> {
  const [row] = await tx.$queryRawUnsafe<Array<{ id: string }>>(
    `SELECT "id"::text AS id FROM "billing"."plan_subscription" WHERE "tenant_id" = $1::uuid AND "status" = 'ACTIVE' FOR UPDATE`,
    tenantId,
  );
  if (!row) throw notFound('Active subscription');
  return tx.planSubscription.findUniqueOrThrow({ where: { id: row.id } });
}

export async function activeSubscription(db: BillingDb, tenantId: string): Promise<PlanSubscription> {
  return (await db.planSubscription.findFirst({ where: { tenantId, status: 'ACTIVE' } })) ?? Promise.reject(notFound('Active subscription'));
}

export const replayChange =
  (db: PrismaClient) =>
  async (invoice: Invoice): Promise<SubscriptionChangeModel> => ({
    subscription: await db.planSubscription.findUniqueOrThrow({ where: { id: invoice.subscriptionId! } }),
    invoice,
  });

/**
 * Starts a subscription now and issues the invoice of its first period. Without a key, the one
 * active subscription per tenant (a partial unique index) still keeps a retry from charging twice.
 */
export async function subscribe(
  db: PrismaClient,
  tenantId: string,
  input: PlanRequest & { idempotencyKey?: string | null },
  now: Date,
  actor?: AuditActor,
): Promise<SubscriptionChangeModel> {
  const idempotencyKey = input.idempotencyKey == null ? `subscribe:${randomUUID()}` : requireIdempotencyKey(input.idempotencyKey);
  const billingCycle = cycleOf(input);
  const hash = requestHash('subscribe', { plan: input.plan, billingCycle });
  const run = () =>
    inTenantTransaction(db, tenantId, async (tx) => {
      const profile = await profileOf(tx, tenantId);
      const start = wholeSecond(now);
      const end = periodEnd(start, billingCycle);
      const subscription = await tx.planSubscription.create({
        data: { tenantId, plan: input.plan, billingCycle, currency: profile.currency, startedAt: start, currentPeriodStart: start, currentPeriodEnd: end },
      });
      await recordEvent(tx, subscription, 'STARTED', start, actor);
      const lines = [periodLine(input.plan, billingCycle, profile.currency, start, end)];
      const invoice = await writeInvoice(
        tx,
        { tenantId, currency: profile.currency, country: profile.country, lines, subscriptionId: subscription.id },
        { idempotencyKey, hash },
        start,
      );
      return { subscription, invoice };
    });
  try {
    return await onceForKey(db, { tenantId, idempotencyKey, hash }, replayChange(db), run);
  } catch (error) {
    // The partial unique index (one ACTIVE per tenant) decides races between two requests.
    if (isUniqueViolation(error)) throw alreadySubscribed();
    throw error;
  }
}

const alreadySubscribed = () => userError(ErrorCode.Conflict, 'The tenant already has an active subscription');

/**
 * The invoice `subscribe` would issue now: the first period at the billing profile's currency
 * and VAT, priced by the same periodLine. A tenant with an active subscription gets CONFLICT,
 * as subscribe would answer.
 */
export async function previewSubscribe(db: PrismaClient, tenantId: string, request: PlanRequest, now: Date): Promise<InvoicePreviewModel> {
  if (await db.planSubscription.findFirst({ where: { tenantId, status: 'ACTIVE' }, select: { id: true } })) throw alreadySubscribed();
  const profile = await profileOf(db, tenantId);
  const start = wholeSecond(now);
  const cycle = cycleOf(request);
  const lines = [periodLine(request.plan, cycle, profile.currency, start, periodEnd(start, cycle))];
  return previewOf(db, { tenantId, currency: profile.currency, country: profile.country, lines }, start);
}

async function planChangeDraft(db: BillingDb, subscription: PlanSubscription, target: PlanRequest, now: Date) {
  if (now.getTime() >= subscription.currentPeriodEnd.getTime()) {
    throw badInput(`the period ended at ${subscription.currentPeriodEnd.toISOString()} and has not been renewed yet; change the plan after renewal`);
  }
  const cycle = cycleOf(target);
  if (subscription.plan === target.plan && subscription.billingCycle === cycle) {
    throw badInput(`plan: the subscription is already on ${target.plan}, ${cycle.toLowerCase()}`, 'plan');
  }
  const change = planChange(subscription, target.plan, cycle, now);
  const { country } = await profileOf(db, subscription.tenantId);
  return { change, country };
}

/** The invoice a plan change now would issue (without unbilled usage, which is billed whenever the next invoice comes). */
export async function previewPlanChange(db: PrismaClient, tenantId: string, target: PlanRequest, now: Date): Promise<InvoicePreviewModel> {
  const subscription = await activeSubscription(db, tenantId);
  const { change, country } = await planChangeDraft(db, subscription, target, now);
  return previewOf(db, { tenantId, currency: subscription.currency, country, lines: change.lines }, wholeSecond(now));
}

/** Moves the active subscription to another plan or cycle, with a prorated invoice (or credit note). */
export async function changePlan(
  db: PrismaClient,
  tenantId: string,
  input: PlanRequest & { idempotencyKey?: string | null },
  now: Date,
  actor?: AuditActor,
): Promise<SubscriptionChangeModel> {
  const idempotencyKey = requireIdempotencyKey(input.idempotencyKey);
  const billingCycle = cycleOf(input);
  const hash = requestHash('changePlan', { plan: input.plan, billingCycle });
  return onceForKey(db, { tenantId, idempotencyKey, hash }, replayChange(db), () =>
    inTenantTransaction(db, tenantId, async (tx) => {
      const at = wholeSecond(now);
      const current = await lockActive(tx, tenantId);
      const { change, country } = await planChangeDraft(tx, current, input, at);
      // Usage so far is billed at the allowance of the plan it happened on.
      const usage = await unbilledUsageLines(tx, tenantId, planPrice(current.plan, current.currency as InvoiceCurrency), at);
      const subscription = await tx.planSubscription.update({
        where: { id: current.id },
        data: { plan: input.plan, billingCycle, currentPeriodStart: change.periodStart, currentPeriodEnd: change.periodEnd, cancelAtPeriodEnd: false },
      });
      await recordEvent(tx, subscription, 'PLAN_CHANGED', at, actor);
      const invoice = await writeInvoice(
        tx,
        { tenantId, currency: current.currency, country, lines: [...change.lines, ...usage.lines], subscriptionId: current.id },
        { idempotencyKey, hash },
        at,
      );
      await markBilled(tx, usage.recordIds, invoice.id);
      return { subscription, invoice };
    }),
  );
}

/**
 * Cancels the active subscription. At the period's end: only flagged (renewal ends it, no
 * invoice now). Immediately: ended now with a final invoice crediting the unused seconds and
 * billing unbilled usage; a negative total makes it a credit note.
 */
export async function cancelSubscription(
  db: PrismaClient,
  tenantId: string,
  input: { atPeriodEnd: boolean; idempotencyKey: string },
  now: Date,
  actor?: AuditActor,
): Promise<SubscriptionChangeModel> {
  const idempotencyKey = requireIdempotencyKey(input.idempotencyKey);
  const at = wholeSecond(now);
  if (input.atPeriodEnd) {
    return inTenantTransaction(db, tenantId, async (tx) => {
      const current = await lockActive(tx, tenantId);
      if (current.cancelAtPeriodEnd) return { subscription: current, invoice: null };
      const subscription = await tx.planSubscription.update({ where: { id: current.id }, data: { cancelAtPeriodEnd: true } });
      await recordEvent(tx, subscription, 'CANCEL_SCHEDULED', at, actor);
      return { subscription, invoice: null };
    });
  }
  const hash = requestHash('cancelSubscription', { atPeriodEnd: false });
  return onceForKey(db, { tenantId, idempotencyKey, hash }, replayChange(db), () =>
    inTenantTransaction(db, tenantId, async (tx) => {
      const current = await lockActive(tx, tenantId);
      const { country } = await profileOf(tx, tenantId);
      const usage = await unbilledUsageLines(tx, tenantId, planPrice(current.plan, current.currency as InvoiceCurrency), at);
      const subscription = await tx.planSubscription.update({
        where: { id: current.id },
        data: { status: 'CANCELED', canceledAt: at, cancelAtPeriodEnd: false },
      });
      await recordEvent(tx, subscription, 'CANCELED', at, actor);
      const lines = [unusedTimeCredit(current, at), ...usage.lines];
      const invoice = await writeInvoice(
        tx,
        { tenantId, currency: current.currency, country, lines, subscriptionId: current.id },
        { idempotencyKey, hash },
        at,
      );
      await markBilled(tx, usage.recordIds, invoice.id);
      return { subscription, invoice };
    }),
  );
}

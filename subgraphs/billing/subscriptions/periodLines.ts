import type { PlanSubscription } from '../../../lib/db/generated/client';
import type { DraftLine } from '../invoices/invoiceModel';
import type { InvoiceCurrency } from '../money/currency';
import { periodEnd, wholeSecond } from '../money/periods';
import { periodPriceMinor, type BillingCycle, type PlanCode } from '../money/plans';
import { prorateMinor } from '../money/proration';

const day = (date: Date) => date.toISOString().slice(0, 10);
/** A moment as a reader of the invoice reads it: `2026-11-15 10:23 UTC` (lines are prorated by the second, shown to the minute). */
const moment = (date: Date) => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
const cycleWord = (cycle: BillingCycle) => (cycle === 'ANNUAL' ? 'annual' : 'monthly');

/** The line charging a whole period of `plan`. */
export function periodLine(plan: PlanCode, cycle: BillingCycle, currency: InvoiceCurrency, start: Date, end: Date): DraftLine {
  return {
    description: `${plan} plan, ${cycleWord(cycle)}, ${day(start)} to ${day(end)}`,
    quantity: 1,
    amountMinor: periodPriceMinor(plan, cycle, currency),
    item: { kind: 'PLAN_PERIOD', plan, billingCycle: cycle, from: start.toISOString(), to: end.toISOString() },
  };
}

/** The credit for the current plan's unused time after `at`, by the second (negative amount). */
export function unusedTimeCredit(subscription: PlanSubscription, at: Date): DraftLine {
  const period = { start: subscription.currentPeriodStart, end: subscription.currentPeriodEnd };
  const full = periodPriceMinor(subscription.plan, subscription.billingCycle, subscription.currency as InvoiceCurrency);
  return {
    description: `Unused time on ${subscription.plan} plan, ${cycleWord(subscription.billingCycle)}, ${moment(at)} to ${moment(period.end)}`,
    quantity: 1,
    amountMinor: -prorateMinor(full, period, at),
    item: { kind: 'UNUSED_TIME', plan: subscription.plan, billingCycle: subscription.billingCycle, from: at.toISOString(), to: period.end.toISOString() },
  };
}

export interface PlanChange {
  lines: DraftLine[];
  periodStart: Date;
  periodEnd: Date;
}

/**
 * A plan change at `at`: credit for the old plan's unused seconds, then the new plan. On the
 * same cycle the new plan is charged for the same remaining seconds of the current period; on
 * another cycle a new period starts now and is charged whole.
 */
export function planChange(subscription: PlanSubscription, plan: PlanCode, cycle: BillingCycle, at: Date): PlanChange {
  const now = wholeSecond(at);
  const currency = subscription.currency as InvoiceCurrency;
  const credit = unusedTimeCredit(subscription, now);
  if (cycle === subscription.billingCycle) {
    const period = { start: subscription.currentPeriodStart, end: subscription.currentPeriodEnd };
    const charge: DraftLine = {
      description: `${plan} plan, ${cycleWord(cycle)}, ${moment(now)} to ${moment(period.end)}`,
      quantity: 1,
      amountMinor: prorateMinor(periodPriceMinor(plan, cycle, currency), period, now),
      item: { kind: 'PLAN_PRORATED', plan, billingCycle: cycle, from: now.toISOString(), to: period.end.toISOString() },
    };
    return { lines: [credit, charge], periodStart: period.start, periodEnd: period.end };
  }
  const end = periodEnd(now, cycle);
  return { lines: [credit, periodLine(plan, cycle, currency, now, end)], periodStart: now, periodEnd: end };
}

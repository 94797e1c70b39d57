import type { BillingCycle, PlanCode } from '../money/plans';

/**
 * What an invoice line charges, in fields, so a reader's dashboard can say it in their language
 * (the line's `description` is the issuing wording, in English, kept as issued). Stored with the
 * line; lines issued before items existed have none.
 */
export type InvoiceLineItem = { credit?: true } & (
  | { kind: 'PLAN_PERIOD' | 'PLAN_PRORATED' | 'UNUSED_TIME'; plan: PlanCode; billingCycle: BillingCycle; from: string; to: string }
  | { kind: 'DEVICES_OVER_ALLOWANCE' | 'MESSAGES_OVER_ALLOWANCE'; month: string }
  | { kind: 'CREDIT_REASON' }
);

/** The item of a credit note's line that credits `item`'s line. */
export const creditOf = (item: InvoiceLineItem | null): InvoiceLineItem | null => (item ? { ...item, credit: true } : null);

/** A stored item (JSON) back to its type; null for a line without one. */
export function storedLineItem(json: unknown): InvoiceLineItem | null {
  if (json === null || json === undefined) return null;
  const item = (typeof json === 'string' ? JSON.parse(json) : json) as InvoiceLineItem;
  return typeof item === 'object' && typeof item.kind === 'string' ? item : null;
}

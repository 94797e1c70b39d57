import type { BillingDb, BillingTx } from '../db';
import type { DraftLine } from '../invoices/invoiceModel';
import { additionalOverageLines } from '../money/overage';
import type { PlanPrice } from '../money/plans';

const monthStart = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
const monthOf = (date: Date) => date.toISOString().slice(0, 7);

/**
 * Lines for the tenant's usage not billed yet, up to `upTo`, priced by `price`, and the records
 * they bill. Usage that arrives late for a month already invoiced is charged here, in the next
 * invoice, for what it adds to that month's overage.
 */
export async function unbilledUsageLines(tx: BillingDb, tenantId: string, price: PlanPrice, upTo: Date): Promise<{ lines: DraftLine[]; recordIds: string[] }> {
  const unbilled = await tx.usageRecord.findMany({ where: { tenantId, invoiceId: null, occurredAt: { lte: upTo } } });
  if (unbilled.length === 0) return { lines: [], recordIds: [] };
  const months = new Set(unbilled.map((record) => monthOf(record.occurredAt)));
  const earliest = monthStart(new Date(Math.min(...unbilled.map((record) => record.occurredAt.getTime()))));
  const all = (await tx.usageRecord.findMany({ where: { tenantId, occurredAt: { gte: earliest, lte: upTo } } })).filter((record) =>
    months.has(monthOf(record.occurredAt)),
  );
  const billed = all.filter((record) => record.invoiceId !== null);
  const lines = additionalOverageLines(all, billed, price).map((line) => ({
    description:
      line.kind === 'DEVICES'
        ? `Devices above the plan's allowance on the peak day of ${line.month}`
        : `Telemetry messages above the plan's allowance in ${line.month}`,
    quantity: line.excessQuantity,
    amountMinor: line.amountMinor,
    item: { kind: line.kind === 'DEVICES' ? ('DEVICES_OVER_ALLOWANCE' as const) : ('MESSAGES_OVER_ALLOWANCE' as const), month: line.month },
  }));
  return { lines, recordIds: unbilled.map((record) => record.id) };
}

/** Marks usage as billed by `invoiceId`, in the invoice's transaction. */
export async function markBilled(tx: BillingTx, recordIds: string[], invoiceId: string): Promise<void> {
  if (recordIds.length > 0) await tx.usageRecord.updateMany({ where: { id: { in: recordIds }, invoiceId: null }, data: { invoiceId } });
}

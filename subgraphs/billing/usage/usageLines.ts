import type { BillingTx } from '../db';
import type { DraftLine } from '../invoices/invoiceModel';
import { overageLines } from '../money/overage';
import type { PlanPrice } from '../money/plans';

/**
 * Lines for the tenant's usage not billed yet (including usage that arrived late for a period
 * already invoiced), priced by `price`, and the records they bill. `upTo` leaves future usage alone.
 */
export async function unbilledUsageLines(tx: BillingTx, tenantId: string, price: PlanPrice, upTo: Date): Promise<{ lines: DraftLine[]; recordIds: string[] }> {
  const records = await tx.usageRecord.findMany({ where: { tenantId, invoiceId: null, occurredAt: { lte: upTo } } });
  const lines = overageLines(records, price).map((line) => ({
    description: line.kind === 'DEVICES' ? `Devices above the plan's allowance on the peak day of ${line.month}` : `Telemetry messages above the plan's allowance in ${line.month}`,
    quantity: line.excessQuantity,
    amountMinor: line.amountMinor,
  }));
  return { lines, recordIds: records.map((record) => record.id) };
}

/** Marks usage as billed by `invoiceId`, in the invoice's transaction. */
export async function markBilled(tx: BillingTx, recordIds: string[], invoiceId: string): Promise<void> {
  if (recordIds.length > 0) await tx.usageRecord.updateMany({ where: { id: { in: recordIds }, invoiceId: null }, data: { invoiceId } });
}

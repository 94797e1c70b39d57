import { appendAuditEvent, type AuditActor } from '../../../lib/audit/auditEvents';
import type { Invoice, PrismaClient } from '../../../lib/db/generated/client';
import { ErrorCode, notFound, userError } from '../../../lib/errors';
import { requireText, requireUuid } from '../../../lib/validation';
import { inTenantTransaction } from '../db';
import { wholeSecond } from '../money/periods';
import { onceForKey, requestHash, requireIdempotencyKey } from './idempotency';
import { creditOf, storedLineItem } from './lineItem';
import { writeInvoice } from './writeInvoice';

/**
 * Corrects an issued invoice the only way an issued invoice can be corrected: a credit note
 * with every line negated, at the invoice's own VAT rate. One credit note per invoice.
 */
export async function issueCreditNote(
  db: PrismaClient,
  tenantId: string,
  input: { invoiceId: string; reason: string; idempotencyKey: string },
  now: Date,
  actor?: AuditActor,
): Promise<Invoice> {
  const invoiceId = requireUuid(input.invoiceId, 'invoiceId');
  const reason = requireText(input.reason, 'reason', 500);
  const idempotencyKey = requireIdempotencyKey(input.idempotencyKey);
  const hash = requestHash('issueCreditNote', { invoiceId, reason });
  return onceForKey(
    db,
    { tenantId, idempotencyKey, hash },
    async (invoice) => invoice,
    () =>
      inTenantTransaction(db, tenantId, async (tx) => {
        const original = await tx.invoice.findFirst({ where: { id: invoiceId, tenantId }, include: { lines: { orderBy: { position: 'asc' } } } });
        if (!original) throw notFound('Invoice');
        if (original.kind !== 'INVOICE') throw userError(ErrorCode.BadUserInput, 'invoiceId: a credit note cannot be credited again', { field: 'invoiceId' });
        if ((await tx.invoice.count({ where: { tenantId, creditedInvoiceId: original.id } })) > 0) {
          throw userError(ErrorCode.Conflict, `Invoice ${original.number} has already been credited`);
        }
        const lines = [
          ...original.lines.map((line) => ({
            description: `Credit: ${line.description}`,
            quantity: line.quantity,
            amountMinor: -line.amountMinor,
            item: creditOf(storedLineItem(line.item)),
          })),
          { description: `Reason: ${reason}`, quantity: 1, amountMinor: 0, item: { kind: 'CREDIT_REASON' as const } },
        ];
        const creditNote = await writeInvoice(
          tx,
          {
            tenantId,
            currency: original.currency,
            country: original.vatCountry,
            vatRateBasisPoints: original.vatRateBasisPoints,
            lines,
            kind: 'CREDIT_NOTE',
            creditedInvoiceId: original.id,
            subscriptionId: original.subscriptionId ?? undefined,
          },
          { idempotencyKey, hash },
          wholeSecond(now),
        );
        // Inside the keyed run: a replay of the same key answers the first note and writes no record.
        if (actor)
          await appendAuditEvent(
            tx,
            actor,
            { action: 'CREDIT_NOTE_ISSUED', tenantId, targetType: 'Invoice', targetId: creditNote.id, detail: `credits ${original.number}` },
            now,
          );
        return creditNote;
      }),
  );
}

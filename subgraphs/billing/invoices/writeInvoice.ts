import { Prisma, type Invoice, type InvoiceKind } from '../../../lib/db/generated/client';
import { appendEventInPrisma } from '../../../lib/events/outbox';
import { INVOICE_ISSUED } from '../../../lib/events/topics';
import { badInput } from '../../../lib/errors';
import type { BillingTx } from '../db';
import { rateInForce, vatMinor } from '../money/vat';
import type { DraftLine, InvoicePreviewModel } from './invoiceModel';
import { toLineModels } from './invoiceModel';
import type { BillingDb } from '../db';

export interface InvoiceDraft {
  tenantId: string;
  currency: string;
  country: string;
  lines: DraftLine[];
  subscriptionId?: string;
  creditedInvoiceId?: string;
  /** A credit note repeats its invoice's VAT rate; others take the rate in force on the issue date. */
  vatRateBasisPoints?: number;
  /** Forces a credit note; otherwise a negative total makes one. */
  kind?: InvoiceKind;
}

/** The VAT rate of `country` on `on`, or BAD_USER_INPUT naming what is missing. */
export async function vatRateFor(db: BillingDb, country: string, on: Date): Promise<number> {
  const rates = await db.vatRate.findMany({ where: { country } });
  const rate = rateInForce(rates, country, on);
  if (!rate) throw badInput(`country: no VAT rate for ${country} on ${on.toISOString().slice(0, 10)}; a platform admin must add one`, 'country');
  return rate.rateBasisPoints;
}

/** Subtotal, VAT (rounded once, on the subtotal) and total of `lines`. */
export function totals(lines: DraftLine[], vatRateBasisPoints: number) {
  const subtotalMinor = lines.reduce((sum, line) => sum + line.amountMinor, 0);
  const vat = vatMinor(subtotalMinor, vatRateBasisPoints);
  return { subtotalMinor, vatMinor: vat, totalMinor: subtotalMinor + vat };
}

export async function previewOf(db: BillingDb, draft: InvoiceDraft, at: Date): Promise<InvoicePreviewModel> {
  const vatRateBasisPoints = draft.vatRateBasisPoints ?? (await vatRateFor(db, draft.country, at));
  return { currency: draft.currency, lines: toLineModels(draft.lines, draft.currency), vatRateBasisPoints, ...totals(draft.lines, vatRateBasisPoints) };
}

/**
 * Issues an invoice inside the caller's transaction: takes the next number from the tenant's
 * counter row (INSERT … ON CONFLICT DO UPDATE locks that row until the transaction ends, so
 * numbers have no gaps: a rolled-back invoice rolls its number back too), then writes the
 * invoice and its lines. The unique (tenant_id, idempotency_key) refuses a second one per key.
 */
export async function writeInvoice(tx: BillingTx, draft: InvoiceDraft, request: { idempotencyKey: string; hash: string }, issuedAt: Date): Promise<Invoice> {
  const preview = await previewOf(tx, draft, issuedAt);
  const [counter] = await tx.$queryRawUnsafe<Array<{ last_number: number }>>(
    `INSERT INTO "billing"."invoice_counter" ("tenant_id", "last_number") VALUES ($1::uuid, 1)
     ON CONFLICT ("tenant_id") DO UPDATE SET "last_number" = "invoice_counter"."last_number" + 1
     RETURNING "last_number"`,
    draft.tenantId,
  );
  const invoice = await tx.invoice.create({
    data: {
      tenantId: draft.tenantId,
      number: Number(counter!.last_number),
      kind: draft.kind ?? (preview.totalMinor < 0 ? 'CREDIT_NOTE' : 'INVOICE'),
      subscriptionId: draft.subscriptionId ?? null,
      creditedInvoiceId: draft.creditedInvoiceId ?? null,
      currency: draft.currency,
      subtotalMinor: preview.subtotalMinor,
      vatCountry: draft.country,
      vatRateBasisPoints: preview.vatRateBasisPoints,
      vatMinor: preview.vatMinor,
      totalMinor: preview.totalMinor,
      issuedAt,
      idempotencyKey: request.idempotencyKey,
      requestHash: request.hash,
      lines: {
        create: preview.lines.map(({ position, description, quantity, amountMinor, item }) => ({
          position,
          description,
          quantity,
          amountMinor,
          item: item ?? Prisma.DbNull,
        })),
      },
    },
  });
  await appendEventInPrisma(tx, INVOICE_ISSUED, {
    tenantId: invoice.tenantId,
    invoiceId: invoice.id,
    number: invoice.number,
    kind: invoice.kind,
    currency: invoice.currency,
    totalMinor: Number(invoice.totalMinor),
    issuedAt: invoice.issuedAt.toISOString(),
  });
  return invoice;
}

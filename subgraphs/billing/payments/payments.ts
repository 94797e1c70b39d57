import type { Invoice, Payment, PrismaClient } from '../../../lib/db/generated/client';
import { isUniqueViolation } from '../../../lib/db/errors';
import { badInput, ErrorCode, notFound, userError } from '../../../lib/errors';
import { requireText, requireUuid } from '../../../lib/validation';
import type { BillingDb, BillingTx } from '../db';
import { requireCurrency, requirePositiveMinor } from '../money/currency';

/** Payments less refunds of an invoice. */
export async function amountPaidMinor(db: BillingDb, invoiceId: string): Promise<number> {
  const payments = await db.payment.findMany({ where: { invoiceId }, select: { kind: true, amountMinor: true } });
  return payments.reduce((sum, payment) => sum + (payment.kind === 'PAYMENT' ? payment.amountMinor : -payment.amountMinor), 0);
}

/** The invoice, row-locked so that payments against it are checked and written one at a time. */
async function lockInvoice(tx: BillingTx, tenantId: string, invoiceId: string): Promise<Invoice> {
  const [row] = await tx.$queryRawUnsafe<Array<{ id: string }>>(
    `SELECT "id"::text AS id FROM "billing"."invoice" WHERE "id" = $1::uuid AND "tenant_id" = $2::uuid FOR UPDATE`,
    invoiceId,
    tenantId,
  );
  if (!row) throw notFound('Invoice');
  return tx.invoice.findUniqueOrThrow({ where: { id: row.id } });
}

/** The payment already recorded under `reference` when it is this same payment; a different one is refused. */
async function samePaymentAgain(
  tx: BillingTx,
  tenantId: string,
  reference: string,
  expected: Pick<Payment, 'invoiceId' | 'kind' | 'amountMinor'>,
): Promise<Payment | null> {
  const earlier = await tx.payment.findUnique({ where: { tenantId_reference: { tenantId, reference } } });
  if (!earlier) return null;
  if (earlier.invoiceId !== expected.invoiceId || earlier.kind !== expected.kind || earlier.amountMinor !== expected.amountMinor) {
    throw userError(ErrorCode.IdempotencyKeyReused, 'reference: already used for a different payment');
  }
  return earlier;
}

export interface PaymentInput {
  invoiceId: string;
  amountMinor: number;
  currency: string;
  reference: string;
}

/** A payment write's answer; `created` is false when the reference named an earlier, identical payment (nothing changed, nothing to audit). */
export interface PaymentWrite {
  payment: Payment;
  created: boolean;
}

/**
 * Records a payment (partial or full) against an invoice in `tx`. The same reference again
 * returns the first payment; more than the amount due is refused.
 */
export async function recordPaymentIn(tx: BillingTx, tenantId: string, input: PaymentInput, now: Date): Promise<PaymentWrite> {
  const invoiceId = requireUuid(input.invoiceId, 'invoiceId');
  const amountMinor = requirePositiveMinor(input.amountMinor, 'amountMinor');
  const currency = requireCurrency(input.currency, 'currency');
  const reference = requireText(input.reference, 'reference', 200);
  const invoice = await lockInvoice(tx, tenantId, invoiceId);
  const again = await samePaymentAgain(tx, tenantId, reference, { invoiceId, kind: 'PAYMENT', amountMinor });
  if (again) return { payment: again, created: false };
  if (invoice.kind !== 'INVOICE') throw badInput('invoiceId: a credit note is not paid', 'invoiceId');
  if (currency !== invoice.currency) throw badInput(`currency: invoice ${invoice.number} is in ${invoice.currency}, got ${currency}`, 'currency');
  const dueMinor = invoice.totalMinor - (await amountPaidMinor(tx, invoiceId));
  if (amountMinor > dueMinor) throw badInput(`amountMinor: ${amountMinor} is more than the ${dueMinor} due on invoice ${invoice.number}`, 'amountMinor');
  return {
    payment: await tx.payment.create({ data: { tenantId, invoiceId, kind: 'PAYMENT', amountMinor, currency, reference, recordedAt: now } }),
    created: true,
  };
}

export interface RefundInput {
  paymentId: string;
  amountMinor: number;
  reference: string;
}

/** Gives back part or all of a payment in `tx`; never more than was paid and not yet refunded. */
export async function refundPaymentIn(tx: BillingTx, tenantId: string, input: RefundInput, now: Date): Promise<PaymentWrite> {
  const paymentId = requireUuid(input.paymentId, 'paymentId');
  const amountMinor = requirePositiveMinor(input.amountMinor, 'amountMinor');
  const reference = requireText(input.reference, 'reference', 200);
  const payment = await tx.payment.findFirst({ where: { id: paymentId, tenantId, kind: 'PAYMENT' } });
  if (!payment) throw notFound('Payment');
  await lockInvoice(tx, tenantId, payment.invoiceId);
  const again = await samePaymentAgain(tx, tenantId, reference, { invoiceId: payment.invoiceId, kind: 'REFUND', amountMinor });
  if (again) return { payment: again, created: false };
  const refunded = await tx.payment.aggregate({ where: { refundedPaymentId: payment.id }, _sum: { amountMinor: true } });
  const refundableMinor = payment.amountMinor - (refunded._sum.amountMinor ?? 0);
  if (amountMinor > refundableMinor)
    throw badInput(`amountMinor: ${amountMinor} is more than the ${refundableMinor} left to refund of this payment`, 'amountMinor');
  const refund = await tx.payment.create({
    data: {
      tenantId,
      invoiceId: payment.invoiceId,
      kind: 'REFUND',
      amountMinor,
      currency: payment.currency,
      reference,
      refundedPaymentId: payment.id,
      recordedAt: now,
    },
  });
  return { payment: refund, created: true };
}

/** Runs a payment write in its own transaction; a concurrent duplicate reference answers like a sequential one. */
export async function inPaymentTransaction<T>(db: PrismaClient, work: (tx: BillingTx) => Promise<T>): Promise<T> {
  try {
    return await db.$transaction(work, { maxWait: 20_000, timeout: 30_000 });
  } catch (error) {
    if (isUniqueViolation(error)) return db.$transaction(work, { maxWait: 20_000, timeout: 30_000 });
    throw error;
  }
}

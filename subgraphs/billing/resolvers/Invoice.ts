import type { InvoiceResolvers } from '../__generated__/resolvers-types';
import { storedLineItem } from '../invoices/lineItem';
import { amountPaidMinor } from '../payments/payments';
import { convertForDisplay } from '../rates/rates';

const money = (amountMinor: number, currency: string) => ({ amountMinor, currency });

export const Invoice: InvoiceResolvers = {
  subscription: (invoice, _args, ctx) =>
    invoice.subscriptionId ? ctx.db.planSubscription.findFirst({ where: { id: invoice.subscriptionId, tenantId: invoice.tenantId } }) : null,
  creditedInvoice: (invoice, _args, ctx) =>
    invoice.creditedInvoiceId ? ctx.db.invoice.findFirst({ where: { id: invoice.creditedInvoiceId, tenantId: invoice.tenantId } }) : null,
  lines: async (invoice, _args, ctx) => {
    const lines = await ctx.db.invoiceLine.findMany({ where: { invoiceId: invoice.id }, orderBy: { position: 'asc' } });
    return lines.map((line) => ({ ...line, currency: invoice.currency, item: storedLineItem(line.item) }));
  },
  subtotal: (invoice) => money(invoice.subtotalMinor, invoice.currency),
  vat: (invoice) => money(invoice.vatMinor, invoice.currency),
  total: (invoice) => money(invoice.totalMinor, invoice.currency),
  amountPaid: async (invoice, _args, ctx) => money(await amountPaidMinor(ctx.db, invoice.id), invoice.currency),
  amountDue: async (invoice, _args, ctx) =>
    money(invoice.kind === 'INVOICE' ? invoice.totalMinor - (await amountPaidMinor(ctx.db, invoice.id)) : 0, invoice.currency),
  paymentStatus: async (invoice, _args, ctx) => {
    if (invoice.kind !== 'INVOICE') return 'NOT_APPLICABLE';
    const paid = await amountPaidMinor(ctx.db, invoice.id);
    if (paid >= invoice.totalMinor) return 'PAID';
    return paid > 0 ? 'PARTIALLY_PAID' : 'UNPAID';
  },
  payments: (invoice, _args, ctx) => ctx.db.payment.findMany({ where: { invoiceId: invoice.id, tenantId: invoice.tenantId }, orderBy: { recordedAt: 'asc' } }),
  totalIn: async (invoice, { currency, asOf }, ctx) => {
    const converted = await convertForDisplay(ctx.db, invoice.totalMinor, invoice.currency, currency, asOf ? new Date(`${asOf}T00:00:00Z`) : invoice.issuedAt);
    return converted && { amount: money(converted.amountMinor, converted.currency), rate: converted.rate, asOf: converted.asOf.toISOString().slice(0, 10) };
  },
};

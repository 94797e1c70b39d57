import type { InvoiceLineResolvers } from '../__generated__/resolvers-types';

export const InvoiceLine: InvoiceLineResolvers = {
  amount: (line) => ({ amountMinor: line.amountMinor, currency: line.currency }),
  item: (line) => (line.item ? { ...line.item, credit: line.item.credit === true } : null),
};

import type { InvoicePreviewResolvers } from '../__generated__/resolvers-types';

export const InvoicePreview: InvoicePreviewResolvers = {
  subtotal: (preview) => ({ amountMinor: preview.subtotalMinor, currency: preview.currency }),
  vat: (preview) => ({ amountMinor: preview.vatMinor, currency: preview.currency }),
  total: (preview) => ({ amountMinor: preview.totalMinor, currency: preview.currency }),
};

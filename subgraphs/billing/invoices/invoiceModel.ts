import type { InvoiceLineItem } from './lineItem';

/** An invoice line as the API shows it (its currency is the invoice's). */
export interface InvoiceLineModel {
  position: number;
  description: string;
  quantity: number;
  amountMinor: number;
  currency: string;
  item: InvoiceLineItem | null;
}

/** A line before it is written: position comes from its place in the list. */
export interface DraftLine {
  description: string;
  quantity: number;
  amountMinor: number;
  item: InvoiceLineItem | null;
}

export interface InvoicePreviewModel {
  currency: string;
  lines: InvoiceLineModel[];
  subtotalMinor: number;
  vatRateBasisPoints: number;
  vatMinor: number;
  totalMinor: number;
}

export const toLineModels = (lines: DraftLine[], currency: string): InvoiceLineModel[] =>
  lines.map((line, index) => ({ ...line, position: index + 1, currency }));

import { badInput } from '../../../lib/errors';

/** The currencies FarmIQ invoices and displays in, with their number of minor-unit digits (ISO 4217). */
export const CURRENCY_EXPONENTS: Readonly<Record<string, number>> = { USD: 2, THB: 2, EUR: 2, SGD: 2, VND: 0, JPY: 0 };

/** Currencies that plans have prices in, so a tenant can be invoiced in them. */
export const INVOICE_CURRENCIES = ['USD', 'THB'] as const;
export type InvoiceCurrency = (typeof INVOICE_CURRENCIES)[number];

/** An ISO 4217 code FarmIQ knows, upper-cased; anything else is BAD_USER_INPUT. */
export function requireCurrency(value: string, field: string): string {
  const code = value.trim().toUpperCase();
  if (!(code in CURRENCY_EXPONENTS)) {
    throw badInput(`${field}: expected one of ${Object.keys(CURRENCY_EXPONENTS).join(', ')}, got ${JSON.stringify(value)}`, field);
  }
  return code;
}

export function requireInvoiceCurrency(value: string, field: string): InvoiceCurrency {
  const code = requireCurrency(value, field);
  if (!(INVOICE_CURRENCIES as readonly string[]).includes(code)) {
    throw badInput(`${field}: invoices can be in ${INVOICE_CURRENCIES.join(' or ')}, got ${JSON.stringify(value)}`, field);
  }
  return code as InvoiceCurrency;
}

/** An ISO 3166-1 alpha-2 country code, upper-cased. */
export function requireCountry(value: string, field: string): string {
  const code = value.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) throw badInput(`${field}: expected a two-letter country code like TH, got ${JSON.stringify(value)}`, field);
  return code;
}

/** A whole, positive number of minor units. */
export function requirePositiveMinor(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value <= 0 || value > 2_147_483_647) {
    throw badInput(`${field}: expected a whole number of minor units from 1 to 2147483647, got ${value}`, field);
  }
  return value;
}

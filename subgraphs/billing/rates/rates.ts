import type { ExchangeRate, PrismaClient, VatRate } from '../../../lib/db/generated/client';
import { badInput } from '../../../lib/errors';
import { requireCountry, requireCurrency } from '../money/currency';
import { convertMinor, parseRate } from '../money/conversion';

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

/** Adds a country's VAT rate from a date on (or replaces the one of that date). Invoices already issued keep theirs. */
export function setVatRate(db: PrismaClient, input: { country: string; rateBasisPoints: number; effectiveFrom: string }): Promise<VatRate> {
  const country = requireCountry(input.country, 'country');
  const rateBasisPoints = input.rateBasisPoints;
  if (!Number.isInteger(rateBasisPoints) || rateBasisPoints < 0 || rateBasisPoints > 10_000) {
    throw badInput(`rateBasisPoints: expected 0 to 10000 (700 = 7 %), got ${rateBasisPoints}`, 'rateBasisPoints');
  }
  const effectiveFrom = asDate(input.effectiveFrom);
  return db.vatRate.upsert({ where: { country_effectiveFrom: { country, effectiveFrom } }, create: { country, rateBasisPoints, effectiveFrom }, update: { rateBasisPoints } });
}

export function setExchangeRate(db: PrismaClient, input: { baseCurrency: string; quoteCurrency: string; rate: string; asOf: string }): Promise<ExchangeRate> {
  const baseCurrency = requireCurrency(input.baseCurrency, 'baseCurrency');
  const quoteCurrency = requireCurrency(input.quoteCurrency, 'quoteCurrency');
  if (baseCurrency === quoteCurrency) throw badInput('quoteCurrency: must differ from baseCurrency', 'quoteCurrency');
  const rate = input.rate.trim();
  if (!parseRate(rate)) throw badInput(`rate: expected a positive decimal like 35.125, got ${JSON.stringify(input.rate)}`, 'rate');
  const asOf = asDate(input.asOf);
  return db.exchangeRate.upsert({
    where: { baseCurrency_quoteCurrency_asOf: { baseCurrency, quoteCurrency, asOf } },
    create: { baseCurrency, quoteCurrency, rate, asOf },
    update: { rate },
  });
}

/** `amountMinor` of `from` shown in `to` at the newest rate not after `asOf`; null when there is none. */
export async function convertForDisplay(db: PrismaClient, amountMinor: number, from: string, toCurrency: string, asOf: Date) {
  const to = requireCurrency(toCurrency, 'currency');
  if (to === from) return { amountMinor, currency: to, rate: '1', asOf };
  const rate = await db.exchangeRate.findFirst({ where: { baseCurrency: from, quoteCurrency: to, asOf: { lte: asOf } }, orderBy: { asOf: 'desc' } });
  if (!rate) return null;
  return { amountMinor: convertMinor(amountMinor, from, to, rate.rate), currency: to, rate: rate.rate, asOf: rate.asOf };
}

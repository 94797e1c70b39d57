import { appendAuditEvent, type AuditActor } from '../../../lib/audit/auditEvents';
import type { ExchangeRate, PrismaClient, VatRate } from '../../../lib/db/generated/client';
import { badInput } from '../../../lib/errors';
import { requireCountry, requireCurrency } from '../money/currency';
import { convertMinor, parseRate } from '../money/conversion';

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

/** Adds a country's VAT rate from a date on (or replaces the one of that date). Invoices already issued keep theirs. */
export function setVatRate(db: PrismaClient, input: { country: string; rateBasisPoints: number; effectiveFrom: string }, actor?: AuditActor): Promise<VatRate> {
  const country = requireCountry(input.country, 'country');
  const rateBasisPoints = input.rateBasisPoints;
  if (!Number.isInteger(rateBasisPoints) || rateBasisPoints < 0 || rateBasisPoints > 10_000) {
    throw badInput(`rateBasisPoints: expected 0 to 10000 (700 = 7 %), got ${rateBasisPoints}`, 'rateBasisPoints');
  }
  const effectiveFrom = asDate(input.effectiveFrom);
  return db.$transaction(async (tx) => {
    const where = { country_effectiveFrom: { country, effectiveFrom } };
    const before = await tx.vatRate.findUnique({ where });
    if (before?.rateBasisPoints === rateBasisPoints) return before; // the same rate again changed nothing: no second record
    const rate = await tx.vatRate.upsert({ where, create: { country, rateBasisPoints, effectiveFrom }, update: { rateBasisPoints } });
    if (actor)
      await appendAuditEvent(tx, actor, {
        action: 'VAT_RATE_SET',
        tenantId: null,
        targetType: 'VatRate',
        targetId: rate.id,
        detail: `${country} ${rateBasisPoints}bp from ${input.effectiveFrom}`,
      });
    return rate;
  });
}

export function setExchangeRate(
  db: PrismaClient,
  input: { baseCurrency: string; quoteCurrency: string; rate: string; asOf: string },
  actor?: AuditActor,
): Promise<ExchangeRate> {
  const baseCurrency = requireCurrency(input.baseCurrency, 'baseCurrency');
  const quoteCurrency = requireCurrency(input.quoteCurrency, 'quoteCurrency');
  if (baseCurrency === quoteCurrency) throw badInput('quoteCurrency: must differ from baseCurrency', 'quoteCurrency');
  const rate = input.rate.trim();
  if (!parseRate(rate)) throw badInput(`rate: expected a positive decimal like 35.125, got ${JSON.stringify(input.rate)}`, 'rate');
  const asOf = asDate(input.asOf);
  return db.$transaction(async (tx) => {
    const where = { baseCurrency_quoteCurrency_asOf: { baseCurrency, quoteCurrency, asOf } };
    const before = await tx.exchangeRate.findUnique({ where });
    if (before?.rate === rate) return before;
    const written = await tx.exchangeRate.upsert({ where, create: { baseCurrency, quoteCurrency, rate, asOf }, update: { rate } });
    if (actor)
      await appendAuditEvent(tx, actor, {
        action: 'EXCHANGE_RATE_SET',
        tenantId: null,
        targetType: 'ExchangeRate',
        targetId: written.id,
        detail: `${baseCurrency}/${quoteCurrency} ${rate} as of ${input.asOf}`,
      });
    return written;
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

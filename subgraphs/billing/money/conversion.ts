import { CURRENCY_EXPONENTS } from './currency';
import { divideHalfEven } from './rounding';

const RATE = /^(\d{1,12})(?:\.(\d{1,12}))?$/;

/** A positive decimal rate as an exact fraction; undefined when the text is not one. */
export function parseRate(text: string): { numerator: bigint; denominator: bigint } | undefined {
  const match = RATE.exec(text.trim());
  if (!match) return undefined;
  const fraction = match[2] ?? '';
  const numerator = BigInt(match[1]! + fraction);
  return numerator === 0n ? undefined : { numerator, denominator: 10n ** BigInt(fraction.length) };
}

/**
 * `amountMinor` of `from` in `to` at `rate` (units of `to` per unit of `from`), for display:
 * exact arithmetic, one half-even rounding to `to`'s minor unit.
 */
export function convertMinor(amountMinor: number, from: string, to: string, rate: string): number {
  const parsed = parseRate(rate);
  if (!parsed) throw new RangeError(`not a rate: ${rate}`);
  const shift = (CURRENCY_EXPONENTS[to] ?? 2) - (CURRENCY_EXPONENTS[from] ?? 2);
  const numerator = BigInt(amountMinor) * parsed.numerator * (shift > 0 ? 10n ** BigInt(shift) : 1n);
  const denominator = parsed.denominator * (shift < 0 ? 10n ** BigInt(-shift) : 1n);
  return Number(divideHalfEven(numerator, denominator));
}

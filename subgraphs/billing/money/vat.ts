import { divideHalfEven, toMinor } from './rounding';

/** VAT on a subtotal at `rateBasisPoints` (700 = 7 %), rounded half-even once, on the subtotal. */
export function vatMinor(subtotalMinor: number, rateBasisPoints: number): number {
  return toMinor(divideHalfEven(BigInt(subtotalMinor) * BigInt(rateBasisPoints), 10_000n));
}

export interface VatRateRow {
  country: string;
  rateBasisPoints: number;
  effectiveFrom: Date;
}

/** The rate in force on `on`: the newest one whose effective date is not after it; undefined if none. */
export function rateInForce<Row extends VatRateRow>(rates: Row[], country: string, on: Date): Row | undefined {
  return rates
    .filter((rate) => rate.country === country && rate.effectiveFrom.getTime() <= on.getTime())
    .sort((a, b) => b.effectiveFrom.getTime() - a.effectiveFrom.getTime())[0];
}

/**
 * numerator / denominator rounded to the nearest integer, ties to the even neighbour
 * (banker's rounding). Exact: works on bigints, so no intermediate product loses a unit.
 */
export function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  if (denominator < 0n) return divideHalfEven(-numerator, -denominator);
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  let quotient = magnitude / denominator;
  const twiceRemainder = (magnitude % denominator) * 2n;
  if (twiceRemainder > denominator || (twiceRemainder === denominator && quotient % 2n === 1n)) quotient += 1n;
  return negative ? -quotient : quotient;
}

/** A bigint amount of minor units back as a number, refusing anything a 32-bit column cannot hold. */
export function toMinor(amount: bigint): number {
  if (amount > 2_147_483_647n || amount < -2_147_483_648n) throw new RangeError(`amount out of range: ${amount} minor units`);
  return Number(amount);
}

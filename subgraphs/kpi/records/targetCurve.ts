import type { PrismaClient } from '../../../lib/db/database';
import type { Species } from '../../../lib/db/generated/client';
import { badInput } from '../../../lib/errors';
import { requireText } from '../../../lib/validation';
import { kilogramsToGrams, gramsToKilograms } from '../weight';
import { MAX_SERIES_DAYS } from '../performance/asOf';
import { MAX_ANIMAL_WEIGHT_KG } from './weighSamples';

export const MAX_BREED_LENGTH = 80;

/** Replaces a tenant's target curve for one species and breed; returns it as stored. */
export async function setTargetCurve(
  db: PrismaClient,
  tenantId: string,
  input: { species: Species; breed: string; points: Array<{ dayOfAge: number; weightKg: number }> },
) {
  const breed = requireText(input.breed, 'breed', MAX_BREED_LENGTH);
  if (input.points.length === 0 || input.points.length > MAX_SERIES_DAYS + 1) {
    throw badInput(`points: expected 1 to ${MAX_SERIES_DAYS + 1} points, got ${input.points.length}`, 'points');
  }
  const seen = new Set<number>();
  const points = input.points.map(({ dayOfAge, weightKg }) => {
    if (!Number.isInteger(dayOfAge) || dayOfAge < 0 || dayOfAge > MAX_SERIES_DAYS)
      throw badInput(`points.dayOfAge: expected 0 to ${MAX_SERIES_DAYS}, got ${dayOfAge}`, 'points');
    if (seen.has(dayOfAge)) throw badInput(`points.dayOfAge: day ${dayOfAge} appears twice`, 'points');
    seen.add(dayOfAge);
    const weightGrams = Number.isFinite(weightKg) && weightKg <= MAX_ANIMAL_WEIGHT_KG ? kilogramsToGrams(weightKg) : 0;
    if (weightGrams <= 0) throw badInput(`points.weightKg: expected more than 0 and at most ${MAX_ANIMAL_WEIGHT_KG} kg, got ${weightKg}`, 'points');
    return { dayOfAge, weightGrams };
  });
  const scope = { tenantId, species: input.species, breed };
  await db.$transaction([
    db.targetCurvePoint.deleteMany({ where: scope }),
    db.targetCurvePoint.createMany({ data: points.map((point) => ({ ...scope, ...point })) }),
  ]);
  return {
    species: input.species,
    breed,
    points: [...points].sort((a, b) => a.dayOfAge - b.dayOfAge).map((point) => ({ dayOfAge: point.dayOfAge, weightKg: gramsToKilograms(point.weightGrams) })),
  };
}

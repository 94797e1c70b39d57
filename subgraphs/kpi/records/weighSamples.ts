import type { PrismaClient } from '../../../lib/db/database';
import type { WeighSource } from '../../../lib/db/generated/client';
import { badInput } from '../../../lib/errors';
import { kilogramsToGrams } from '../weight';
import { findTenantBatch, requireRecordDay } from './batchAccess';

/** Heaviest single animal weight accepted, in kg. */
export const MAX_ANIMAL_WEIGHT_KG = 500;
/** Most weights one session call may carry. */
export const MAX_WEIGHTS_PER_CALL = 10_000;

/** Individual weights of one batch on one farm-local day (YYYY-MM-DD). */
export interface WeighSamplesInput {
  tenantId: string;
  batchId: string;
  weighedOn: string;
  weightsKg: number[];
  source: WeighSource;
  /** Per weight, the scale reading it came from: a weight already recorded from it is skipped. */
  sourceReadings?: string[];
}

/**
 * Stores individual weights (kg in, integer grams stored) for a tenant's batch. The API's
 * manual sessions and telemetry's scales both come through here; the samples of one day form
 * that day's weigh session. NOT_FOUND for another tenant's batch; BAD_USER_INPUT for a weight
 * outside (0, 500] kg, a day before placement, or no weights.
 */
export async function recordWeighSamples(db: PrismaClient, input: WeighSamplesInput): Promise<number> {
  const batch = await findTenantBatch(db, input.tenantId, input.batchId);
  const weighedOn = requireRecordDay(batch, input.weighedOn, 'weighedOn');
  if (input.weightsKg.length === 0 || input.weightsKg.length > MAX_WEIGHTS_PER_CALL) {
    throw badInput(`weightsKg: expected 1 to ${MAX_WEIGHTS_PER_CALL} weights, got ${input.weightsKg.length}`, 'weightsKg');
  }
  const weightsGrams = input.weightsKg.map((weightKg, i) => {
    const grams = Number.isFinite(weightKg) && weightKg <= MAX_ANIMAL_WEIGHT_KG ? kilogramsToGrams(weightKg) : 0;
    if (grams <= 0) throw badInput(`weightsKg[${i}]: expected more than 0 and at most ${MAX_ANIMAL_WEIGHT_KG} kg, got ${weightKg}`, 'weightsKg');
    return grams;
  });
  const created = await db.weighSample.createMany({
    data: weightsGrams.map((weightGrams, i) => ({
      tenantId: batch.tenantId,
      batchId: batch.id,
      weighedOn,
      weightGrams,
      source: input.source,
      sourceReading: input.sourceReadings?.[i] ?? null,
    })),
    skipDuplicates: input.sourceReadings !== undefined,
  });
  return created.count;
}

/** One scale reading for a batch (`sourceReading`: `deviceId eventId`); 0 when that reading was recorded already. */
export const recordWeighSample = (db: PrismaClient, input: { tenantId: string; batchId: string; weighedOn: string; weightKg: number; sourceReading: string }) =>
  recordWeighSamples(db, {
    tenantId: input.tenantId,
    batchId: input.batchId,
    weighedOn: input.weighedOn,
    weightsKg: [input.weightKg],
    source: 'SCALE',
    sourceReadings: [input.sourceReading],
  });

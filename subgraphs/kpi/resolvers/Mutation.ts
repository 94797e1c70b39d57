import type { MutationResolvers } from '../__generated__/resolvers-types';
import { badInput } from '../../../lib/errors';
import { callerTenantId } from '../../../lib/auth/tenantScope';
import { requireNumberInRange, requireText, requireUuid } from '../../../lib/validation';
import { findTenantBatch, optionalNote, requireCount, removeAnimals, requireRecordDay } from '../records/batchAccess';
import { MAX_BREED_LENGTH, setTargetCurve } from '../records/targetCurve';
import { recordWeighSamples } from '../records/weighSamples';
import { kilogramsToGrams } from '../weight';
import { endWeighSession, openWeighSession, recordSessionWeights } from '../weighSessions/sessionCommands';
import type { KpiDependencies } from './index';

export const MAX_HEAD_COUNT = 1_000_000;
export const MAX_PLACEMENT_WEIGHT_KG = 500;
export const MAX_FEED_KG = 1_000_000;
export const MAX_WATER_LITRES = 10_000_000;
/** The heaviest total a record of head count × animal weight can carry: every animal at 500 kg. */
const MAX_TOTAL_WEIGHT_KG = MAX_HEAD_COUNT * MAX_PLACEMENT_WEIGHT_KG;
const MAX_NOTE_LENGTH = 200;

/** A positive amount in `unit`, at most `max`, kept to a thousandth (gram, millilitre); zero after rounding is refused. */
function requireThousandths(value: number, field: string, max: number, unit: string): bigint {
  const amount = requireNumberInRange(value, field, 0, max, unit);
  const thousandths = Math.round(amount * 1000);
  if (thousandths <= 0) throw badInput(`${field}: expected at least 0.001 ${unit}, got ${value}`, field);
  return BigInt(thousandths);
}

export const createMutation = (deps: KpiDependencies): MutationResolvers => ({
  placeBatch: async (_parent, { input }, ctx) => {
    if (!Number.isInteger(input.headCountPlaced) || input.headCountPlaced < 1 || input.headCountPlaced > MAX_HEAD_COUNT) {
      throw badInput(`headCountPlaced: expected 1 to ${MAX_HEAD_COUNT} animals, got ${input.headCountPlaced}`, 'headCountPlaced');
    }
    const placementWeightKg = requireNumberInRange(input.placementWeightKg, 'placementWeightKg', 0, MAX_PLACEMENT_WEIGHT_KG, 'kg');
    const placementWeightGrams = kilogramsToGrams(placementWeightKg);
    if (placementWeightGrams === 0) throw badInput('placementWeightKg: expected at least 0.001 kg', 'placementWeightKg');
    const batch = await ctx.db.batch.create({
      data: {
        tenantId: callerTenantId(ctx),
        farmId: requireUuid(input.farmId, 'farmId'),
        barnId: input.barnId == null ? null : requireUuid(input.barnId, 'barnId'),
        species: input.species,
        breed: input.breed == null || input.breed.trim() === '' ? null : requireText(input.breed, 'breed', MAX_BREED_LENGTH),
        placedOn: new Date(`${input.placedOn}T00:00:00Z`),
        headCountPlaced: input.headCountPlaced,
        placementWeightGrams,
      },
    });
    ctx.log.info({ batchId: batch.id, farmId: batch.farmId }, 'batch placed');
    return batch;
  },

  recordMortality: async (_parent, { input }, ctx) => {
    const batch = await findTenantBatch(ctx.db, callerTenantId(ctx), input.batchId);
    const occurredOn = requireRecordDay(batch, input.occurredOn, 'occurredOn');
    const headCount = requireCount(input.headCount, 'headCount', 1, MAX_HEAD_COUNT);
    const weightGrams = input.totalWeightKg == null ? null : requireThousandths(input.totalWeightKg, 'totalWeightKg', MAX_TOTAL_WEIGHT_KG, 'kg');
    const cause = optionalNote(input.cause, 'cause', MAX_NOTE_LENGTH);
    await removeAnimals(ctx.db, batch, headCount, (tx) =>
      tx.mortalityRecord.create({ data: { tenantId: batch.tenantId, batchId: batch.id, occurredOn, kind: input.kind, headCount, weightGrams, cause } }),
    );
    ctx.log.info({ batchId: batch.id, kind: input.kind, headCount }, 'mortality recorded');
    return batch;
  },

  recordFeed: async (_parent, { input }, ctx) => {
    const batch = await findTenantBatch(ctx.db, callerTenantId(ctx), input.batchId);
    const recordedOn = requireRecordDay(batch, input.recordedOn, 'recordedOn');
    const feedGrams = requireThousandths(input.feedKg, 'feedKg', MAX_FEED_KG, 'kg');
    await ctx.db.feedRecord.create({ data: { tenantId: batch.tenantId, batchId: batch.id, recordedOn, feedGrams } });
    return batch;
  },

  recordWater: async (_parent, { input }, ctx) => {
    const batch = await findTenantBatch(ctx.db, callerTenantId(ctx), input.batchId);
    const recordedOn = requireRecordDay(batch, input.recordedOn, 'recordedOn');
    const waterMillilitres = requireThousandths(input.waterLitres, 'waterLitres', MAX_WATER_LITRES, 'litres');
    await ctx.db.waterRecord.create({ data: { tenantId: batch.tenantId, batchId: batch.id, recordedOn, waterMillilitres } });
    return batch;
  },

  recordHealth: async (_parent, { input }, ctx) => {
    const batch = await findTenantBatch(ctx.db, callerTenantId(ctx), input.batchId);
    const recordedOn = requireRecordDay(batch, input.recordedOn, 'recordedOn');
    const sickCount = requireCount(input.sickCount, 'sickCount', 0, MAX_HEAD_COUNT);
    const treatedCount = requireCount(input.treatedCount, 'treatedCount', 0, MAX_HEAD_COUNT);
    if (sickCount + treatedCount === 0) throw badInput('sickCount, treatedCount: expected at least one animal sick or treated', 'sickCount');
    const treatment = optionalNote(input.treatment, 'treatment', MAX_NOTE_LENGTH);
    await ctx.db.healthRecord.create({ data: { tenantId: batch.tenantId, batchId: batch.id, recordedOn, sickCount, treatedCount, treatment } });
    return batch;
  },

  recordDepletion: async (_parent, { input }, ctx) => {
    const batch = await findTenantBatch(ctx.db, callerTenantId(ctx), input.batchId);
    const depletedOn = requireRecordDay(batch, input.depletedOn, 'depletedOn');
    const headCount = requireCount(input.headCount, 'headCount', 1, MAX_HEAD_COUNT);
    const totalLiveWeightGrams = requireThousandths(input.totalLiveWeightKg, 'totalLiveWeightKg', MAX_TOTAL_WEIGHT_KG, 'kg');
    await removeAnimals(ctx.db, batch, headCount, (tx) =>
      tx.depletionRecord.create({ data: { tenantId: batch.tenantId, batchId: batch.id, depletedOn, headCount, totalLiveWeightGrams } }),
    );
    ctx.log.info({ batchId: batch.id, headCount }, 'depletion recorded');
    return batch;
  },

  recordWeighSession: async (_parent, { batchId, weightsKg, weighedOn }, ctx) => {
    const tenantId = callerTenantId(ctx);
    await recordWeighSamples(ctx.db, { tenantId, batchId, weighedOn, weightsKg, source: 'MANUAL' });
    return findTenantBatch(ctx.db, tenantId, batchId);
  },

  setTargetCurve: (_parent, { input }, ctx) => setTargetCurve(ctx.db, callerTenantId(ctx), input),

  openWeighSession: (_parent, { input }, ctx) => openWeighSession({ ...deps, db: ctx.db }, callerTenantId(ctx), input),
  recordSessionWeights: (_parent, { sessionId, weightsKg }, ctx) => recordSessionWeights({ ...deps, db: ctx.db }, callerTenantId(ctx), sessionId, weightsKg),
  finalizeWeighSession: (_parent, { sessionId }, ctx) => endWeighSession({ ...deps, db: ctx.db }, callerTenantId(ctx), sessionId, 'session.finalized'),
  cancelWeighSession: (_parent, { sessionId }, ctx) => endWeighSession({ ...deps, db: ctx.db }, callerTenantId(ctx), sessionId, 'session.cancelled'),
});

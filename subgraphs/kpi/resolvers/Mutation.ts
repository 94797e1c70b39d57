import type { MutationResolvers } from '../__generated__/resolvers-types';
import { badInput } from '../../../lib/errors';
import { callerTenantId } from '../../../lib/auth/tenantScope';
import { requireNumberInRange, requireUuid } from '../../../lib/validation';
import { kilogramsToGrams } from '../weight';

export const MAX_HEAD_COUNT = 1_000_000;
export const MAX_PLACEMENT_WEIGHT_KG = 500;

export const Mutation: MutationResolvers = {
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
        species: input.species,
        placedOn: new Date(`${input.placedOn}T00:00:00Z`),
        headCountPlaced: input.headCountPlaced,
        placementWeightGrams,
      },
    });
    ctx.log.info({ batchId: batch.id, farmId: batch.farmId }, 'batch placed');
    return batch;
  },
};

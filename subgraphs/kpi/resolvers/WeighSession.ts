import type { WeighSessionResolvers } from '../__generated__/resolvers-types';
import { dateColumnToDay } from '../formulas/dates';
import { gramsToKilograms } from '../weight';

/** A session row is shown only once its `session.created` arrived (batch, source, day and opening are set then). */
export const WeighSession: WeighSessionResolvers = {
  batch: (session, _args, ctx) => ctx.db.batch.findFirstOrThrow({ where: { id: session.batchId!, tenantId: session.tenantId } }),
  barn: (session) => (session.barnId ? { id: session.barnId } : null),
  source: (session) => session.source!,
  weighedOn: (session) => dateColumnToDay(session.weighedOn!),
  openedAt: (session) => session.openedAt!,
  weightCount: (session) => session.weightsGrams.length,
  weightsKg: (session) => session.weightsGrams.map(gramsToKilograms),
  // Summed in integer grams, divided once.
  meanWeightKg: (session) =>
    session.weightsGrams.length === 0 ? null : gramsToKilograms(session.weightsGrams.reduce((sum, grams) => sum + grams, 0) / session.weightsGrams.length),
};

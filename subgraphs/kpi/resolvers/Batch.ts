import type { BatchResolvers } from '../__generated__/resolvers-types';
import { farmFilter } from '../../../lib/auth/farmScope';
import { tenantOrNull } from '../../../lib/auth/tenantScope';
import { isUuid } from '../../../lib/validation';
import { dailySeriesOf, performanceOf } from '../performance/view';
import { gramsToKilograms } from '../weight';

export const Batch: BatchResolvers = {
  __resolveReference: ({ id }, ctx) => {
    const tenantId = tenantOrNull(ctx);
    return tenantId && isUuid(id) ? ctx.db.batch.findFirst({ where: { id, tenantId, ...farmFilter(ctx) } }) : null;
  },
  farm: (batch) => ({ id: batch.farmId }),
  barn: (batch) => (batch.barnId ? { id: batch.barnId } : null),
  // A DATE column comes back as midnight UTC of that calendar day.
  placedOn: (batch) => batch.placedOn.toISOString().slice(0, 10),
  placementWeightKg: (batch) => gramsToKilograms(batch.placementWeightGrams),
  performance: (batch, { asOf }, ctx) => performanceOf(ctx, batch, asOf),
  dailySeries: (batch, { asOf }, ctx) => dailySeriesOf(ctx, batch, asOf),
};

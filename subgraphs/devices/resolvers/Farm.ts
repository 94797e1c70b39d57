import type { FarmResolvers } from '../__generated__/resolvers-types';
import { tenantOrNull } from '../../../lib/auth/tenantScope';
import { isUuid } from '../../../lib/validation';

export const Farm: FarmResolvers = {
  // Another tenant's farm resolves to null, exactly like a missing one.
  __resolveReference: ({ id }, ctx) => {
    const tenantId = tenantOrNull(ctx);
    return tenantId && isUuid(id) ? ctx.db.farm.findFirst({ where: { id, tenantId } }) : null;
  },
  tenant: (farm) => ({ id: farm.tenantId }),
};

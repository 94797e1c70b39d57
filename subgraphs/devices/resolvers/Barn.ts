import type { BarnResolvers } from '../__generated__/resolvers-types';
import type { SubgraphContext } from '../../../lib/graphql/context';
import { tenantOrNull } from '../../../lib/auth/tenantScope';
import { byKey, requestLoader } from '../../../lib/graphql/requestLoader';
import { isUuid } from '../../../lib/validation';
import { devicePage } from '../deviceQueries';
import { loadFarm } from './Farm';

/** Barns by id within the caller's tenant, one query per request; another tenant's is null. */
export function loadBarn(ctx: SubgraphContext, id: string) {
  const tenantId = tenantOrNull(ctx);
  if (!tenantId || !isUuid(id)) return Promise.resolve(null);
  return requestLoader(ctx, 'barnsById', async (ids) => byKey(ids, await ctx.db.barn.findMany({ where: { id: { in: [...ids] }, tenantId } }), (barn) => barn.id)).load(id);
}

export const Barn: BarnResolvers = {
  __resolveReference: ({ id }, ctx) => loadBarn(ctx, id),
  farm: async (barn, _args, ctx) => (await loadFarm(ctx, barn.farmId))!,
  devices: (barn, { first, after }, ctx) => devicePage(ctx.db, { tenantId: barn.tenantId, barnId: barn.id }, first, after),
};

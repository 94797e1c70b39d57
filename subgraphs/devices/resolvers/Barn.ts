import type { BarnResolvers } from '../__generated__/resolvers-types';
import { farmFilter } from '../../../lib/auth/farmScope';
import type { SubgraphContext } from '../../../lib/graphql/context';
import { loadTenantRow } from '../../../lib/graphql/requestLoader';
import { devicePage } from '../deviceQueries';
import { loadFarm } from './Farm';

/** Barns by id within the caller's tenant, one query per request; another tenant's is null. */
export const loadBarn = (ctx: SubgraphContext, id: string) =>
  loadTenantRow(ctx, 'barnsById', id, (ids, tenantId) => ctx.db.barn.findMany({ where: { id: { in: ids }, tenantId, ...farmFilter(ctx) } }));

export const Barn: BarnResolvers = {
  __resolveReference: ({ id }, ctx) => loadBarn(ctx, id),
  farm: async (barn, _args, ctx) => (await loadFarm(ctx, barn.farmId))!,
  devices: (barn, { first, after }, ctx) => devicePage(ctx.db, { tenantId: barn.tenantId, barnId: barn.id }, first, after),
};

/**
 * A partner's token reads only the farms its tenant granted (`Principal.farmIds`, from a
 * `PartnerGrant`); every other token reads all farms of its tenant. Tenant scoping stays where it
 * is (`tenantScope.ts`); these helpers narrow it to farms, in three places each subgraph has:
 * the id floor (lib/graphql/idArguments.ts `ofCallerTenant`), list queries (`farmFilter`), and
 * entity lookups (`inGrantedFarms`). A kind whose farm nobody can tell is refused to a
 * farm-scoped token (deny by default), never shown whole.
 */
import type { Principal } from './principal';

/** The farms the caller is confined to, or null when it reads every farm of its tenant. */
export const grantedFarmIds = (ctx: { principal: Principal | null }): readonly string[] | null => ctx.principal?.farmIds ?? null;

/** A Prisma `where` fragment on a `farmId` column: nothing for an unconfined caller. */
export function farmFilter(ctx: { principal: Principal | null }): { farmId?: { in: string[] } } {
  const farms = grantedFarmIds(ctx);
  return farms ? { farmId: { in: [...farms] } } : {};
}

/** True when the caller may read rows of `farmId` (null: a row under no farm, e.g. an unplaced device). */
export function inGrantedFarms(ctx: { principal: Principal | null }, farmId: string | null | undefined): boolean {
  const farms = grantedFarmIds(ctx);
  return farms === null || (typeof farmId === 'string' && farms.includes(farmId));
}

/** The same on a farm's own `id`. */
export function farmIdFilter(ctx: { principal: Principal | null }): { id?: { in: string[] } } {
  const farms = grantedFarmIds(ctx);
  return farms ? { id: { in: [...farms] } } : {};
}

/** `ids` narrowed to the granted farms (a farm lookup by id). */
export function farmIdsIn(ctx: { principal: Principal | null }, ids: readonly string[]): string[] {
  const farms = grantedFarmIds(ctx);
  return farms ? ids.filter((id) => farms.includes(id)) : [...ids];
}

/** A device's farm is its barn's: an unplaced device is under no farm, so never a confined caller's. */
export function deviceFarmFilter(ctx: { principal: Principal | null }): { barn?: { farmId: { in: string[] } } } {
  const farms = grantedFarmIds(ctx);
  return farms ? { barn: { farmId: { in: [...farms] } } } : {};
}

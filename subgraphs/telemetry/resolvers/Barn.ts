import type { BarnResolvers } from '../__generated__/resolvers-types';
import { tenantOrNull } from '../../../lib/auth/tenantScope';
import { METRICS_BY_KIND } from '../../../lib/deviceKinds';
import { firstIdsPerGroup } from '../../../lib/db/firstPerGroup';
import { groupByKey, requestLoader } from '../../../lib/graphql/requestLoader';
import { isUuid, MAX_PAGE_SIZE } from '../../../lib/validation';
import { devicesInBarn } from '../topology';
import type { TelemetryDependencies } from '../dependencies';
import { latestReadings, type ReadingModel } from '../readings/readingQueries';

const CLIMATE_METRICS = METRICS_BY_KIND.CLIMATE.map((definition) => definition.name);
/** Older readings say nothing about the climate now. */
const CURRENT_WINDOW_MS = 60 * 60 * 1000;
const RULES_BY_BARN = { table: '"telemetry"."alert_rule"', groupColumn: 'barn_id', orderBy: 'created_at, id' };

export const createBarn = (deps: TelemetryDependencies): BarnResolvers => ({
  __resolveReference: ({ id }) => ({ id }),
  currentClimate: async (barn, _args, ctx) => {
    const tenantId = tenantOrNull(ctx);
    if (!tenantId || !isUuid(barn.id)) return [];
    const deviceIds = await devicesInBarn(ctx.db, tenantId, barn.id);
    const pairs = deviceIds.flatMap((deviceId) => CLIMATE_METRICS.map((metric) => ({ deviceId, metric })));
    const readings = await latestReadings(deps.sql, tenantId, pairs, new Date(deps.now().getTime() - CURRENT_WINDOW_MS));
    // The newest of each metric across the barn's devices, in the kind's metric order.
    const newest = new Map<string, ReadingModel>();
    for (const reading of readings) {
      const current = newest.get(reading.metric);
      if (!current || reading.observedAt > current.observedAt) newest.set(reading.metric, reading);
    }
    return CLIMATE_METRICS.flatMap((metric) => (newest.has(metric) ? [newest.get(metric)!] : []));
  },
  alertRules: (barn, _args, ctx) => {
    const tenantId = tenantOrNull(ctx);
    if (!tenantId || !isUuid(barn.id)) return [];
    return requestLoader(ctx, 'alertRulesByBarn', async (barnIds) => {
      const ids = await firstIdsPerGroup(ctx.db, RULES_BY_BARN, tenantId, barnIds, MAX_PAGE_SIZE);
      const rows = await ctx.db.alertRule.findMany({ where: { id: { in: ids } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
      return groupByKey(barnIds, rows, (row) => row.barnId!);
    }).load(barn.id);
  },
});

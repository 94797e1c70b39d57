import { auditActorOf, auditRead } from '../../../lib/audit/auditEvents';
import type { QueryResolvers } from '../__generated__/resolvers-types';
import { farmFilter, inGrantedFarms } from '../../../lib/auth/farmScope';
import { callerTenantId } from '../../../lib/auth/tenantScope';
import { notFound } from '../../../lib/errors';
import { isUuid, requirePageSize, requireUuid } from '../../../lib/validation';
import { farmTimeZone } from '../topology';
import { listAlerts } from '../alerts/alertQueries';
import type { TelemetryDependencies } from '../dependencies';
import { unitOf } from '../../../lib/deviceKinds';
import { requireTenantDevice } from '../readings/deviceAccess';
import { bucketedSeries, readingPage, readingsCsv } from '../readings/readingQueries';
import { requireMetricName } from '../metricName';

export const createQuery = (deps: TelemetryDependencies): QueryResolvers => ({
  alertRule: async (_parent, { id }, ctx) => {
    const tenantId = callerTenantId(ctx);
    const rule = isUuid(id) ? await ctx.db.alertRule.findFirst({ where: { id, tenantId, ...farmFilter(ctx) } }) : null;
    return rule ?? Promise.reject(notFound('Alert rule'));
  },
  readingSeries: async (_parent, { deviceId, metric, from, to, interval }, ctx) => {
    const tenantId = callerTenantId(ctx);
    const device = await requireTenantDevice(ctx, tenantId, requireUuid(deviceId, 'deviceId'), requireMetricName(metric));
    const buckets = await bucketedSeries(deps.sql, { tenantId, deviceId: device.deviceId, metric, from, to, interval, timeZone: device.farmTimeZone });
    return { deviceId: device.deviceId, metric, unit: unitOf(metric), interval, timeZone: device.farmTimeZone, buckets };
  },
  readings: async (_parent, { deviceId, metric, from, to, first, after }, ctx) => {
    const tenantId = callerTenantId(ctx);
    const device = await requireTenantDevice(ctx, tenantId, requireUuid(deviceId, 'deviceId'), metric ? requireMetricName(metric) : null);
    return readingPage(deps.sql, {
      tenantId,
      deviceId: device.deviceId,
      metric: metric ?? null,
      from,
      to,
      first: requirePageSize(first),
      after: after ?? null,
    });
  },
  readingsCsv: async (_parent, { deviceId, metric, from, to }, ctx) => {
    const tenantId = callerTenantId(ctx);
    const device = await requireTenantDevice(ctx, tenantId, requireUuid(deviceId, 'deviceId'), metric ? requireMetricName(metric) : null);
    const csv = await readingsCsv(deps.sql, { tenantId, deviceId: device.deviceId, metric: metric ?? null, from, to, timeZone: device.farmTimeZone }, unitOf);
    const detail = `${new Date(from).toISOString()}/${new Date(to).toISOString()} barn=${device.barnId}${metric ? ` metric=${metric}` : ''}`;
    await auditRead(ctx.db, auditActorOf(ctx), { action: 'READINGS_EXPORTED', tenantId, targetType: 'Device', targetId: device.deviceId, detail });
    return csv;
  },
  alert: async (_parent, { id }, ctx) => {
    const tenantId = callerTenantId(ctx);
    const alert = isUuid(id) ? await ctx.db.alert.findFirst({ where: { id, tenantId, ...farmFilter(ctx) } }) : null;
    return alert ?? Promise.reject(notFound('Alert'));
  },
  alerts: async (_parent, { farmId, status, first, after }, ctx) => {
    const tenantId = callerTenantId(ctx);
    const pageSize = requirePageSize(first);
    // The farm is devices': telemetry's read model of it keeps another tenant's farm NOT_FOUND.
    if (!isUuid(farmId) || !inGrantedFarms(ctx, farmId.toLowerCase()) || (await farmTimeZone(ctx.db, tenantId, farmId.toLowerCase())) === null)
      throw notFound('Farm');
    return listAlerts(ctx.db, { tenantId, farmId: farmId.toLowerCase(), status: status ?? null }, pageSize, after ?? null);
  },
});

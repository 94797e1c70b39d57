import type { QueryResolvers } from '../__generated__/resolvers-types';
import { callerTenantId } from '../../../lib/auth/tenantScope';
import { notFound } from '../../../lib/errors';
import { isUuid, requirePageSize } from '../../../lib/validation';
import { farmTimeZone } from '../../devices/registry';
import { listAlerts } from '../alerts/alertQueries';

export const createQuery = (): QueryResolvers => ({
  alertRule: async (_parent, { id }, ctx) => {
    const tenantId = callerTenantId(ctx);
    const rule = isUuid(id) ? await ctx.db.alertRule.findFirst({ where: { id, tenantId } }) : null;
    return rule ?? Promise.reject(notFound('Alert rule'));
  },
  alert: async (_parent, { id }, ctx) => {
    const tenantId = callerTenantId(ctx);
    const alert = isUuid(id) ? await ctx.db.alert.findFirst({ where: { id, tenantId } }) : null;
    return alert ?? Promise.reject(notFound('Alert'));
  },
  alerts: async (_parent, { farmId, status, first, after }, ctx) => {
    const tenantId = callerTenantId(ctx);
    const pageSize = requirePageSize(first);
    // The farm is devices' to know: asking its registry keeps another tenant's farm NOT_FOUND.
    if (!isUuid(farmId) || (await farmTimeZone(ctx.db, tenantId, farmId.toLowerCase())) === null) throw notFound('Farm');
    return listAlerts(ctx.db, { tenantId, farmId: farmId.toLowerCase(), status: status ?? null }, pageSize, after ?? null);
  },
});

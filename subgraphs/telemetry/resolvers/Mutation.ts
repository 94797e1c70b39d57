import type { MutationResolvers } from '../__generated__/resolvers-types';
import { callerTenantId } from '../../../lib/auth/tenantScope';
import { notFound } from '../../../lib/errors';
import { isUuid, requireUuid } from '../../../lib/validation';
import { barnOfTenant } from '../topology';
import { publishChanges, resetRule } from '../alerts/alertStore';
import { requireKnownMetric, requireRuleSettings } from '../alerts/ruleInput';
import type { TelemetryDependencies } from '../dependencies';

export const createMutation = (deps: TelemetryDependencies): MutationResolvers => ({
  createAlertRule: async (_parent, { input }, ctx) => {
    const tenantId = callerTenantId(ctx);
    const metric = requireKnownMetric(input.metric);
    const settings = requireRuleSettings(metric, {
      comparison: input.comparison,
      threshold: input.threshold,
      clearThreshold: input.clearThreshold ?? input.threshold,
      minDurationSeconds: input.minDurationSeconds ?? 0,
    });
    const barn = await barnOfTenant(ctx.db, tenantId, requireUuid(input.barnId, 'barnId'));
    if (!barn) throw notFound('Barn');
    const rule = await ctx.db.alertRule.create({ data: { tenantId, farmId: barn.farmId, barnId: barn.barnId, metric: metric.name, ...settings } });
    ctx.log.info({ alertRuleId: rule.id, barnId: rule.barnId }, 'alert rule created');
    return rule;
  },

  updateAlertRule: async (_parent, { id, input }, ctx) => {
    const tenantId = callerTenantId(ctx);
    const rule = isUuid(id) ? await ctx.db.alertRule.findFirst({ where: { id, tenantId } }) : null;
    if (!rule) throw notFound('Alert rule');
    const settings = requireRuleSettings(requireKnownMetric(rule.metric), {
      comparison: input.comparison ?? rule.comparison,
      threshold: input.threshold ?? rule.threshold,
      clearThreshold: input.clearThreshold ?? rule.clearThreshold ?? input.threshold ?? rule.threshold,
      minDurationSeconds: input.minDurationSeconds ?? rule.minDurationSeconds,
    });
    const updated = await ctx.db.alertRule.update({ where: { id: rule.id }, data: { ...settings, enabled: input.enabled ?? rule.enabled } });
    // What the rule said under its old settings no longer stands: its alert clears, evaluation restarts.
    await publishChanges(deps.pubsub, await resetRule(ctx.db, rule.id, deps.now()));
    ctx.log.info({ alertRuleId: rule.id }, 'alert rule updated');
    return updated;
  },

  deleteAlertRule: async (_parent, { id }, ctx) => {
    const tenantId = callerTenantId(ctx);
    const rule = isUuid(id) ? await ctx.db.alertRule.findFirst({ where: { id, tenantId } }) : null;
    if (!rule) throw notFound('Alert rule');
    const changes = await resetRule(ctx.db, rule.id, deps.now());
    await ctx.db.alertRule.delete({ where: { id: rule.id } });
    await publishChanges(deps.pubsub, changes);
    ctx.log.info({ alertRuleId: rule.id }, 'alert rule deleted');
    return rule.id;
  },

  acknowledgeAlert: async (_parent, { id }, ctx) => {
    const tenantId = callerTenantId(ctx);
    const alert = isUuid(id) ? await ctx.db.alert.findFirst({ where: { id, tenantId } }) : null;
    if (!alert) throw notFound('Alert');
    if (alert.acknowledgedAt) return alert;
    const acknowledged = await ctx.db.alert.update({ where: { id: alert.id }, data: { acknowledgedAt: deps.now(), acknowledgedBy: ctx.principal!.subject } });
    await publishChanges(deps.pubsub, [{ tenantId, farmId: alert.farmId, alertId: alert.id, change: 'ACKNOWLEDGED' }]);
    ctx.log.info({ alertId: alert.id }, 'alert acknowledged');
    return acknowledged;
  },
});

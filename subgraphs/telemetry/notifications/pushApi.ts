import type { MutationResolvers, QueryResolvers } from '../__generated__/resolvers-types';
import { callerTenantId } from '../../../lib/auth/tenantScope';
import { badInput } from '../../../lib/errors';
import { requireText } from '../../../lib/validation';
import type { TelemetryDependencies } from '../dependencies';
import { requireEscalationLevel, requireOwnFarm, requireQuietHours } from './notificationApi';
import { MAX_PUSH_SUBSCRIPTIONS_PER_USER, requireAuthSecret, requireBrowserPublicKey, requirePushEndpoint } from './pushSubscriptionInput';

/** An endpoint as registerPushSubscription stored it (URL-normalised). */
function asStored(endpoint: string): string {
  try {
    return new URL(endpoint.trim()).toString();
  } catch {
    return endpoint;
  }
}

/** The key browsers subscribe with; null tells the dashboard Web Push is off here. */
export const createPushQuery = (deps: TelemetryDependencies): Pick<QueryResolvers, 'webPushPublicKey'> => ({
  webPushPublicKey: () => deps.vapidPublicKey ?? null,
});

/**
 * A person's browsers as alert channels (channel PUSH of NotificationSubscription): one row per
 * endpoint, so the same phone registering again (new keys after the browser renewed its
 * subscription, other wishes) replaces its row instead of buzzing twice.
 */
export const createPushMutation = (deps: TelemetryDependencies): Pick<MutationResolvers, 'registerPushSubscription' | 'unregisterPushSubscription'> => ({
  registerPushSubscription: async (_parent, { input }, ctx) => {
    const tenantId = callerTenantId(ctx);
    const userId = ctx.principal!.subject;
    if (!deps.vapidPublicKey) throw badInput('Web Push is off on this server', 'endpoint');
    const endpoint = await requirePushEndpoint(input.endpoint, deps.outbound);
    const keys = { pushP256dh: requireBrowserPublicKey(input.p256dh), pushAuth: requireAuthSecret(input.auth) };
    const deviceLabel = input.deviceLabel === null || input.deviceLabel === undefined ? null : requireText(input.deviceLabel, 'deviceLabel', 100);
    const farmId = await requireOwnFarm(ctx, tenantId, input.farmId);
    const quiet = requireQuietHours(input.quietHoursStartMinute, input.quietHoursEndMinute);
    const escalationLevel = requireEscalationLevel(ctx, input.escalationLevel);
    const mine = { tenantId, userId, channel: 'PUSH' as const };
    const subscription = await ctx.db.$transaction(async (tx) => {
      await tx.notificationSubscription.deleteMany({ where: { ...mine, address: endpoint } });
      if ((await tx.notificationSubscription.count({ where: mine })) >= MAX_PUSH_SUBSCRIPTIONS_PER_USER) {
        throw badInput(`At most ${MAX_PUSH_SUBSCRIPTIONS_PER_USER} browsers per person; remove one first`, 'endpoint');
      }
      return tx.notificationSubscription.create({
        data: {
          ...mine,
          farmId,
          address: endpoint,
          ...keys,
          deviceLabel,
          language: (input.language ?? 'EN').toLowerCase(),
          minSeverity: input.minSeverity ?? 'WARNING',
          escalationLevel,
          ...quiet,
        },
      });
    });
    ctx.log.info({ subscriptionId: subscription.id }, 'push subscription registered');
    return subscription;
  },

  unregisterPushSubscription: async (_parent, { endpoint }, ctx) => {
    const removed = await ctx.db.notificationSubscription.deleteMany({
      where: { tenantId: callerTenantId(ctx), userId: ctx.principal!.subject, channel: 'PUSH', address: { in: [endpoint, asStored(endpoint)] } },
    });
    return removed.count > 0;
  },
});

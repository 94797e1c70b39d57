import { randomBytes, randomUUID } from 'node:crypto';
import type {
  MutationResolvers,
  NotificationDeliveryResolvers,
  NotificationSubscriptionResolvers,
  QueryResolvers,
  WebhookEndpointResolvers,
} from '../__generated__/resolvers-types';
import { callerTenantId } from '../../../lib/auth/tenantScope';
import { badInput, notFound } from '../../../lib/errors';
import type { SubgraphContext } from '../../../lib/graphql/context';
import { isUuid, requirePageSize, requireText } from '../../../lib/validation';
import { farmTimeZone } from '../topology';
import type { TelemetryDependencies } from '../dependencies';
import { DEFAULT_ESCALATE_AFTER_MINUTES } from './enqueue';
import { applySilencePolicy, silencePolicyOf } from '../presence/farmSilencePolicy';
import { MAX_GAP_MULTIPLIER, MAX_SILENCE_MINUTES, MIN_GAP_MULTIPLIER, MIN_SILENCE_MINUTES } from '../presence/silenceWindow';
import { checkOutboundUrl, OutboundRefused, type OutboundPolicy } from '../../../lib/net/publicAddress';

/** The context a webhook endpoint's secret is sealed in: a sealed secret moved to another row does not open. */
export const webhookSecretContext = (endpointId: string) => `webhook-endpoint:${endpointId}`;

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/** A farm of the caller's tenant (in telemetry's topology read model), or NOT_FOUND; null stays null (every farm). */
export async function requireOwnFarm(ctx: SubgraphContext, tenantId: string, farmId: string | null | undefined): Promise<string | null> {
  if (farmId === null || farmId === undefined) return null;
  const id = farmId.toLowerCase();
  if (!isUuid(id) || (await farmTimeZone(ctx.db, tenantId, id)) === null) throw notFound('Farm');
  return id;
}

export function requireQuietHours(
  start: number | null | undefined,
  end: number | null | undefined,
): { quietStartMinute: number | null; quietEndMinute: number | null } {
  const given = [start, end].filter((value) => value !== null && value !== undefined);
  if (given.length === 0) return { quietStartMinute: null, quietEndMinute: null };
  if (given.length === 1) throw badInput('Give both quietHoursStartMinute and quietHoursEndMinute, or neither', 'quietHoursEndMinute');
  for (const [value, field] of [
    [start!, 'quietHoursStartMinute'],
    [end!, 'quietHoursEndMinute'],
  ] as const) {
    if (!Number.isInteger(value) || value < 0 || value > 1439) throw badInput(`${field} must be 0 to 1439 (minutes after midnight), got ${value}`, field);
  }
  return { quietStartMinute: start!, quietEndMinute: end! };
}

/** An absolute http(s) URL without credentials whose host is public now (the worker checks again at every delivery). */
async function requireWebhookUrl(raw: string, policy: OutboundPolicy): Promise<string> {
  const text = requireText(raw, 'url', 2000);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badInput('url must be an absolute http(s) URL', 'url');
  }
  if (url.username || url.password) throw badInput('url must not carry credentials; verify the farmiq-signature header instead', 'url');
  try {
    await checkOutboundUrl(url, policy);
  } catch (error) {
    if (error instanceof OutboundRefused) throw badInput(error.message, 'url');
    throw error;
  }
  return url.toString();
}

/** The level given (0 to 2), or the role's: a tenant admin hears when the farm's people have not acknowledged. */
export function requireEscalationLevel(ctx: SubgraphContext, given: number | null | undefined): number {
  const escalationLevel = given ?? (ctx.principal!.roles.includes('TENANT_ADMIN') ? 1 : 0);
  if (!Number.isInteger(escalationLevel) || escalationLevel < 0 || escalationLevel > 2)
    throw badInput(`escalationLevel must be 0, 1 or 2, got ${escalationLevel}`, 'escalationLevel');
  return escalationLevel;
}

async function ownEndpoint(ctx: SubgraphContext, id: string) {
  const tenantId = callerTenantId(ctx);
  const endpoint = isUuid(id) ? await ctx.db.webhookEndpoint.findFirst({ where: { id: id.toLowerCase(), tenantId } }) : null;
  if (!endpoint) throw notFound('Webhook endpoint');
  return endpoint;
}

async function farmSettings(ctx: SubgraphContext, tenantId: string, farmId: string) {
  const settings = await ctx.db.farmNotificationSettings.findFirst({ where: { farmId, tenantId } });
  const silence = silencePolicyOf(settings);
  return {
    farm: { id: farmId },
    escalateAfterMinutes: settings?.escalateAfterMinutes ?? DEFAULT_ESCALATE_AFTER_MINUTES,
    silenceGapMultiplier: silence.gapMultiplier,
    silenceMinMinutes: silence.minSeconds / 60,
  };
}

export const notificationQuery: Pick<
  QueryResolvers,
  'myNotificationSubscriptions' | 'webhookEndpoints' | 'notificationDeliveries' | 'farmNotificationSettings'
> = {
  farmNotificationSettings: async (_parent, { farmId }, ctx) => {
    const tenantId = callerTenantId(ctx);
    return farmSettings(ctx, tenantId, (await requireOwnFarm(ctx, tenantId, farmId))!);
  },
  myNotificationSubscriptions: (_parent, _args, ctx) =>
    ctx.db.notificationSubscription.findMany({ where: { tenantId: callerTenantId(ctx), userId: ctx.principal!.subject }, orderBy: { createdAt: 'asc' } }),
  webhookEndpoints: (_parent, _args, ctx) => ctx.db.webhookEndpoint.findMany({ where: { tenantId: callerTenantId(ctx) }, orderBy: { createdAt: 'asc' } }),
  notificationDeliveries: (_parent, { first, status }, ctx) =>
    ctx.db.notificationDelivery.findMany({
      where: { tenantId: callerTenantId(ctx), ...(status ? { status } : {}) },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      take: requirePageSize(first),
    }),
};

export const createNotificationMutation = (
  deps: TelemetryDependencies,
): Pick<
  MutationResolvers,
  | 'subscribeToAlerts'
  | 'unsubscribeFromAlerts'
  | 'createWebhookEndpoint'
  | 'deleteWebhookEndpoint'
  | 'enableWebhookEndpoint'
  | 'setFarmEscalation'
  | 'setFarmSilenceThreshold'
> => ({
  setFarmSilenceThreshold: async (_parent, { farmId, gapMultiplier, minMinutes }, ctx) => {
    const tenantId = callerTenantId(ctx);
    const id = (await requireOwnFarm(ctx, tenantId, farmId))!;
    const multiplier = gapMultiplier ?? null;
    const minimum = minMinutes ?? null;
    if (multiplier !== null && (!Number.isFinite(multiplier) || multiplier < MIN_GAP_MULTIPLIER || multiplier > MAX_GAP_MULTIPLIER)) {
      throw badInput(`gapMultiplier must be ${MIN_GAP_MULTIPLIER} to ${MAX_GAP_MULTIPLIER} (usual gaps between reports), got ${multiplier}`, 'gapMultiplier');
    }
    if (minimum !== null && (!Number.isInteger(minimum) || minimum < MIN_SILENCE_MINUTES || minimum > MAX_SILENCE_MINUTES)) {
      throw badInput(`minMinutes must be ${MIN_SILENCE_MINUTES} to ${MAX_SILENCE_MINUTES}, got ${minimum}`, 'minMinutes');
    }
    const data = { silenceGapMultiplier: multiplier, silenceMinMinutes: minimum };
    const changed = await ctx.db.$transaction(async (tx) => {
      await tx.farmNotificationSettings.upsert({ where: { farmId: id }, create: { farmId: id, tenantId, ...data }, update: data });
      return applySilencePolicy(tx, id, silencePolicyOf(data));
    });
    ctx.log.info({ farmId: id, gapMultiplier: multiplier, minMinutes: minimum, devicesChanged: changed }, 'farm silence threshold set');
    return farmSettings(ctx, tenantId, id);
  },

  setFarmEscalation: async (_parent, { farmId, escalateAfterMinutes }, ctx) => {
    const tenantId = callerTenantId(ctx);
    const id = (await requireOwnFarm(ctx, tenantId, farmId))!;
    if (!Number.isInteger(escalateAfterMinutes) || escalateAfterMinutes < 1 || escalateAfterMinutes > 1440) {
      throw badInput(`escalateAfterMinutes must be 1 to 1440, got ${escalateAfterMinutes}`, 'escalateAfterMinutes');
    }
    await ctx.db.farmNotificationSettings.upsert({
      where: { farmId: id },
      create: { farmId: id, tenantId, escalateAfterMinutes },
      update: { escalateAfterMinutes },
    });
    return farmSettings(ctx, tenantId, id);
  },

  subscribeToAlerts: async (_parent, { input }, ctx) => {
    const tenantId = callerTenantId(ctx);
    if (input.channel !== 'EMAIL')
      throw badInput(
        'subscribeToAlerts takes EMAIL; a browser registers with registerPushSubscription, a tenant admin adds webhooks with createWebhookEndpoint',
        'channel',
      );
    const address = requireText(input.address, 'address', 254).trim();
    if (!EMAIL.test(address)) throw badInput('address must be an email address', 'address');
    const farmId = await requireOwnFarm(ctx, tenantId, input.farmId);
    const quiet = requireQuietHours(input.quietHoursStartMinute, input.quietHoursEndMinute);
    const escalationLevel = requireEscalationLevel(ctx, input.escalationLevel);
    const subscription = await ctx.db.notificationSubscription.create({
      data: {
        tenantId,
        userId: ctx.principal!.subject,
        farmId,
        channel: 'EMAIL',
        address,
        language: (input.language ?? 'EN').toLowerCase(),
        minSeverity: input.minSeverity ?? 'WARNING',
        escalationLevel,
        ...quiet,
      },
    });
    ctx.log.info({ subscriptionId: subscription.id }, 'alert subscription created');
    return subscription;
  },

  unsubscribeFromAlerts: async (_parent, { id }, ctx) => {
    const tenantId = callerTenantId(ctx);
    const removed = isUuid(id)
      ? await ctx.db.notificationSubscription.deleteMany({ where: { id: id.toLowerCase(), tenantId, userId: ctx.principal!.subject } })
      : { count: 0 };
    if (removed.count === 0) throw notFound('Subscription');
    return id.toLowerCase();
  },

  createWebhookEndpoint: async (_parent, { input }, ctx) => {
    const tenantId = callerTenantId(ctx);
    const farmId = await requireOwnFarm(ctx, tenantId, input.farmId);
    const url = await requireWebhookUrl(input.url, deps.outbound);
    const id = randomUUID();
    const secret = `whsec_${randomBytes(32).toString('base64url')}`;
    const endpoint = await ctx.db.webhookEndpoint.create({
      data: { id, tenantId, farmId, url, minSeverity: input.minSeverity ?? 'WARNING', secretSealed: deps.secretBox.seal(secret, webhookSecretContext(id)) },
    });
    ctx.log.info({ webhookEndpointId: id }, 'webhook endpoint created');
    return { endpoint, secret };
  },

  deleteWebhookEndpoint: async (_parent, { id }, ctx) => {
    const endpoint = await ownEndpoint(ctx, id);
    // Its pending deliveries give up when the worker finds the endpoint gone.
    await ctx.db.webhookEndpoint.delete({ where: { id: endpoint.id } });
    return endpoint.id;
  },

  enableWebhookEndpoint: async (_parent, { id }, ctx) => {
    const endpoint = await ownEndpoint(ctx, id);
    return ctx.db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { disabledAt: null } });
  },
});

const farmRef = (farmId: string | null) => (farmId ? { id: farmId } : null);

export const NotificationSubscription: NotificationSubscriptionResolvers = {
  language: (subscription) => (subscription.language === 'th' ? 'TH' : 'EN'),
  farm: (subscription) => farmRef(subscription.farmId),
  quietHours: (subscription) =>
    subscription.quietStartMinute !== null && subscription.quietEndMinute !== null
      ? { startMinute: subscription.quietStartMinute, endMinute: subscription.quietEndMinute }
      : null,
};

export const WebhookEndpoint: WebhookEndpointResolvers = {
  farm: (endpoint) => farmRef(endpoint.farmId),
  enabled: (endpoint) => endpoint.disabledAt === null,
};

export const NotificationDelivery: NotificationDeliveryResolvers = {
  alert: async (delivery, _args, ctx) => (await ctx.db.alert.findFirst({ where: { id: delivery.alertId, tenantId: delivery.tenantId } }))!,
  webhookEndpoint: (delivery, _args, ctx) =>
    delivery.webhookEndpointId ? ctx.db.webhookEndpoint.findFirst({ where: { id: delivery.webhookEndpointId, tenantId: delivery.tenantId } }) : null,
};

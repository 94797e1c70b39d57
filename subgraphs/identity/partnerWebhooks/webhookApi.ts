import { recordAudit } from '../audit/auditLog';
import { randomBytes, randomUUID } from 'node:crypto';
import type { SecretBox } from '../../../lib/crypto/secretBox';
import { badInput, notFound } from '../../../lib/errors';
import type { SubgraphContext } from '../../../lib/graphql/context';
import { isUuid, requirePageSize, requireText } from '../../../lib/validation';
import type { CreatePartnerWebhookInput } from '../__generated__/resolvers-types';
import { partnerWebhookSecretContext } from './deliveryWorker';

/** At most this many webhooks per client. */
export const MAX_WEBHOOKS_PER_CLIENT = 10;

/** An absolute http(s) URL without credentials; https only in production. */
function requireWebhookUrl(raw: string, production: boolean): string {
  const text = requireText(raw, 'url', 2000);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badInput('url must be an absolute http(s) URL', 'url');
  }
  if (url.protocol !== 'https:' && (production || url.protocol !== 'http:')) throw badInput(`url must be an ${production ? 'https' : 'http(s)'} URL`, 'url');
  if (url.username || url.password) throw badInput('url must not carry credentials; verify the farmiq-signature header instead', 'url');
  return url.toString();
}

/** The calling partner client's id (shield lets only PARTNER tokens here). */
const callerClient = (ctx: SubgraphContext) => ctx.principal!.subject;

export async function createPartnerWebhook(ctx: SubgraphContext, secretBox: SecretBox, input: CreatePartnerWebhookInput, production: boolean) {
  const url = requireWebhookUrl(input.url, production);
  const events = [...new Set(input.events)];
  if (events.length === 0) throw badInput('events: name at least one', 'events');
  const clientId = callerClient(ctx);
  if ((await ctx.db.partnerWebhook.count({ where: { clientId, disabledAt: null } })) >= MAX_WEBHOOKS_PER_CLIENT)
    throw badInput(`at most ${MAX_WEBHOOKS_PER_CLIENT} webhooks per client`, 'url');
  const id = randomUUID();
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  const webhook = await ctx.db.partnerWebhook.create({
    data: { id, clientId, url, events, secretSealed: secretBox.seal(secret, partnerWebhookSecretContext(id)) },
  });
  ctx.log.info({ partnerWebhookId: id, apiClientId: clientId, events }, 'partner webhook created');
  await recordAudit(ctx, {
    action: 'PARTNER_WEBHOOK_CREATED',
    tenantId: ctx.principal!.tenantId,
    targetType: 'PartnerWebhook',
    targetId: id,
    detail: `host=${new URL(url).host}`,
  }); // the host only: a URL's path or query may carry a token
  return { webhook, secret };
}

/** Removes one of the caller's webhooks with what it had still to send; another client's is NOT_FOUND, like a missing one. */
export async function deletePartnerWebhook(ctx: SubgraphContext, id: string): Promise<string> {
  const webhookId = id.toLowerCase();
  const owned = isUuid(id) ? await ctx.db.partnerWebhook.findFirst({ where: { id: webhookId, clientId: callerClient(ctx) } }) : null;
  if (!owned) throw notFound('Partner webhook');
  await ctx.db.$transaction([
    ctx.db.partnerWebhookDelivery.deleteMany({ where: { webhookId, status: 'PENDING' } }),
    ctx.db.partnerWebhook.delete({ where: { id: webhookId } }),
  ]);
  await recordAudit(ctx, { action: 'PARTNER_WEBHOOK_DELETED', tenantId: ctx.principal!.tenantId, targetType: 'PartnerWebhook', targetId: webhookId });
  return webhookId;
}

export const partnerWebhooks = (ctx: SubgraphContext) =>
  ctx.db.partnerWebhook.findMany({ where: { clientId: callerClient(ctx) }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });

export const partnerWebhookDeliveries = (ctx: SubgraphContext, first: number) =>
  ctx.db.partnerWebhookDelivery.findMany({
    where: { clientId: callerClient(ctx) },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    take: requirePageSize(first),
  });

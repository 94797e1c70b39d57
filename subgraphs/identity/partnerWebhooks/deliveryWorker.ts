import type { SecretBox } from '../../../lib/crypto/secretBox';
import type { PrismaClient } from '../../../lib/db/database';
import type { Logger } from '../../../lib/logger';
import { startDeliveryWorker, type DeliveryOutcome, type DeliveryWorker } from '../../../lib/delivery/deliveryWorker';
import { sendWebhook } from '../../../lib/delivery/webhookSender';
import type { OutboundPolicy } from '../../../lib/net/publicAddress';
import { clientsToTell } from './audience';
import type { PartnerEvent } from './partnerEvents';
import { WIRE_TYPES } from './partnerEvents';

/** How often due deliveries are looked for. */
export const PARTNER_WEBHOOK_POLL_MS = 1_000;
export const partnerWebhookSecretContext = (webhookId: string) => `partner-webhook:${webhookId}`;

/** What a partner's endpoint receives. */
export interface PartnerWebhookBody {
  deliveryId: string;
  eventId: string;
  type: string;
  tenantId: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

export type PartnerWebhookWorker = DeliveryWorker;

/**
 * Sends partner webhook deliveries through the shared delivery loop (lib/delivery/deliveryWorker.ts:
 * the same claim, lease, backoff and 24-hour retry window as tenants' notifications) and the same
 * signed POST: checks the client may still hear the tenant (a revoked grant stops what was queued),
 * sends, and records the outcome in the delivery log; a webhook failing for 24 hours is disabled.
 */
export function startPartnerWebhookWorker(options: {
  db: PrismaClient;
  log: Logger;
  secrets: SecretBox;
  now?: () => Date;
  pollIntervalMs?: number;
  outbound?: OutboundPolicy;
}): PartnerWebhookWorker {
  const { db } = options;

  async function send(id: string, at: Date): Promise<DeliveryOutcome> {
    const delivery = await db.partnerWebhookDelivery.findUniqueOrThrow({ where: { id } });
    const webhook = await db.partnerWebhook.findUnique({ where: { id: delivery.webhookId } });
    if (!webhook) return { kind: 'gave-up', reason: 'the webhook was removed' };
    if (webhook.disabledAt) return { kind: 'gave-up', reason: 'the webhook is disabled' };
    const payload = delivery.payload as { type: PartnerEvent['type']; occurredAt: string; data: Record<string, unknown> };
    const scope = { ALERT_RAISED: 'telemetry:read', ALERT_CLEARED: 'telemetry:read', BATCH_CLOSED: 'kpi:read', INVOICE_ISSUED: 'billing:read' }[payload.type];
    const farmId = ((Object.values(payload.data)[0] ?? {}) as { farmId?: string }).farmId ?? null;
    if (!(await clientsToTell(db, { tenantId: delivery.tenantId, farmId, scope })).includes(delivery.clientId))
      return { kind: 'gave-up', reason: 'the client no longer has access to this tenant' };
    const secret = options.secrets.open(webhook.secretSealed, partnerWebhookSecretContext(webhook.id));
    const body: PartnerWebhookBody = {
      deliveryId: delivery.id,
      eventId: delivery.eventId,
      type: WIRE_TYPES[payload.type],
      tenantId: delivery.tenantId,
      occurredAt: payload.occurredAt,
      data: payload.data,
    };
    await sendWebhook(webhook.url, secret, body, at, options.outbound);
    return { kind: 'delivered' };
  }

  /** The partner's admin sees why its webhook failed; after 24 hours of failure it is disabled. */
  async function onFailed(id: string, reason: string, at: Date, final: boolean): Promise<void> {
    const { webhookId } = await db.partnerWebhookDelivery.findUniqueOrThrow({ where: { id }, select: { webhookId: true } });
    await db.partnerWebhook.update({ where: { id: webhookId }, data: { lastFailureAt: at, lastFailureReason: reason } });
    if (final)
      await db.partnerWebhook.updateMany({
        where: { id: webhookId, disabledAt: null },
        data: { disabledAt: at, lastFailureReason: `disabled after failing for 24 hours: ${reason}` },
      });
  }

  return startDeliveryWorker({
    name: 'partner-webhooks',
    table: '"identity"."partner_webhook_delivery"',
    db,
    log: options.log,
    ...(options.now ? { now: options.now } : {}),
    pollIntervalMs: options.pollIntervalMs ?? PARTNER_WEBHOOK_POLL_MS,
    send: (delivery, at) => send(delivery.id, at),
    onFailed: (delivery, reason, at, final) => onFailed(delivery.id, reason, at, final),
  });
}

import type { SecretBox } from '../../../lib/crypto/secretBox';
import type { PrismaClient } from '../../../lib/db/database';
import type { PartnerWebhookDelivery } from '../../../lib/db/generated/client';
import type { Logger } from '../../../lib/logger';
import { retryDelayMs, RETRY_WINDOW_MS } from '../../telemetry/notifications/backoff';
import { sendWebhook } from '../../telemetry/notifications/webhookSender';
import { clientsToTell } from './audience';
import type { PartnerEvent } from './partnerEvents';
import { WIRE_TYPES } from './partnerEvents';

/** How often due deliveries are looked for. */
export const PARTNER_WEBHOOK_POLL_MS = 1_000;
/** A claimed delivery is not tried by anyone else before this passed (a worker that died mid-send). */
const LEASE_MS = 2 * 60_000;
const BATCH = 20;

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

export interface PartnerWebhookWorker {
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Sends partner webhook deliveries with notifications' machinery (the same signed POST, backoff
 * and 24-hour retry window: telemetry/notifications): claims due ones (SKIP LOCKED, so replicas
 * share the table), checks the client may still hear the tenant (a revoked grant stops what was
 * queued), sends, and records the outcome in the delivery log.
 */
export function startPartnerWebhookWorker(options: { db: PrismaClient; log: Logger; secrets: SecretBox; now?: () => Date; pollIntervalMs?: number }): PartnerWebhookWorker {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const log = options.log.child({ component: 'partner-webhooks' });
  let pass: Promise<number> = Promise.resolve(0);
  let stopped = false;

  async function claimDue(): Promise<string[]> {
    const at = now();
    const rows = await db.$queryRawUnsafe<Array<{ id: string }>>(
      `UPDATE "identity"."partner_webhook_delivery" SET next_attempt_at = $2, attempts = attempts + 1
       WHERE id IN (SELECT id FROM "identity"."partner_webhook_delivery" WHERE status = 'PENDING' AND next_attempt_at <= $1
                    ORDER BY next_attempt_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
       RETURNING id::text AS id`,
      at,
      new Date(at.getTime() + LEASE_MS),
    );
    return rows.map((row) => row.id);
  }

  async function deliver(id: string): Promise<void> {
    const delivery = await db.partnerWebhookDelivery.findUniqueOrThrow({ where: { id } });
    const webhook = await db.partnerWebhook.findUnique({ where: { id: delivery.webhookId } });
    if (!webhook) return giveUp(delivery, 'the webhook was removed');
    if (webhook.disabledAt) return giveUp(delivery, 'the webhook is disabled');
    const payload = delivery.payload as { type: PartnerEvent['type']; occurredAt: string; data: Record<string, unknown> };
    const scope = { ALERT_RAISED: 'telemetry:read', ALERT_CLEARED: 'telemetry:read', BATCH_CLOSED: 'kpi:read', INVOICE_ISSUED: 'billing:read' }[payload.type];
    const farmId = ((Object.values(payload.data)[0] ?? {}) as { farmId?: string }).farmId ?? null;
    if (!(await clientsToTell(db, { tenantId: delivery.tenantId, farmId, scope })).includes(delivery.clientId)) return giveUp(delivery, 'the client no longer has access to this tenant');
    const at = now();
    try {
      const secret = options.secrets.open(webhook.secretSealed, partnerWebhookSecretContext(webhook.id));
      const body: PartnerWebhookBody = { deliveryId: delivery.id, eventId: delivery.eventId, type: WIRE_TYPES[payload.type], tenantId: delivery.tenantId, occurredAt: payload.occurredAt, data: payload.data };
      await sendWebhook(webhook.url, secret, body, at);
      await db.partnerWebhookDelivery.update({ where: { id }, data: { status: 'DELIVERED', deliveredAt: now(), lastError: null } });
    } catch (error) {
      await failed(delivery, error instanceof Error ? error.message : String(error));
    }
  }

  async function failed(delivery: PartnerWebhookDelivery, reason: string): Promise<void> {
    const at = now();
    log.warn({ deliveryId: delivery.id, partnerWebhookId: delivery.webhookId, attempts: delivery.attempts, reason }, 'partner webhook delivery failed');
    await db.partnerWebhook.update({ where: { id: delivery.webhookId }, data: { lastFailureAt: at, lastFailureReason: reason } });
    if (at.getTime() - delivery.createdAt.getTime() >= RETRY_WINDOW_MS) {
      await giveUp(delivery, reason);
      await db.partnerWebhook.updateMany({ where: { id: delivery.webhookId, disabledAt: null }, data: { disabledAt: at, lastFailureReason: `disabled after failing for 24 hours: ${reason}` } });
      return;
    }
    await db.partnerWebhookDelivery.update({ where: { id: delivery.id }, data: { lastError: reason, nextAttemptAt: new Date(at.getTime() + retryDelayMs(delivery.attempts)) } });
  }

  const giveUp = async (delivery: PartnerWebhookDelivery, reason: string) => {
    await db.partnerWebhookDelivery.update({ where: { id: delivery.id }, data: { status: 'FAILED', lastError: reason } });
  };

  async function runOnce(): Promise<number> {
    let tried = 0;
    for (;;) {
      const ids = await claimDue();
      for (const id of ids) await deliver(id).catch((error) => log.error({ err: error, deliveryId: id }, 'partner webhook delivery crashed; retried after its lease'));
      tried += ids.length;
      if (ids.length < BATCH) return tried;
    }
  }

  const next = () => {
    pass = pass.then(runOnce).catch((error) => {
      log.error({ err: error }, 'partner webhook pass failed');
      return 0;
    });
    return pass;
  };
  let timer: NodeJS.Timeout | undefined;
  const interval = options.pollIntervalMs ?? PARTNER_WEBHOOK_POLL_MS;
  const tick = () => {
    void next().finally(() => {
      if (!stopped) timer = setTimeout(tick, interval);
    });
  };
  if (interval > 0) timer = setTimeout(tick, interval);
  return {
    runOnce: next,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await pass;
    },
  };
}

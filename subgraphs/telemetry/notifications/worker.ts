import type { PrismaClient } from '../../../lib/db/database';
import type { NotificationDelivery } from '../../../lib/db/generated/client';
import type { SecretBox } from '../../../lib/crypto/secretBox';
import type { Logger } from '../../../lib/logger';
import { farmTimeZone } from '../topology';
import { retryDelayMs, RETRY_WINDOW_MS } from './backoff';
import { escalate, type NotifiedChange } from './enqueue';
import type { Mailer } from '../../../lib/mail/mailer';
import { ACK_LINK_TTL_MS, ackLinkUrl, ackToken } from './ackLink';
import { alertMessage, isLanguage } from './message';
import { quietUntil } from './quietHours';
import { sendWebhook } from './webhookSender';
import type { OutboundPolicy } from '../../../lib/net/publicAddress';
import { webhookSecretContext } from './notificationApi';

export interface NotificationWorkerOptions {
  db: PrismaClient;
  log: Logger;
  /** The product's one mail sender (lib/mail). */
  mail: Mailer;
  /** Opens webhook endpoints' sealed secrets. */
  secrets: SecretBox;
  /** Where emails' acknowledge links point (FARMIQ_PUBLIC_URL, the gateway); none without it. */
  publicUrl?: string;
  /** Which webhook hosts may be called (default: public addresses over https only). */
  outbound?: OutboundPolicy;
  now?: () => Date;
  /** How often due deliveries are looked for (0: only when `runOnce` is called, for tests). */
  pollIntervalMs?: number;
}

export interface NotificationWorker {
  /** Sends every delivery due now; resolves with how many were tried. */
  runOnce(): Promise<number>;
  /** Stops polling and waits for the pass in hand. */
  stop(): Promise<void>;
}

/**
 * A claimed delivery is not tried again by anyone before this has passed: a worker that dies
 * mid-send leaves it to be retried after the lease, with the same delivery id, so the receiver
 * that had already accepted it can drop the copy (at least once, deduplicated by id).
 */
export const LEASE_MS = 2 * 60_000;
const BATCH = 20;

/**
 * Escalates CRITICAL alerts left unacknowledged (enqueue.ts) and delivers what alert changes wrote: claims due ones (SKIP LOCKED,
 * so several workers share the table), holds a WARNING in the recipient's quiet hours, sends,
 * and records the outcome: delivered, retried with exponential backoff, or given up after 24 h
 * (a webhook endpoint is then disabled with the reason).
 */
export function startNotificationWorker(options: NotificationWorkerOptions): NotificationWorker {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const log = options.log.child({ component: 'notifications' });
  let pass: Promise<number> = Promise.resolve(0);
  let stopped = false;

  async function claimDue(): Promise<string[]> {
    const at = now();
    const rows = await db.$queryRawUnsafe<Array<{ id: string }>>(
      `UPDATE "telemetry"."notification_delivery" SET next_attempt_at = $2, attempts = attempts + 1
       WHERE id IN (SELECT id FROM "telemetry"."notification_delivery" WHERE status = 'PENDING' AND next_attempt_at <= $1
                    ORDER BY next_attempt_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
       RETURNING id::text AS id`,
      at,
      new Date(at.getTime() + LEASE_MS),
    );
    return rows.map((row) => row.id);
  }

  async function deliver(id: string): Promise<void> {
    const delivery = await db.notificationDelivery.findUniqueOrThrow({ where: { id } });
    const alert = await db.alert.findUnique({ where: { id: delivery.alertId } });
    if (!alert) return giveUp(delivery, 'the alert no longer exists');
    const at = now();
    try {
      if (delivery.channel === 'EMAIL') {
        const subscription = delivery.subscriptionId ? await db.notificationSubscription.findUnique({ where: { id: delivery.subscriptionId } }) : null;
        if (!subscription) return giveUp(delivery, 'the subscription was removed');
        const timeZone = (await farmTimeZone(db, alert.tenantId, alert.farmId)) ?? 'UTC';
        const holdUntil = delivery.severity === 'CRITICAL' ? null : quietUntil(at, timeZone, subscription.quietStartMinute, subscription.quietEndMinute);
        if (holdUntil) {
          await db.notificationDelivery.update({ where: { id }, data: { nextAttemptAt: holdUntil, attempts: { decrement: 1 } } });
          return;
        }
        const language = isLanguage(subscription.language) ? subscription.language : 'en';
        // A raised or escalated alert nobody acknowledged yet gets a link that acknowledges it as this person.
        const ackUrl =
          options.publicUrl && delivery.change !== 'CLEARED' && alert.status === 'ACTIVE' && !alert.acknowledgedAt
            ? ackLinkUrl(options.publicUrl, ackToken(options.secrets, { alertId: alert.id, tenantId: alert.tenantId, userId: subscription.userId, language, expiresAtMs: at.getTime() + ACK_LINK_TTL_MS }))
            : undefined;
        const message = alertMessage(alert, delivery.change as NotifiedChange, delivery.severity, timeZone, language, ackUrl);
        // Production without SMTP_URL sends nothing: the delivery must not count as delivered.
        if (options.mail.mode === 'none') throw new Error('email is not configured (SMTP_URL is not set)');
        await options.mail.send({ to: subscription.address, id, ...message });
      } else {
        const endpoint = delivery.webhookEndpointId ? await db.webhookEndpoint.findUnique({ where: { id: delivery.webhookEndpointId } }) : null;
        if (!endpoint) return giveUp(delivery, 'the webhook endpoint was removed');
        if (endpoint.disabledAt) return giveUp(delivery, 'the webhook endpoint is disabled');
        const secret = options.secrets.open(endpoint.secretSealed, webhookSecretContext(endpoint.id));
        await sendWebhook(endpoint.url, secret, {
          deliveryId: id,
          type: delivery.change === 'CLEARED' ? 'alert.cleared' : delivery.change === 'RAISED' ? 'alert.raised' : 'alert.escalated',
          alert: {
            id: alert.id,
            farmId: alert.farmId,
            barnId: alert.barnId,
            deviceId: alert.deviceId,
            severity: delivery.severity,
            builtIn: alert.builtIn,
            ruleId: alert.ruleId,
            metric: alert.metric,
            threshold: alert.threshold,
            peakValue: alert.peakValue,
            lastValue: alert.lastValue,
            raisedAt: alert.raisedAt.toISOString(),
            clearedAt: alert.clearedAt?.toISOString() ?? null,
          },
        }, at, options.outbound);
      }
      await db.notificationDelivery.update({ where: { id }, data: { status: 'DELIVERED', deliveredAt: now(), lastError: null } });
    } catch (error) {
      await failed(delivery, error instanceof Error ? error.message : String(error));
    }
  }

  async function failed(delivery: NotificationDelivery, reason: string): Promise<void> {
    const at = now();
    const attempts = delivery.attempts; // already counted by the claim
    log.warn({ deliveryId: delivery.id, channel: delivery.channel, attempts, reason }, 'notification delivery failed');
    if (delivery.webhookEndpointId) {
      await db.webhookEndpoint.update({ where: { id: delivery.webhookEndpointId }, data: { lastFailureAt: at, lastFailureReason: reason } });
    }
    if (at.getTime() - delivery.createdAt.getTime() >= RETRY_WINDOW_MS) return giveUp(delivery, reason, true);
    await db.notificationDelivery.update({ where: { id: delivery.id }, data: { lastError: reason, nextAttemptAt: new Date(at.getTime() + retryDelayMs(attempts)) } });
  }

  async function giveUp(delivery: NotificationDelivery, reason: string, persistentFailure = false): Promise<void> {
    await db.notificationDelivery.update({ where: { id: delivery.id }, data: { status: 'FAILED', lastError: reason } });
    if (persistentFailure && delivery.webhookEndpointId) {
      const why = `disabled after failing for 24 hours: ${reason}`;
      await db.webhookEndpoint.updateMany({ where: { id: delivery.webhookEndpointId, disabledAt: null }, data: { disabledAt: now(), lastFailureReason: why } });
      log.warn({ webhookEndpointId: delivery.webhookEndpointId, reason }, 'webhook endpoint disabled');
    }
  }

  /** Tells the next level of every CRITICAL alert whose escalation time passed unacknowledged. */
  async function escalateDue(): Promise<void> {
    const at = now();
    const due = await db.alertEscalation.findMany({ where: { nextAt: { lte: at } }, select: { alertId: true }, take: 100 });
    for (const { alertId } of due) {
      await db.$transaction((tx) => escalate(tx, alertId, at)).catch((error) => log.error({ err: error, alertId }, 'escalation failed; tried again on the next pass'));
    }
  }

  async function runOnce(): Promise<number> {
    await escalateDue();
    let tried = 0;
    for (;;) {
      const ids = await claimDue();
      for (const id of ids) await deliver(id).catch((error) => log.error({ err: error, deliveryId: id }, 'notification delivery crashed; retried after its lease'));
      tried += ids.length;
      if (ids.length < BATCH) return tried;
    }
  }

  const next = () => {
    pass = pass.then(runOnce).catch((error) => {
      log.error({ err: error }, 'notification pass failed');
      return 0;
    });
    return pass;
  };
  let timer: NodeJS.Timeout | undefined;
  if (options.pollIntervalMs) {
    const tick = () => {
      void next().finally(() => {
        if (!stopped) timer = setTimeout(tick, options.pollIntervalMs);
      });
    };
    timer = setTimeout(tick, options.pollIntervalMs);
  }
  return {
    runOnce: next,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await pass;
    },
  };
}

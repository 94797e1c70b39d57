import type { PrismaClient } from '../../../lib/db/database';
import type { SecretBox } from '../../../lib/crypto/secretBox';
import type { Logger } from '../../../lib/logger';
import { farmTimeZone } from '../topology';
import { DEFAULT_DELIVERY_POLICY, startDeliveryWorker, type DeliveryOutcome, type DeliveryWorker } from '../../../lib/delivery/deliveryWorker';
import { escalate, type NotifiedChange } from './enqueue';
import type { Mailer } from '../../../lib/mail/mailer';
import { ACK_LINK_TTL_MS, ackLinkUrl, ackToken } from './ackLink';
import { alertMessage, alertPushText, isLanguage } from './message';
import { sendPush } from './pushSender';
import type { VapidKeys } from '../../../lib/notifications/vapidKeys';
import { quietUntil } from './quietHours';
import { sendWebhook } from '../../../lib/delivery/webhookSender';
import type { AlertWebhookBody } from './alertWebhookBody';
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
  /** Signs Web Push messages; without them a PUSH delivery fails (and is retried) with the reason. */
  vapid?: VapidKeys;
  /** Which webhook hosts and push services may be called (default: public addresses over https only). */
  outbound?: OutboundPolicy;
  now?: () => Date;
  /** How often due deliveries are looked for (0: only when `runOnce` is called, for tests). */
  pollIntervalMs?: number;
}

export type NotificationWorker = DeliveryWorker;

/**
 * A claimed delivery is not tried again by anyone before this has passed: a worker that dies
 * mid-send leaves it to be retried after the lease, with the same delivery id, so the receiver
 * that had already accepted it can drop the copy (at least once, deduplicated by id).
 */
export const LEASE_MS = DEFAULT_DELIVERY_POLICY.leaseMs;

/**
 * Escalates CRITICAL alerts left unacknowledged (enqueue.ts) and delivers what alert changes
 * wrote, through the shared delivery loop (lib/delivery/deliveryWorker.ts): holds a WARNING in the
 * recipient's quiet hours, sends by email, webhook or Web Push, and records the outcome: delivered,
 * retried with exponential backoff, or given up after 24 h (a webhook endpoint is then disabled
 * with the reason; a browser the push service no longer knows is removed at once).
 */
export function startNotificationWorker(options: NotificationWorkerOptions): NotificationWorker {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const log = options.log.child({ component: 'notifications' });

  async function send(id: string, at: Date): Promise<DeliveryOutcome> {
    const delivery = await db.notificationDelivery.findUniqueOrThrow({ where: { id } });
    const alert = await db.alert.findUnique({ where: { id: delivery.alertId } });
    if (!alert) return { kind: 'gave-up', reason: 'the alert no longer exists' };
    if (delivery.channel === 'WEBHOOK') {
      const endpoint = delivery.webhookEndpointId ? await db.webhookEndpoint.findUnique({ where: { id: delivery.webhookEndpointId } }) : null;
      if (!endpoint) return { kind: 'gave-up', reason: 'the webhook endpoint was removed' };
      if (endpoint.disabledAt) return { kind: 'gave-up', reason: 'the webhook endpoint is disabled' };
      const secret = options.secrets.open(endpoint.secretSealed, webhookSecretContext(endpoint.id));
      const body: AlertWebhookBody = {
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
      };
      await sendWebhook(endpoint.url, secret, body, at, options.outbound);
      return { kind: 'delivered' };
    }
    const subscription = delivery.subscriptionId ? await db.notificationSubscription.findUnique({ where: { id: delivery.subscriptionId } }) : null;
    if (!subscription) return { kind: 'gave-up', reason: 'the subscription was removed' };
    const timeZone = (await farmTimeZone(db, alert.tenantId, alert.farmId)) ?? 'UTC';
    const holdUntil = delivery.severity === 'CRITICAL' ? null : quietUntil(at, timeZone, subscription.quietStartMinute, subscription.quietEndMinute);
    if (holdUntil) return { kind: 'held', until: holdUntil };
    const language = isLanguage(subscription.language) ? subscription.language : 'en';
    if (delivery.channel === 'PUSH') {
      if (!options.vapid) throw new Error('Web Push is off on this server (no VAPID keys)');
      const text = alertPushText(alert, delivery.change as NotifiedChange, delivery.severity, timeZone, language);
      const target = { endpoint: subscription.address, p256dh: subscription.pushP256dh ?? '', auth: subscription.pushAuth ?? '' };
      const sent = await sendPush(
        target,
        { ...text, lang: language, tag: alert.id, url: `/farms/${alert.farmId}/alerts`, severity: delivery.severity },
        options.vapid,
        options.outbound,
      );
      if (!sent.gone) return { kind: 'delivered' };
      // The browser unsubscribed or its subscription expired: nothing will ever reach it there again.
      await db.notificationSubscription.deleteMany({ where: { id: subscription.id } });
      log.info({ deliveryId: id, subscriptionId: subscription.id, status: sent.status }, 'push subscription gone; removed');
      return { kind: 'gave-up', reason: `the push service answered HTTP ${sent.status}: the browser's subscription is gone and was removed` };
    }
    // A raised or escalated alert nobody acknowledged yet gets a link that acknowledges it as this person.
    const ackUrl =
      options.publicUrl && delivery.change !== 'CLEARED' && alert.status === 'ACTIVE' && !alert.acknowledgedAt
        ? ackLinkUrl(
            options.publicUrl,
            ackToken(options.secrets, {
              alertId: alert.id,
              tenantId: alert.tenantId,
              userId: subscription.userId,
              language,
              expiresAtMs: at.getTime() + ACK_LINK_TTL_MS,
            }),
          )
        : undefined;
    const message = alertMessage(alert, delivery.change as NotifiedChange, delivery.severity, timeZone, language, ackUrl);
    // Production without SMTP_URL sends nothing: the delivery must not count as delivered.
    if (options.mail.mode === 'none') throw new Error('email is not configured (SMTP_URL is not set)');
    await options.mail.send({ to: subscription.address, id, ...message });
    return { kind: 'delivered' };
  }

  /** A failing webhook endpoint shows why to its tenant admin, and is disabled once its delivery is given up. */
  async function onFailed(id: string, reason: string, at: Date, final: boolean): Promise<void> {
    const { webhookEndpointId } = await db.notificationDelivery.findUniqueOrThrow({ where: { id }, select: { webhookEndpointId: true } });
    if (!webhookEndpointId) return;
    await db.webhookEndpoint.update({ where: { id: webhookEndpointId }, data: { lastFailureAt: at, lastFailureReason: reason } });
    if (!final) return;
    await db.webhookEndpoint.updateMany({
      where: { id: webhookEndpointId, disabledAt: null },
      data: { disabledAt: now(), lastFailureReason: `disabled after failing for 24 hours: ${reason}` },
    });
    log.warn({ webhookEndpointId, reason }, 'webhook endpoint disabled');
  }

  /** Tells the next level of every CRITICAL alert whose escalation time passed unacknowledged. */
  async function escalateDue(at: Date): Promise<void> {
    const due = await db.alertEscalation.findMany({ where: { nextAt: { lte: at } }, select: { alertId: true }, take: 100 });
    for (const { alertId } of due) {
      await db
        .$transaction((tx) => escalate(tx, alertId, at))
        .catch((error) => log.error({ err: error, alertId }, 'escalation failed; tried again on the next pass'));
    }
  }

  return startDeliveryWorker({
    name: 'notifications',
    table: '"telemetry"."notification_delivery"',
    db,
    log: options.log,
    now,
    pollIntervalMs: options.pollIntervalMs,
    send: (delivery, at) => send(delivery.id, at),
    onFailed: (delivery, reason, at, final) => onFailed(delivery.id, reason, at, final),
    beforePass: escalateDue,
  });
}

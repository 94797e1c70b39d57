import { startConsumer, type Consumer, type DeliveredEvent } from '../../../lib/events/consumer';
import { ALERT_RAISED_OR_CLEARED, BATCH_CLOSED, INVOICE_ISSUED } from '../../../lib/events/topics';
import type { Topic } from '../../../lib/events/topic';
import type { Database } from '../../../lib/db/database';
import type { Logger } from '../../../lib/logger';
import { clientsToTell } from './audience';
import { fromAlert, fromBatch, fromInvoice, type PartnerEvent } from './partnerEvents';

/**
 * Outbox consumers that turn domain events into partner webhook deliveries: one delivery per
 * webhook of each client allowed to hear the event (audience.ts) that asked for its type. The
 * delivery's event id is the event's outbox position, so a redelivered event writes nothing new
 * (unique webhook and event id) and a partner sees one id however often it is sent.
 */
export async function writeDeliveries(db: Database['prisma'], event: PartnerEvent, eventId: string, now: Date): Promise<number> {
  const clients = await clientsToTell(db, event);
  if (clients.length === 0) return 0;
  const webhooks = await db.partnerWebhook.findMany({
    where: { clientId: { in: clients }, disabledAt: null, events: { has: event.type } },
    select: { id: true, clientId: true },
  });
  if (webhooks.length === 0) return 0;
  const payload = { type: event.type, occurredAt: event.occurredAt, data: event.data } as object;
  const written = await db.partnerWebhookDelivery.createMany({
    data: webhooks.map((webhook) => ({
      webhookId: webhook.id,
      clientId: webhook.clientId,
      tenantId: event.tenantId,
      eventId,
      eventType: event.type,
      payload,
      nextAttemptAt: now,
    })),
    skipDuplicates: true,
  });
  return written.count;
}

/** The event id partners see: `evt_` and the outbox position (unique, and stable across redeliveries). */
export const eventIdOf = (delivered: DeliveredEvent) => `evt_${delivered.position}`;

export async function startPartnerFanOut(options: { db: Database; log: Logger; now?: () => Date }): Promise<Consumer[]> {
  const now = options.now ?? (() => new Date());
  const log = options.log.child({ component: 'partner-webhooks' });
  const consume = <Payload>(name: string, topic: Topic<Payload>, toPartnerEvent: (payload: Payload) => PartnerEvent) =>
    startConsumer({
      name,
      topic,
      sql: options.db.sql,
      log,
      handle: async (payload, delivered) => void (await writeDeliveries(options.db.prisma, toPartnerEvent(payload), eventIdOf(delivered), now())),
    });
  return Promise.all([
    consume('identity.partner-webhooks-alerts', ALERT_RAISED_OR_CLEARED, fromAlert),
    consume('identity.partner-webhooks-batches', BATCH_CLOSED, fromBatch),
    consume('identity.partner-webhooks-invoices', INVOICE_ISSUED, fromInvoice),
  ]);
}

import type { Database } from '../../../lib/db/database';
import { startConsumer, type Consumer } from '../../../lib/events/consumer';
import { ALERT_RAISED_OR_CLEARED } from '../../../lib/events/topics';
import type { Logger } from '../../../lib/logger';
import { enqueueAlertChange } from './enqueue';

/** The durable consumer's name: its cursor in `events.consumer_partition`. */
export const NOTIFIER = 'telemetry.notifier';

/**
 * Turns each alert change of the outbox into one delivery per recipient (enqueue.ts), stamped
 * with the time the change was recorded (the escalation clock starts then, not when this ran).
 * A redelivered event writes nothing twice: deliveries and escalations have unique keys.
 */
export function startNotifier(options: { db: Database; log: Logger }): Promise<Consumer> {
  const db = options.db.prisma;
  return startConsumer({
    name: NOTIFIER,
    topic: ALERT_RAISED_OR_CLEARED,
    sql: options.db.sql,
    log: options.log,
    handle: async (event, delivered) => {
      await db.$transaction(async (tx) => {
        const alert = await tx.alert.findUnique({ where: { id: event.alertId } });
        if (alert) await enqueueAlertChange(tx, alert, event.change, delivered.recordedAt);
      });
    },
  });
}

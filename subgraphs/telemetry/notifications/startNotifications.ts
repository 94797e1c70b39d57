import type { Config } from '../../../lib/config';
import type { SecretBox } from '../../../lib/crypto/secretBox';
import type { PrismaClient } from '../../../lib/db/database';
import type { Logger } from '../../../lib/logger';
import type { Mailer } from '../../../lib/mail/mailer';
import { loadVapidKeys } from '../../../lib/notifications/vapidKeys';
import { startNotificationWorker, type NotificationWorker } from './worker';

/** How often a process looks for due notification deliveries. */
export const NOTIFICATION_POLL_MS = 2_000;

/** The notification worker of a telemetry process, configured from the environment (README: Notifications). */
export function startNotifications(options: { db: PrismaClient; config: Config; secretBox: SecretBox; mailer: Mailer; log: Logger }): NotificationWorker {
  const { config } = options;
  return startNotificationWorker({
    db: options.db,
    log: options.log,
    secrets: options.secretBox,
    outbound: config.outbound,
    publicUrl: config.mail.publicUrl,
    mail: options.mailer,
    vapid: loadVapidKeys({ webPush: config.webPush, dataDir: config.dataDir, production: config.isProduction }),
    pollIntervalMs: NOTIFICATION_POLL_MS,
  });
}

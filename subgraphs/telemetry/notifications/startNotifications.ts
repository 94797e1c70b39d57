import path from 'node:path';
import type { Config } from '../../../lib/config';
import type { SecretBox } from '../../../lib/crypto/secretBox';
import type { PrismaClient } from '../../../lib/db/database';
import type { Logger } from '../../../lib/logger';
import { createMailSender } from './mailSender';
import { startNotificationWorker, type NotificationWorker } from './worker';

/** How often a process looks for due notification deliveries. */
export const NOTIFICATION_POLL_MS = 2_000;

/** The notification worker of a telemetry process, configured from the environment (README: Notifications). */
export function startNotifications(options: { db: PrismaClient; config: Config; secretBox: SecretBox; log: Logger }): NotificationWorker {
  const { config } = options;
  if (!config.mail.smtpUrl) options.log.warn({ dir: path.join(config.dataDir, 'mail') }, 'SMTP_URL is not set: alert email is written to files, not sent');
  return startNotificationWorker({
    db: options.db,
    log: options.log,
    secrets: options.secretBox,
    outbound: config.outbound,
    mail: createMailSender({ smtpUrl: config.mail.smtpUrl, from: config.mail.from, fileDir: path.join(config.dataDir, 'mail') }),
    pollIntervalMs: NOTIFICATION_POLL_MS,
  });
}

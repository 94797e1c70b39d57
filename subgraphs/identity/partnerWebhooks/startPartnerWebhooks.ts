import type { SecretBox } from '../../../lib/crypto/secretBox';
import type { Database } from '../../../lib/db/database';
import type { Logger } from '../../../lib/logger';
import { startPartnerWebhookWorker } from './deliveryWorker';
import { startPartnerFanOut } from './fanOut';

/** What an identity process runs for partner webhooks: the outbox consumers and the delivery worker. */
export async function startPartnerWebhooks(options: { db: Database; log: Logger; secretBox: SecretBox }): Promise<{ stop(): Promise<void> }> {
  const consumers = await startPartnerFanOut({ db: options.db, log: options.log });
  const worker = startPartnerWebhookWorker({ db: options.db.prisma, log: options.log, secrets: options.secretBox });
  return {
    async stop() {
      await worker.stop();
      await Promise.all(consumers.map((consumer) => consumer.stop()));
    },
  };
}

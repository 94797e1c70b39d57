import type { SecretBox } from '../../../lib/crypto/secretBox';
import type { Database } from '../../../lib/db/database';
import type { Logger } from '../../../lib/logger';
import { startPartnerWebhookWorker } from './deliveryWorker';
import { startPartnerFanOut } from './fanOut';
import type { OutboundPolicy } from '../../../lib/net/publicAddress';

/** What an identity process runs for partner webhooks: the outbox consumers and the delivery worker. */
export async function startPartnerWebhooks(options: {
  db: Database;
  log: Logger;
  secretBox: SecretBox;
  outbound?: OutboundPolicy;
}): Promise<{ stop(): Promise<void> }> {
  const consumers = await startPartnerFanOut({ db: options.db, log: options.log });
  // Partners' URLs are called under the same rules as tenants' (public addresses only: lib/net/publicAddress.ts).
  const worker = startPartnerWebhookWorker({ db: options.db.prisma, log: options.log, secrets: options.secretBox, outbound: options.outbound });
  return {
    async stop() {
      await worker.stop();
      await Promise.all(consumers.map((consumer) => consumer.stop()));
    },
  };
}

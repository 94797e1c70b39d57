import type { Logger } from '../logger';
import { createMemoryPubSub, type PubSub } from './pubsub';
import { createRedisPubSub } from './redisPubSub';

/**
 * The process's one event bus: Redis when `redisUrl` is set (events reach every gateway
 * replica), else in memory (the all-in-one mode, where publisher and subscribers share a process).
 */
export async function openPubSub(redisUrl: string | undefined, log: Logger): Promise<PubSub> {
  if (!redisUrl) return createMemoryPubSub();
  const pubsub = await createRedisPubSub(redisUrl, log.child({ component: 'pubsub' }));
  log.info('events fan out through Redis');
  return pubsub;
}

import type { Redis } from 'ioredis';
import { openRedis } from '../rateLimit/store';
import type { Logger } from '../logger';
import type { PubSub } from './pubsub';

/** Every FarmIQ channel starts with this, so a shared Redis can carry other applications too. */
export const CHANNEL_PREFIX = 'farmiq:';

/**
 * The bus across processes: Redis pub/sub with JSON payloads on `farmiq:<topic>`. One
 * connection publishes, one (a connection in subscriber mode can do nothing else) listens for
 * every topic this process follows and hands each message to that topic's listeners, so a
 * thousand subscribers of one gateway cost Redis one subscription, not a thousand.
 *
 * Redis pub/sub is at-most-once: a replica that is disconnected misses what was published
 * meanwhile. Live views tolerate that (the next reading follows within seconds); stored
 * readings stay queryable through the API.
 */
export async function createRedisPubSub(url: string, log: Logger): Promise<PubSub> {
  const publisher = await openRedis(url);
  const subscriber = await openRedis(url);
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const redis: Redis = subscriber.redis;
  redis.on('message', (channel: string, message: string) => {
    const topic = channel.slice(CHANNEL_PREFIX.length);
    const forTopic = listeners.get(topic);
    if (!forTopic?.size) return;
    let payload: unknown;
    try {
      payload = JSON.parse(message);
    } catch {
      log.warn({ channel }, 'pubsub: ignored a message that is not JSON');
      return;
    }
    for (const listener of forTopic) {
      try {
        listener(payload);
      } catch (error) {
        log.error({ err: error, topic }, 'pubsub: listener failed');
      }
    }
  });
  return {
    async publish(topic, payload) {
      await publisher.redis.publish(CHANNEL_PREFIX + topic, JSON.stringify(payload));
    },
    async subscribe(topic, listener) {
      let forTopic = listeners.get(topic);
      if (!forTopic) {
        forTopic = new Set();
        listeners.set(topic, forTopic);
        await redis.subscribe(CHANNEL_PREFIX + topic);
      }
      forTopic.add(listener);
      return async () => {
        const current = listeners.get(topic);
        if (!current?.delete(listener) || current.size > 0) return;
        listeners.delete(topic);
        await redis.unsubscribe(CHANNEL_PREFIX + topic).catch(() => undefined);
      };
    },
    async close() {
      listeners.clear();
      await Promise.all([subscriber.close(), publisher.close()]);
    },
  };
}

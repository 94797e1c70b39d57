import { WebSocketServer, type WebSocket } from 'ws';
import { Redis } from 'ioredis';
import { CHANNEL_PREFIX } from '../lib/pubsub/redisPubSub';
import { TOPICS, type ReadingsStoredEvent } from '../lib/pubsub/pubsub';

/**
 * The baseline of `npm run bench:live`: the least a live feed can do. It takes the same events
 * from the same Redis channel and sends each reading, already shaped like the gateway's answer
 * (names from a fixed table instead of a federated lookup), to every client watching its barn.
 * No auth, no GraphQL, one JSON.stringify per reading. Prints its port on stdout.
 * Usage (by bench/live.ts): tsx bench/bareBroadcast.ts <redisUrl> <JSON {deviceId: {name, barn}}>
 */
async function main(): Promise<void> {
  const [redisUrl, namesJson] = process.argv.slice(2) as [string, string];
  const names = JSON.parse(namesJson) as Record<string, { name: string; barn: { name: string } }>;
  const byBarn = new Map<string, Set<WebSocket>>();
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  wss.on('connection', (socket, request) => {
    const barnId = new URL(request.url ?? '/', 'http://bare').searchParams.get('barnId') ?? '';
    if (!byBarn.has(barnId)) byBarn.set(barnId, new Set());
    byBarn.get(barnId)!.add(socket);
    socket.on('close', () => byBarn.get(barnId)?.delete(socket));
  });
  const redis = new Redis(redisUrl);
  await redis.subscribe(CHANNEL_PREFIX + TOPICS.readingsStored);
  redis.on('message', (_channel: string, message: string) => {
    for (const reading of (JSON.parse(message) as ReadingsStoredEvent).readings) {
      const { metric, value, unit, observedAt, receivedAt, deviceId, barnId } = reading;
      const data = JSON.stringify({
        type: 'next',
        payload: { data: { readingAdded: { metric, value, unit, observedAt, receivedAt, device: names[deviceId] } } },
      });
      for (const socket of byBarn.get(barnId ?? '') ?? []) socket.send(data);
    }
  });
  if (!wss.address()) await new Promise((resolve) => wss.once('listening', resolve));
  console.log(JSON.stringify({ port: (wss.address() as { port: number }).port }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

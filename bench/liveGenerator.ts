import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { sendBatch } from '../edge-ingestor/forwarder/sendBatch';
import { TOPICS, type ReadingsStoredEvent } from '../lib/pubsub/pubsub';
import { CHANNEL_PREFIX } from '../lib/pubsub/redisPubSub';

/**
 * The load generator of `npm run bench:live`, in a process of its own so that it shares no event
 * loop with what it measures: `rate` readings a second for `seconds`, round-robin over `devices`,
 * POSTed as signed batches to the telemetry ingest endpoint every `tickMs` (as an edge forwarder
 * under load does). Each reading's `receivedAt` is the moment its batch left, to the millisecond:
 * a subscriber's frame carries it, so latency is measured end to end without a shared clock
 * object. It also listens on the live channel of Redis, so each batch's hops are timed here, in a
 * process that is not busy: POSTed, seen published by the live relay, acknowledged. Prints one
 * JSON line when done: readings sent and acknowledged, batches refused, each batch's times.
 * Usage (by bench/live.ts): tsx bench/liveGenerator.ts '<JSON GeneratorInput>'
 */
export interface GeneratorInput {
  ingestUrl: string;
  key: { keyId: string; secret: string };
  deviceIds: string[];
  rate: number;
  seconds: number;
  tickMs: number;
  /** Distinguishes the event ids of runs against one database. */
  runId: string;
  /** Where the live relay publishes (the generator notes when each batch's event goes by). */
  redisUrl: string;
}

/** One POSTed batch; every reading in it carries `receivedAt` = `postedAt` (epoch ms). */
export interface BatchTimes {
  postedAt: number;
  /** When the endpoint answered (after its transaction committed); undefined when it failed. */
  acknowledgedAt?: number;
  /** When the live relay's publish of the batch's event reached this process through Redis. */
  publishedAt?: number;
}

export interface GeneratorOutput {
  sent: number;
  acknowledged: number;
  failedBatches: number;
  seconds: number;
  /** This process's own CPU time (user + system). */
  cpuSeconds: number;
  batches: BatchTimes[];
}

/** After the last acknowledgement, how long to wait for the relay's last publishes. */
const PUBLISH_WAIT_MS = 2_000;

async function main(): Promise<void> {
  const input = JSON.parse(process.argv[2]!) as GeneratorInput;
  const total = Math.round(input.rate * input.seconds);
  const started = performance.now();
  let sent = 0;
  let acknowledged = 0;
  let failedBatches = 0;
  const inFlight = new Set<Promise<void>>();
  const batches = new Map<string, BatchTimes>();
  const redis = new Redis(input.redisUrl);
  await redis.subscribe(CHANNEL_PREFIX + TOPICS.readingsStored);
  redis.on('message', (_channel: string, message: string) => {
    const seenAt = Date.now();
    const batch = batches.get((JSON.parse(message) as ReadingsStoredEvent).readings[0]?.receivedAt ?? '');
    if (batch) batch.publishedAt ??= seenAt;
  });
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * input.rate));
    if (due > sent) {
      const at = new Date().toISOString();
      const times: BatchTimes = { postedAt: Date.parse(at) };
      batches.set(at, times);
      const messages: string[] = [];
      for (; sent < due; sent += 1) {
        const deviceId = input.deviceIds[sent % input.deviceIds.length]!;
        messages.push(
          `{"deviceId":"${deviceId}","eventId":"${input.runId}-${sent}","observedAt":"${at}","receivedAt":"${at}","metrics":{"temperatureC":${(20 + (sent % 100) / 10).toFixed(1)}}}`,
        );
      }
      const body = Buffer.from(`{"batchId":"${input.runId}-${sent}","messages":[${messages.join(',')}]}`);
      const count = messages.length;
      const request = sendBatch({ ingestUrl: input.ingestUrl, key: input.key, body, timeoutMs: 30_000 }).then((outcome) => {
        if (outcome.kind === 'acknowledged') {
          times.acknowledgedAt = Date.now();
          acknowledged += count - outcome.result.rejected.length;
        } else failedBatches += 1;
        if (outcome.kind !== 'acknowledged' || outcome.result.rejected.length > 0) console.error(`liveGenerator: ${JSON.stringify(outcome).slice(0, 500)}`);
      });
      inFlight.add(request);
      void request.finally(() => inFlight.delete(request));
    }
    await new Promise((resolve) => setTimeout(resolve, input.tickMs));
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - started) / 1000;
  const publishWaitUntil = Date.now() + PUBLISH_WAIT_MS;
  const unpublished = () => [...batches.values()].some((batch) => batch.acknowledgedAt !== undefined && batch.publishedAt === undefined);
  while (unpublished() && Date.now() < publishWaitUntil) await new Promise((resolve) => setTimeout(resolve, 20));
  redis.disconnect();
  const usage = process.cpuUsage();
  const output: GeneratorOutput = {
    sent,
    acknowledged,
    failedBatches,
    seconds,
    cpuSeconds: (usage.user + usage.system) / 1e6,
    batches: [...batches.values()],
  };
  console.log(JSON.stringify(output));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

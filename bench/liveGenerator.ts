import { performance } from 'node:perf_hooks';
import { sendBatch } from '../edge-ingestor/forwarder/sendBatch';

/**
 * The load generator of `npm run bench:live`, in a process of its own so that it shares no event
 * loop with what it measures: `rate` readings a second for `seconds`, round-robin over `devices`,
 * POSTed as signed batches to the telemetry ingest endpoint every `tickMs` (as an edge forwarder
 * under load does). Each reading's `receivedAt` is the moment its batch left, to the millisecond:
 * a subscriber's frame carries it, so latency is measured end to end without a shared clock
 * object. Prints one JSON line when done: readings sent and acknowledged, batches refused.
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
}

export interface GeneratorOutput {
  sent: number;
  acknowledged: number;
  failedBatches: number;
  seconds: number;
  /** This process's own CPU time (user + system). */
  cpuSeconds: number;
}

async function main(): Promise<void> {
  const input = JSON.parse(process.argv[2]!) as GeneratorInput;
  const total = Math.round(input.rate * input.seconds);
  const started = performance.now();
  let sent = 0;
  let acknowledged = 0;
  let failedBatches = 0;
  const inFlight = new Set<Promise<void>>();
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * input.rate));
    if (due > sent) {
      const at = new Date().toISOString();
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
        if (outcome.kind === 'acknowledged') acknowledged += count - outcome.result.rejected.length;
        else failedBatches += 1;
        if (outcome.kind !== 'acknowledged' || outcome.result.rejected.length > 0) console.error(`liveGenerator: ${JSON.stringify(outcome).slice(0, 500)}`);
      });
      inFlight.add(request);
      void request.finally(() => inFlight.delete(request));
    }
    await new Promise((resolve) => setTimeout(resolve, input.tickMs));
  }
  await Promise.all(inFlight);
  const usage = process.cpuUsage();
  const output: GeneratorOutput = {
    sent,
    acknowledged,
    failedBatches,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (usage.user + usage.system) / 1e6,
  };
  console.log(JSON.stringify(output));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

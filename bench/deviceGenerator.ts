import { performance } from 'node:perf_hooks';
import mqtt, { type MqttClient } from 'mqtt';

/**
 * The devices of `npm run bench:latency`, in a process of their own: each connects to the broker
 * with its own credentials and publishes QoS 1 on its own topic. `steady`: every device one
 * reading each `intervalMs` for `seconds` (a farm's rate), spread evenly; `burst`: `count`
 * readings as fast as the broker acknowledges (100 in flight per device). A reading's timestamp
 * is the moment it was published (epoch ms): the frame a subscriber gets carries it as
 * observedAt. Prints one JSON line: published, acknowledged, publish → PUBACK p50/p99, seconds.
 * Usage (by bench/latency.ts): tsx bench/deviceGenerator.ts '<JSON DeviceRun>'
 */
export interface DeviceRun {
  brokerUrl: string;
  devices: Array<{ id: string; password: string }>;
  mode: { kind: 'steady'; intervalMs: number; seconds: number } | { kind: 'burst'; count: number };
  runId: string;
}

export interface DeviceRunOutput {
  published: number;
  acknowledged: number;
  pubackP50Ms: number;
  pubackP99Ms: number;
  /** First publish to last PUBACK. */
  seconds: number;
  cpuSeconds: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function main(): Promise<void> {
  const run = JSON.parse(process.argv[2]!) as DeviceRun;
  const clients = await Promise.all(
    run.devices.map((device) =>
      mqtt.connectAsync(run.brokerUrl, { username: device.id, password: device.password, clientId: device.id, protocolVersion: 4, reconnectPeriod: 0 }),
    ),
  );
  const pubacks: number[] = [];
  let published = 0;
  let failed = 0;
  const publish = (client: MqttClient, deviceId: string, index: number) =>
    new Promise<void>((resolve) => {
      const at = Date.now();
      const started = performance.now();
      published += 1;
      client.publish(
        `farmiq/devices/${deviceId}/telemetry`,
        `{"eventId":"${run.runId}-${index}","timestamp":${at},"metrics":{"temperatureC":${(20 + (index % 100) / 10).toFixed(1)}}}`,
        { qos: 1 },
        (error) => {
          if (error) failed += 1;
          else pubacks.push(performance.now() - started);
          resolve();
        },
      );
    });
  const started = performance.now();
  if (run.mode.kind === 'steady') {
    const { intervalMs, seconds } = run.mode;
    const rounds = Math.round((seconds * 1000) / intervalMs);
    const pending: Array<Promise<void>> = [];
    // Device d publishes at d/devices of each interval: the farm's readings arrive spread out, as real clocks drift.
    await Promise.all(
      clients.map(async (client, d) => {
        await sleep((d / clients.length) * intervalMs);
        for (let round = 0; round < rounds; round += 1) {
          pending.push(publish(client, run.devices[d]!.id, round * clients.length + d));
          await sleep(started + (round + 1) * intervalMs + (d / clients.length) * intervalMs - performance.now());
        }
      }),
    );
    await Promise.all(pending);
  } else {
    const { count } = run.mode;
    let next = 0;
    await Promise.all(
      clients.map(async (client, d) => {
        const lane = async () => {
          while (next < count) await publish(client, run.devices[d]!.id, next++);
        };
        await Promise.all(Array.from({ length: 100 }, lane));
      }),
    );
  }
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(clients.map((client) => client.endAsync()));
  pubacks.sort((a, b) => a - b);
  const usage = process.cpuUsage();
  const output: DeviceRunOutput = {
    published,
    acknowledged: pubacks.length,
    pubackP50Ms: percentile(pubacks, 50),
    pubackP99Ms: percentile(pubacks, 99),
    seconds,
    cpuSeconds: (usage.user + usage.system) / 1e6,
  };
  if (failed > 0) console.error(`deviceGenerator: ${failed} publishes failed`);
  console.log(JSON.stringify(output));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import WebSocket from 'ws';
import { CHANNEL_PREFIX } from '../lib/pubsub/redisPubSub';
import { TOPICS, type ReadingEvent } from '../lib/pubsub/pubsub';
import { SUBGRAPH_NAMES } from '../lib/config';
import { FREE_PORTS, spawnFarmiq } from '../tests/support/farmiqProcess';

/**
 * Live readings under load: `subscribers` graphql-ws clients on one gateway, each watching one
 * of `barns` barns, while `rate` readings per second are published to Redis (as ingest does in a
 * multi-replica deployment). Each event's selection crosses two subgraphs (telemetry's Reading,
 * devices' device and barn names). Beside it, in the same run, a bare `ws` server broadcasts the
 * same readings from the same channel (bench/bareBroadcast.ts). First, `idle` subscribers sit
 * still on the fresh gateway while its memory is read. The subgraphs run in one process (`farmiq start`), the
 * measured gateway in another (`farmiq start --target gateway`), as replicas are deployed.
 * Needs Redis: REDIS_URL or 127.0.0.1:6379.
 * Usage: npm run bench:live [-- --subscribers 1000 --rate 500 --seconds 10 --barns 10 --idle 5000]
 */
const options = parseOptions({ subscribers: 1000, rate: 500, seconds: 10, barns: 10, idle: 5000 });
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ROOT = path.join(__dirname, '..');
const SUBSCRIPTION = 'subscription ($b: ID) { readingAdded(barnId: $b) { metric value unit observedAt receivedAt device { name barn { name } } } }';
const BENCH_ADMIN = { FARMIQ_ADMIN_EMAIL: 'bench@farmiq.local', FARMIQ_ADMIN_PASSWORD: `bench only ${Date.now()} passphrase` };
/** Epoch milliseconds with sub-millisecond precision, comparable across processes on one machine. */
const step = (what: string) => console.error(`[bench:live] ${what}`);
const nowMs = () => performance.timeOrigin + performance.now();

interface Barn {
  barnId: string;
  deviceId: string;
  farmId: string;
}

interface Received {
  latencies: number[];
  delivered: number;
  malformed: number;
}

async function main(): Promise<void> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect().catch(() => {
    throw new Error(`bench:live needs Redis at ${REDIS_URL} (set REDIS_URL)`);
  });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-bench-live-'));
  const farmiq = spawnFarmiq(['start'], { ...FREE_PORTS, ...BENCH_ADMIN, FARMIQ_DATA_DIR: dataDir, LOG_LEVEL: 'info', REDIS_URL, ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}) });
  let bare: ReturnType<typeof spawn> | undefined;
  let gateway: ReturnType<typeof spawnFarmiq> | undefined;
  try {
    const ports = await farmiq.up;
    // The gateway measured runs in a process of its own (as deployed), against the system's subgraphs.
    gateway = spawnFarmiq(['start', '--target', 'gateway'], {
      PORT: '0',
      FARMIQ_DATA_DIR: path.join(dataDir, 'gateway'),
      LOG_LEVEL: 'info',
      REDIS_URL,
      FARMIQ_JWKS_URL: `http://127.0.0.1:${ports.identity}/.well-known/jwks.json`,
      ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_URL`, `http://127.0.0.1:${ports[name]}/graphql`])),
    });
    const gatewayUrl = `http://127.0.0.1:${(await gateway.up).gateway}/graphql`;
    step('system up; seeding');
    const { tenantId, token, barns, names } = await seed(gatewayUrl, options.barns);
    const publisher = (seconds: number, received: Received[]) => publish(redis, tenantId, barns, seconds, received);

    step('idle subscribers');
    // 1. Idle subscribers on the fresh gateway: its resident memory before and with them.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const rssBefore = residentMb(gateway.child.pid!);
    const idleClients = await openMany(options.idle, (i) => liveClient(gatewayUrl, token, barns[i % barns.length]!.barnId), 200);
    await subscriptionsReach(gatewayUrl, options.idle, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const rssIdle = residentMb(gateway.child.pid!);
    idleClients.forEach((client) => client.socket.terminate());
    await subscriptionsReach(gatewayUrl, 0);

    step('bare broadcast');
    // 2. The baseline: a bare ws broadcast of the same readings, from the same Redis channel.
    bare = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', 'bareBroadcast.ts'), REDIS_URL, JSON.stringify(names)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const barePort = await new Promise<number>((resolve) => bare!.stdout!.once('data', (chunk: Buffer) => resolve((JSON.parse(chunk.toString()) as { port: number }).port)));
    const bareClients = await openMany(options.subscribers, (i) => bareClient(barePort, barns[i % barns.length]!.barnId));
    await publisher(1, []); // warm-up
    const bareRun = await measure(bareClients, publisher);
    bareClients.forEach((client) => client.socket.terminate());
    bare.kill('SIGTERM');

    step('gateway');
    // 3. The gateway: graphql-ws, token checked at connection_init, every event resolved through the planner.
    const liveClients = await openMany(options.subscribers, (i) => liveClient(gatewayUrl, token, barns[i % barns.length]!.barnId));
    await subscriptionsReach(gatewayUrl, options.subscribers);
    await publisher(2, []); // warm-up: JIT, query plan cache, connection pools
    const liveRun = await measure(liveClients, publisher);
    liveClients.forEach((client) => client.socket.close());
    await subscriptionsReach(gatewayUrl, 0);

    report(bareRun, liveRun, { rssBefore, rssIdle });
  } finally {
    bare?.kill('SIGTERM');
    gateway?.child.kill('SIGTERM');
    await gateway?.exited;
    farmiq.child.kill('SIGTERM');
    await farmiq.exited;
    redis.disconnect();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

interface Client {
  socket: WebSocket;
  received: Received;
}

/** Publishes `rate` readings per second for `seconds`, one reading per message, round-robin over the barns. */
async function publish(redis: Redis, tenantId: string, barns: Barn[], seconds: number, received: Received[]): Promise<{ events: number; expected: number; seconds: number }> {
  for (const r of received) Object.assign(r, { latencies: [], delivered: 0, malformed: 0 });
  const total = Math.round(options.rate * seconds);
  const started = performance.now();
  let sent = 0;
  const channel = CHANNEL_PREFIX + TOPICS.readingsStored;
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * options.rate));
    for (; sent < due; sent++) {
      const barn = barns[sent % barns.length]!;
      const at = new Date().toISOString();
      const reading: ReadingEvent = { tenantId, farmId: barn.farmId, barnId: barn.barnId, deviceId: barn.deviceId, eventId: `bench-${sent}`, metric: 'temperatureC', unit: '°C', value: nowMs(), observedAt: at, receivedAt: at };
      void redis.publish(channel, JSON.stringify({ readings: [reading] }));
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  const elapsed = (performance.now() - started) / 1000;
  // Let what is in flight arrive.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  return { events: total, expected: total * (options.subscribers / barns.length), seconds: elapsed };
}

async function measure(clients: Client[], publisher: (seconds: number, received: Received[]) => ReturnType<typeof publish>) {
  const received = clients.map((client) => client.received);
  const { events, expected, seconds } = await publisher(options.seconds, received);
  const latencies = received.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const delivered = received.reduce((sum, r) => sum + r.delivered, 0);
  const pick = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
  return { events, expected, delivered, deliveredPerSecond: delivered / seconds, p50: pick(50), p99: pick(99), max: latencies.at(-1) ?? NaN, malformed: received.reduce((s, r) => s + r.malformed, 0) };
}

function track(socket: WebSocket): Received {
  const received: Received = { latencies: [], delivered: 0, malformed: 0 };
  socket.on('message', (raw) => {
    const message = JSON.parse(raw.toString()) as { type: string; payload?: { data?: { readingAdded?: { value: number; device?: { name?: string } } } } };
    if (message.type !== 'next') return;
    const reading = message.payload?.data?.readingAdded;
    if (!reading?.device?.name) {
      received.malformed += 1;
      return;
    }
    received.delivered += 1;
    received.latencies.push(nowMs() - reading.value);
  });
  return received;
}

async function bareClient(port: number, barnId: string): Promise<Client> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/?barnId=${barnId}`);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  return { socket, received: track(socket) };
}

async function liveClient(gatewayUrl: string, token: string, barnId: string): Promise<Client> {
  const socket = new WebSocket(gatewayUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const acked = new Promise<void>((resolve, reject) => {
    socket.once('message', (raw) => ((JSON.parse(raw.toString()) as { type: string }).type === 'connection_ack' ? resolve() : reject(new Error(raw.toString()))));
    socket.once('close', (code, reason) => reject(new Error(`closed ${code} ${reason.toString()}`)));
  });
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  await acked;
  const received = track(socket);
  socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: SUBSCRIPTION, variables: { b: barnId } } }));
  return { socket, received };
}

async function openMany(count: number, open: (index: number) => Promise<Client>, parallel = 50): Promise<Client[]> {
  const clients: Client[] = [];
  for (let start = 0; start < count; start += parallel) {
    clients.push(...(await Promise.all(Array.from({ length: Math.min(parallel, count - start) }, (_, i) => open(start + i)))));
  }
  return clients;
}

async function subscriptionsReach(gatewayUrl: string, count: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const text = await (await fetch(gatewayUrl.replace(/\/graphql$/, '/metrics'))).text();
    if (Number(/^farmiq_live_subscriptions (\d+)/m.exec(text)?.[1]) === count) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the gateway did not reach ${count} live subscriptions`);
}

function residentMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

/** A tenant with `count` barns of one active climate device each, through the API. */
async function seed(gatewayUrl: string, count: number) {
  let token: string | undefined;
  const call = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
    const json = (await response.json()) as { data?: any; errors?: unknown[] };
    if (json.errors) throw new Error(JSON.stringify(json.errors));
    return json.data;
  };
  const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }';
  token = (await call(LOGIN, { input: { email: BENCH_ADMIN.FARMIQ_ADMIN_EMAIL, password: BENCH_ADMIN.FARMIQ_ADMIN_PASSWORD } })).login.accessToken;
  const platformToken = token!;
  const tenantId = (await call('mutation { createTenant(input: { name: "Live Bench" }) { id } }')).createTenant.id as string;
  const { inviteUser } = await call('mutation ($t: ID) { inviteUser(input: { email: "live@bench.test", role: TENANT_ADMIN, tenantId: $t }) { temporaryPassword } }', { t: tenantId });
  token = undefined;
  const tenantToken = (await call(LOGIN, { input: { email: 'live@bench.test', password: inviteUser.temporaryPassword, newPassword: 'bench tenant admin passphrase' } })).login.accessToken as string;
  token = platformToken;
  const { registerDevices } = await call('mutation ($input: RegisterDevicesInput!) { registerDevices(input: $input) { device { id serialNumber } claimCode } }', {
    input: { devices: Array.from({ length: count }, (_, i) => ({ serialNumber: `LIVE-${Date.now()}-${i}`, kind: 'CLIMATE' })) },
  });
  token = tenantToken;
  const farmId = (await call('mutation { createFarm(input: { name: "Live farm", timeZone: "UTC" }) { id } }')).createFarm.id as string;
  const barns: Barn[] = [];
  const names: Record<string, { name: string; barn: { name: string } }> = {};
  for (let i = 0; i < count; i++) {
    const barnId = (await call('mutation ($input: CreateBarnInput!) { createBarn(input: $input) { id } }', { input: { farmId, name: `House ${i + 1}`, species: 'BROILER', capacityHead: 20000 } })).createBarn.id as string;
    const { device, claimCode } = registerDevices[i];
    await call('mutation ($input: ClaimDeviceInput!) { claimDevice(input: $input) { id } }', { input: { serialNumber: device.serialNumber, claimCode } });
    await call('mutation ($input: ActivateDeviceInput!) { activateDevice(input: $input) { device { id } } }', { input: { deviceId: device.id, barnId, name: `Climate ${i + 1}` } });
    barns.push({ barnId, deviceId: device.id, farmId });
    names[device.id] = { name: `Climate ${i + 1}`, barn: { name: `House ${i + 1}` } };
  }
  return { tenantId, token: tenantToken, barns, names };
}

type Run = Awaited<ReturnType<typeof measure>>;

function report(bareRun: Run, liveRun: Run, memory: { rssBefore: number; rssIdle: number }): void {
  const perBarn = options.subscribers / options.barns;
  console.log(`\nFarmIQ live benchmark: ${options.subscribers} subscribers over ${options.barns} barns (${perBarn} per barn), ${options.rate} readings/s for ${options.seconds} s, Redis pub/sub; ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)}\n`);
  console.log(['case'.padEnd(44), 'delivered/s'.padStart(12), 'complete'.padStart(10), 'p50 ms'.padStart(9), 'p99 ms'.padStart(9), 'max ms'.padStart(9), 'vs bare'.padStart(9)].join(''));
  for (const [name, run] of [
    ['bare ws broadcast (baseline)', bareRun],
    ['gateway graphql-ws, federated selection', liveRun],
  ] as const) {
    console.log(
      [
        name.padEnd(44),
        run.deliveredPerSecond.toFixed(0).padStart(12),
        `${((100 * run.delivered) / run.expected).toFixed(1)}%`.padStart(10),
        run.p50.toFixed(1).padStart(9),
        run.p99.toFixed(1).padStart(9),
        run.max.toFixed(1).padStart(9),
        `${(run.deliveredPerSecond / bareRun.deliveredPerSecond).toFixed(2)}×`.padStart(9),
      ].join(''),
    );
  }
  if (liveRun.malformed > 0) console.log(`\n${liveRun.malformed} gateway events arrived without their federated fields`);
  console.log(`\nidle: ${options.idle} subscriptions; process RSS ${memory.rssBefore.toFixed(0)} MB before, ${memory.rssIdle.toFixed(0)} MB with them (+${(memory.rssIdle - memory.rssBefore).toFixed(0)} MB), gateway process (--target gateway)`);
  console.log(`goals: p99 ≤ 100 ms → ${liveRun.p99.toFixed(1)} ms; ≥ 0.5× bare → ${(liveRun.deliveredPerSecond / bareRun.deliveredPerSecond).toFixed(2)}×; 5,000 idle ≤ 300 MB → ${memory.rssIdle.toFixed(0)} MB`);
}

function parseOptions<T extends Record<string, number>>(defaults: T): T {
  const result: Record<string, number> = { ...defaults };
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i]!.replace(/^--/, '');
    if (!(name in defaults) || !Number.isFinite(Number(args[i + 1]))) throw new Error(`usage: npm run bench:live -- [--${Object.keys(defaults).join(' N] [--')} N]`);
    result[name] = Number(args[i + 1]);
  }
  return result as T;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

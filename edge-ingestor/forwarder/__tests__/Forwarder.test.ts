import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BatchMessage } from '../../../lib/edge/batch';
import { createLogger } from '../../../lib/logger';
import { startIngestReceiver, type IngestReceiver } from '../../../tests/support/ingestReceiver';
import { DiskBuffer } from '../../buffer/DiskBuffer';
import { listQuarantine, openQuarantine, requestReplay } from '../../buffer/quarantine';
import { backoffMs, messageRateLimiter } from '../backoff';
import { Forwarder, type ForwarderOptions } from '../Forwarder';

const deviceId = randomUUID();
const log = createLogger('silent');
let receiver: IngestReceiver;
let buffer: DiskBuffer;
let forwarder: Forwarder | undefined;
let dir: string;

const reading = (n: number): BatchMessage => ({
  deviceId,
  eventId: `e-${n}`,
  observedAt: new Date(1_700_000_000_000 + n * 1000).toISOString(),
  receivedAt: new Date().toISOString(),
  metrics: { temperatureC: 20 + (n % 10) },
});
const fill = (from: number, to: number) =>
  buffer.append(Array.from({ length: to - from }, (_, i) => ({ body: JSON.stringify(reading(from + i)), receivedAtMs: Date.now() })));
const storedNumbers = () => receiver.stored.map((message) => Number(message.eventId.slice(2)));
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

function startForwarder(options: Partial<ForwarderOptions> = {}): Forwarder {
  forwarder = new Forwarder({
    buffer,
    ingestUrl: receiver.url,
    key: receiver.key,
    log,
    batchMaxMessages: 1_000,
    batchMaxWaitMs: 50,
    maxMessagesPerSecond: 0,
    retryBaseMs: 20,
    retryMaxMs: 200,
    ...options,
  });
  forwarder.start();
  return forwarder;
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-forwarder-'));
  buffer = new DiskBuffer({ file: path.join(dir, 'buffer.sqlite'), maxMessages: 1e6, maxBytes: 1e9 });
  receiver = await startIngestReceiver();
});
afterEach(async () => {
  await forwarder?.stop();
  forwarder = undefined;
  buffer.close();
  await receiver.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('Forwarder', () => {
  it('should send the buffer oldest first in signed batches and empty it once the cloud acknowledged them', async () => {
    fill(0, 2_500);
    startForwarder({ concurrency: 1 });
    await receiver.waitForStored(2_500);
    expect(storedNumbers()).toEqual(range(0, 2_500));
    expect(receiver.batches.map((batch) => batch.messages)).toEqual([1_000, 1_000, 500]);
    await waitUntil(() => buffer.depthMessages === 0);
    expect(forwarder!.lastSuccessAt).toBeInstanceOf(Date);
  });

  it('should keep several batches on their way at once and still deliver every message once', async () => {
    receiver.answerAfterMs = 100;
    startForwarder({ batchMaxMessages: 500, concurrency: 4 });
    fill(0, 4_000);
    forwarder!.notify();
    await receiver.waitForStored(4_000);
    await waitUntil(() => buffer.depthMessages === 0);
    expect(receiver.peakConcurrentRequests).toBe(4);
    expect([...storedNumbers()].sort((a, b) => a - b)).toEqual(range(0, 4_000));
    expect(receiver.batches).toHaveLength(8);
  });

  it('with a fixed linger, should wait for a full batch until the oldest message waited the maximum time', async () => {
    startForwarder({ batchMaxWaitMs: 400, linger: 'fixed' });
    fill(0, 3);
    forwarder!.notify();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receiver.stored).toHaveLength(0);
    await receiver.waitForStored(3, 2_000);
    expect(receiver.batches).toHaveLength(1);
  });

  it('should send a reading at once while no batch is on its way, not after the maximum wait', async () => {
    startForwarder({ batchMaxWaitMs: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    fill(0, 1);
    forwarder!.notify();
    // Far below the 10 s a fixed linger would wait, with room for a loaded machine.
    await receiver.waitForStored(1, 3_000);
  });

  it('should leave at least 100 ms between two live batches on an idle link, so a reading a batch cannot flood the cloud', async () => {
    startForwarder({ batchMaxWaitMs: 10_000 });
    fill(0, 1);
    forwarder!.notify();
    await receiver.waitForStored(1, 3_000);
    fill(1, 2);
    forwarder!.notify();
    await receiver.waitForStored(2, 3_000);
    // Measured where the batches arrive: the first request also opens the connection, so on a busy
    // machine it can arrive later than it left by more than the second does (81 ms seen in a CI run).
    // Without the gap the second batch arrives a few milliseconds after the first.
    expect(receiver.storedAtMs[1]! - receiver.storedAtMs[0]!).toBeGreaterThanOrEqual(60);
    expect(receiver.batches.map((batch) => batch.messages)).toEqual([1, 1]);
  });

  it('should gather the readings that arrive while a batch is on its way and send them together when it returns', async () => {
    // Long enough that a loaded machine's timers still fire while the first batch is on its way.
    receiver.answerAfterMs = 3_000;
    startForwarder({ batchMaxWaitMs: 20_000 });
    fill(0, 1);
    forwarder!.notify();
    await receiver.waitForStored(1, 3_000);
    for (let n = 1; n < 4; n += 1) {
      fill(n, n + 1);
      forwarder!.notify();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receiver.stored).toHaveLength(1);
    await receiver.waitForStored(4, 10_000);
    expect(receiver.batches.map((batch) => batch.messages)).toEqual([1, 3]);
    expect(storedNumbers()).toEqual(range(0, 4));
  });

  it('should not hold gathered readings longer than the maximum wait when a batch is slow to return', async () => {
    receiver.answerAfterMs = 6_000;
    startForwarder({ batchMaxWaitMs: 200 });
    fill(0, 1);
    forwarder!.notify();
    await receiver.waitForStored(1, 3_000);
    fill(1, 3);
    forwarder!.notify();
    // Long before the first batch's answer (6 s): the second went after its 200 ms wait.
    await receiver.waitForStored(3, 4_000);
    expect(receiver.batches.map((batch) => batch.messages)).toEqual([1, 2]);
  });

  it.each(['unavailable', 'reset'] as const)(
    'should keep everything while the cloud is %s, then drain the grown buffer completely and in order',
    async (mode) => {
      receiver.down(mode);
      startForwarder({ batchMaxMessages: 200, concurrency: 1 });
      for (let step = 0; step < 5; step += 1) {
        fill(step * 300, (step + 1) * 300);
        await new Promise((resolve) => setTimeout(resolve, 60));
      }
      expect(buffer.depthMessages).toBe(1_500);
      expect(receiver.refusals).toBeGreaterThan(1);
      expect(receiver.stored).toHaveLength(0);
      receiver.up();
      await receiver.waitForStored(1_500);
      expect(storedNumbers()).toEqual(range(0, 1_500));
      await waitUntil(() => buffer.depthMessages === 0);
    },
  );

  it('should send live readings while a backlog from before a restart drains, not after it', async () => {
    // A slow cloud: a 20,000-message backlog takes about 2 s to drain through the backlog's slot.
    receiver.answerAfterMs = 50;
    fill(0, 20_000);
    startForwarder({ batchMaxMessages: 500, concurrency: 2 });
    const live = await trickle(100_000, 10, 50);
    await receiver.waitForStored(20_010, 30_000);
    // Every live reading arrived before the last of the backlog did.
    const backlogDoneAt = Math.max(...receiver.stored.map((message, i) => (Number(message.eventId.slice(2)) < 20_000 ? receiver.storedAtMs[i]! : 0)));
    expect(live.filter((n) => storedAtOf(n) >= backlogDoneAt)).toEqual([]);
    await waitUntil(() => buffer.depthMessages === 0);
    // The backlog took one slot, never both.
    expect(receiver.peakConcurrentRequests).toBe(2);
  });

  it('should give live readings their own lane when the cloud comes back after an outage', async () => {
    receiver.down('unavailable');
    startForwarder({ batchMaxMessages: 500, concurrency: 2, liveLagMs: 1_000 });
    fill(0, 20_000);
    await waitUntil(() => receiver.refusals > 0);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    receiver.answerAfterMs = 50;
    receiver.up();
    const live = await trickle(100_000, 10, 50);
    await receiver.waitForStored(20_010, 30_000);
    const backlogDoneAt = Math.max(...receiver.stored.map((message, i) => (Number(message.eventId.slice(2)) < 20_000 ? receiver.storedAtMs[i]! : 0)));
    expect(live.filter((n) => storedAtOf(n) >= backlogDoneAt)).toEqual([]);
  });

  it('should send a batch again when its removal from the buffer failed, not leave it unsent until a restart', async () => {
    fill(0, 3);
    // An operator's quarantine command (another process) holds the buffer's write lock longer than SQLite's busy wait.
    const operator = new Database(path.join(dir, 'buffer.sqlite'));
    operator.exec('BEGIN IMMEDIATE');
    startForwarder();
    await receiver.waitForStored(3);
    // The removal waits out its busy timeout (5 s, blocking) and fails; then the lock goes.
    await waitUntil(() => receiver.batches.length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    operator.exec('COMMIT');
    operator.close();
    await waitUntil(() => buffer.depthMessages === 0, 20_000);
    expect(storedNumbers()).toEqual([0, 1, 2]);
  }, 40_000);

  it('should keep the messages and retry when the cloud does not know its key', async () => {
    fill(0, 10);
    startForwarder({ key: { keyId: 'edge-test-key', secret: Buffer.from('some other secret, 32 bytes long').toString('base64url') } });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(receiver.stored).toHaveLength(0);
    expect(buffer.depthMessages).toBe(10);
  });

  it('should move the messages the cloud refuses for good to the quarantine with its reason, and send them again once replayed', async () => {
    const revoked = randomUUID();
    const ofRevoked = (n: number) => JSON.stringify({ ...reading(n), deviceId: revoked });
    receiver.notActive.add(revoked);
    buffer.append([0, 1, 2, 3].map((n) => ({ body: n % 2 === 0 ? JSON.stringify(reading(n)) : ofRevoked(n), receivedAtMs: Date.now() })));
    startForwarder();
    await receiver.waitForStored(2);
    await waitUntil(() => buffer.depthMessages === 0);
    expect(storedNumbers()).toEqual([0, 2]);
    expect(buffer.quarantinedMessages).toBe(2);
    const file = path.join(dir, 'buffer.sqlite');
    const operator = openQuarantine(file);
    try {
      expect(listQuarantine(operator).map(({ deviceId, eventId, code, reason }) => ({ deviceId, eventId, code, reason }))).toEqual(
        ['e-1', 'e-3'].map((eventId) => ({ deviceId: revoked, eventId, code: 'DEVICE_NOT_ACTIVE', reason: 'DEVICE_NOT_ACTIVE: the device is REVOKED' })),
      );
      receiver.notActive.delete(revoked);
      expect(requestReplay(operator, { deviceId: revoked }, Date.now())).toBe(2);
    } finally {
      operator.close();
    }
    expect(buffer.readmitReplays()).toBe(2);
    forwarder!.notify();
    await receiver.waitForStored(4);
    expect(storedNumbers()).toEqual([0, 2, 1, 3]);
    await waitUntil(() => buffer.depthMessages === 0);
    expect(buffer.quarantinedMessages).toBe(0);
  });

  it('should quarantine a whole batch the cloud cannot read, and a message it cannot read, not drop them', async () => {
    buffer.append([{ body: 'null', receivedAtMs: Date.now() }]);
    startForwarder({ concurrency: 1, batchMaxMessages: 2 });
    await waitUntil(() => buffer.depthMessages === 0);
    // A torn body makes the whole request unreadable JSON.
    buffer.append([
      { body: JSON.stringify(reading(1)), receivedAtMs: Date.now() },
      { body: '{"torn":', receivedAtMs: Date.now() },
    ]);
    await waitUntil(() => buffer.depthMessages === 0);
    const operator = openQuarantine(path.join(dir, 'buffer.sqlite'));
    try {
      expect(listQuarantine(operator).map(({ code }) => code)).toEqual(['MALFORMED', 'BATCH_MALFORMED', 'BATCH_MALFORMED']);
    } finally {
      operator.close();
    }
    expect(receiver.stored).toEqual([]);
  });

  it('should throttle a backlog drain to the configured message rate', async () => {
    fill(0, 1_500);
    const started = Date.now();
    startForwarder({ batchMaxMessages: 250, maxMessagesPerSecond: 1_000 });
    await receiver.waitForStored(1_500);
    // One second's burst, then 1,000 messages a second: the last 500 need about half a second.
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
  });
});

/** Appends `count` live readings numbered from `from`, one every `everyMs`; returns their numbers. */
async function trickle(from: number, count: number, everyMs: number): Promise<number[]> {
  for (let i = 0; i < count; i += 1) {
    fill(from + i, from + i + 1);
    forwarder!.notify();
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return range(from, from + count);
}

const storedAtOf = (n: number) => receiver.storedAtMs[receiver.stored.findIndex((message) => message.eventId === `e-${n}`)] ?? Infinity;

describe('backoffMs', () => {
  it('should grow exponentially up to the cap, jittered between zero and the ceiling', () => {
    expect([0, 1, 2, 3, 10].map((attempt) => backoffMs(attempt, 100, 1_000, () => 1))).toEqual([100, 200, 400, 800, 1_000]);
    expect(backoffMs(5, 100, 1_000, () => 0)).toBe(0);
  });
});

describe('messageRateLimiter', () => {
  it('should let a second of messages through at once and make the next ones wait', () => {
    let now = 0;
    const limiter = messageRateLimiter(100, () => now);
    expect(limiter.take(100)).toBe(0);
    expect(limiter.delayFor(50)).toBe(500);
    expect(limiter.take(50)).toBe(500);
    now = 1_500;
    expect(limiter.delayFor(100)).toBe(0);
    expect(limiter.take(100)).toBe(0);
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

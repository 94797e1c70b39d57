import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { createLogger } from '../../../lib/logger';
import { startIngestReceiver, type IngestReceiver } from '../../../tests/support/ingestReceiver';
import { DiskBuffer } from '../../buffer/DiskBuffer';
import { Forwarder } from '../Forwarder';

/**
 * Every message the buffer took (each one got its PUBACK) reaches the cloud, whatever happens
 * between: appends while batches are cut and on their way, a slow cloud, an outage (503 or reset
 * connections), a live lane that falls behind and splits into a backlog, stops and restarts with
 * batches in flight. Small batches and a short live lag put lane and batch boundaries everywhere.
 */
const log = createLogger('silent');
const DEVICE = '5d3f1c9e-8a4b-4c2d-9e1f-0a1b2c3d4e5f';

type Step =
  | { kind: 'append'; messages: number }
  | { kind: 'pause'; ms: number }
  | { kind: 'slowCloud'; ms: number }
  | { kind: 'outage'; mode: 'unavailable' | 'reset' }
  | { kind: 'cloudBack' }
  | { kind: 'restart' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('append' as const), messages: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('pause' as const), ms: fc.integer({ min: 0, max: 60 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('slowCloud' as const), ms: fc.constantFrom(0, 5, 40, 120) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('outage' as const), mode: fc.constantFrom('unavailable' as const, 'reset' as const) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'cloudBack' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
);

const settings = fc.record({
  linger: fc.constantFrom('adaptive' as const, 'fixed' as const),
  concurrency: fc.integer({ min: 1, max: 4 }),
  batchMaxMessages: fc.integer({ min: 1, max: 25 }),
  batchMaxWaitMs: fc.constantFrom(5, 30, 80),
  liveLagMs: fc.constantFrom(50, 150, 10_000),
});

describe('Forwarder (property)', () => {
  let receiver: IngestReceiver;
  beforeAll(async () => {
    receiver = await startIngestReceiver();
  });
  afterAll(() => receiver.close());

  it('should deliver every buffered message, under any interleaving of appends, answers, outages and restarts', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(settings, fc.array(step, { minLength: 1, maxLength: 25 }), async (options, steps) => {
        run += 1;
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-forwarder-property-'));
        const buffer = new DiskBuffer({ file: path.join(dir, 'buffer.sqlite'), maxMessages: 1e6, maxBytes: 1e9 });
        const start = () => {
          const forwarder = new Forwarder({
            buffer,
            ingestUrl: receiver.url,
            key: receiver.key,
            log,
            maxMessagesPerSecond: 0,
            retryBaseMs: 5,
            retryMaxMs: 40,
            requestTimeoutMs: 5_000,
            ...options,
          });
          forwarder.start();
          return forwarder;
        };
        const storedBefore = receiver.stored.length;
        const eventIds: string[] = [];
        receiver.up();
        receiver.answerAfterMs = 0;
        let forwarder = start();
        try {
          for (const action of steps) {
            if (action.kind === 'append') {
              const bodies = Array.from({ length: action.messages }, () => {
                const eventId = `p${run}-${eventIds.length}`;
                eventIds.push(eventId);
                const at = new Date(1_700_000_000_000 + eventIds.length * 1000).toISOString();
                return {
                  body: JSON.stringify({ deviceId: DEVICE, eventId, observedAt: at, receivedAt: at, metrics: { temperatureC: 21 } }),
                  receivedAtMs: Date.now(),
                };
              });
              buffer.append(bodies);
              forwarder.notify();
            } else if (action.kind === 'pause') await new Promise((resolve) => setTimeout(resolve, action.ms));
            else if (action.kind === 'slowCloud') receiver.answerAfterMs = action.ms;
            else if (action.kind === 'outage') receiver.down(action.mode);
            else if (action.kind === 'cloudBack') receiver.up();
            else {
              await forwarder.stop();
              forwarder = start();
            }
          }
          receiver.up();
          receiver.answerAfterMs = 0;
          const deadline = Date.now() + 20_000;
          while (buffer.depthMessages > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
          const delivered = new Set(receiver.stored.slice(storedBefore).map((message) => message.eventId));
          const missing = eventIds.filter((eventId) => !delivered.has(eventId));
          expect({ missing, buffered: buffer.depthMessages }).toEqual({ missing: [], buffered: 0 });
        } finally {
          await forwarder.stop();
          buffer.close();
          fs.rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 40, interruptAfterTimeLimit: 150_000 },
    );
  }, 240_000);
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { batchSchema, isContractIssue, parseBatchMessage, type BatchMessage, type IngestResult } from '../../lib/edge/batch';
import { BatchRefusal, MessageRejection } from '../../lib/edge/ingestCodes';
import { INGEST_PATH, isFresh, MAX_BATCH_BYTES, signatureMatches, signatureParts } from '../../lib/edge/signedBatch';

/**
 * A stand-in for the cloud's ingest endpoint in the ingestor's tests: a real HTTP server that
 * verifies the HMAC signature (lib/edge, as the telemetry subgraph does), refuses replayed
 * nonces, stores messages idempotently by (deviceId, eventId) and answers with an IngestResult.
 * Refusals answer `{ error: { code } }` with the endpoint's own codes (lib/edge/ingestCodes.ts).
 * `down()` makes it answer 503 as the gateway does when the endpoint behind it is down, or drop
 * connections, until `up()`. Messages of the devices in `notActive` are rejected as the
 * endpoint rejects a revoked device's.
 */
export interface IngestReceiver {
  url: string;
  key: { keyId: string; secret: string };
  /** Stored messages in the order they were first stored. */
  stored: BatchMessage[];
  /** When each message of `stored` was stored (epoch ms). */
  storedAtMs: number[];
  /** Every batch that was acknowledged, with how many messages it carried. */
  batches: Array<{ batchId: string; messages: number }>;
  /** Requests refused or failed while down. */
  refusals: number;
  /** The most requests that were being handled at the same time. */
  peakConcurrentRequests: number;
  down(mode?: 'unavailable' | 'reset'): void;
  up(): void;
  /** A slow cloud: every answer from now on waits this long (requests are handled concurrently). */
  answerAfterMs: number;
  /** Devices whose messages are rejected with DEVICE_NOT_ACTIVE (revoked in the cloud) until removed again. */
  notActive: Set<string>;
  /** Resolves when `count` distinct messages are stored. */
  waitForStored(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startIngestReceiver(
  key = { keyId: 'edge-test-key', secret: Buffer.from('test-only edge secret 0123456789').toString('base64url') },
): Promise<IngestReceiver> {
  const seen = new Set<string>();
  const nonces = new Set<string>();
  let state: 'up' | 'unavailable' | 'reset' = 'up';
  const receiver: Omit<IngestReceiver, 'url' | 'close'> & { url?: string } = {
    key,
    stored: [],
    storedAtMs: [],
    notActive: new Set(),
    answerAfterMs: 0,
    batches: [],
    refusals: 0,
    peakConcurrentRequests: 0,
    down: (mode = 'unavailable') => {
      state = mode;
    },
    up: () => {
      state = 'up';
    },
    waitForStored: async (count, timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs;
      while (receiver.stored.length < count) {
        if (Date.now() > deadline) throw new Error(`only ${receiver.stored.length} of ${count} messages arrived within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
  const answer = (res: http.ServerResponse, status: number, body: IngestResult | { code: BatchRefusal } | string) => {
    const send = () => {
      res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' });
      res.end(typeof body === 'string' ? body : JSON.stringify(status === 200 ? body : { error: body }));
    };
    if (receiver.answerAfterMs > 0) setTimeout(send, receiver.answerAfterMs);
    else send();
  };
  let handling = 0;
  const server = http.createServer((req, res) => {
    handling += 1;
    receiver.peakConcurrentRequests = Math.max(receiver.peakConcurrentRequests, handling);
    res.on('close', () => (handling -= 1));
    if (state === 'reset') {
      receiver.refusals += 1;
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BATCH_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (state === 'unavailable') {
        receiver.refusals += 1;
        return answer(res, 503, { code: BatchRefusal.IngestUnavailable });
      }
      if (req.method !== 'POST' || req.url !== INGEST_PATH) return answer(res, 404, 'Not Found');
      if (size > MAX_BATCH_BYTES) return answer(res, 413, { code: BatchRefusal.BatchTooLarge });
      const body = Buffer.concat(chunks);
      const parts = signatureParts(req.headers);
      if (typeof parts === 'string') return answer(res, 401, { code: parts });
      if (!isFresh(parts.timestamp, new Date())) return answer(res, 401, { code: BatchRefusal.TimestampOutOfWindow });
      if (parts.keyId !== key.keyId) return answer(res, 401, { code: BatchRefusal.KeyUnknown });
      if (!signatureMatches(parts, key.secret, 'POST', INGEST_PATH, body)) return answer(res, 401, { code: BatchRefusal.SignatureInvalid });
      if (nonces.has(parts.nonce)) return answer(res, 401, { code: BatchRefusal.NonceReplayed });
      nonces.add(parts.nonce);
      let json: unknown;
      try {
        json = JSON.parse(body.toString('utf8'));
      } catch {
        return answer(res, 400, { code: BatchRefusal.BatchMalformed });
      }
      const batch = batchSchema.safeParse(json);
      if (!batch.success) return answer(res, 400, { code: BatchRefusal.BatchMalformed });
      const result: IngestResult = { accepted: 0, duplicates: 0, rejected: [] };
      batch.data.messages.forEach((raw, index) => {
        const message = parseBatchMessage(raw);
        if (isContractIssue(message)) {
          result.rejected.push({
            index,
            eventId: null,
            code: MessageRejection.Malformed,
            reason: `${MessageRejection.Malformed}: ${message.path} ${message.message}`,
          });
          return;
        }
        if (receiver.notActive.has(message.deviceId)) {
          result.rejected.push({
            index,
            eventId: message.eventId,
            code: MessageRejection.DeviceNotActive,
            reason: `${MessageRejection.DeviceNotActive}: the device is REVOKED`,
          });
          return;
        }
        const id = `${message.deviceId}/${message.eventId}`;
        if (seen.has(id)) {
          result.duplicates += 1;
          return;
        }
        seen.add(id);
        receiver.stored.push(message);
        receiver.storedAtMs.push(Date.now());
        result.accepted += 1;
      });
      receiver.batches.push({ batchId: batch.data.batchId, messages: batch.data.messages.length });
      answer(res, 200, result);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${INGEST_PATH}`;
  return Object.assign(receiver as IngestReceiver, {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

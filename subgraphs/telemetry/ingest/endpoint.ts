import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Database } from '../../../lib/db/database';
import { batchSchema, type IngestResult } from '../../../lib/edge/batch';
import { BatchRefusal, batchRefusalBody } from '../../../lib/edge/ingestCodes';
import { inProcessEdgeKey } from '../../../lib/edge/inProcessEdgeKey';
import { INGEST_PATH, MAX_BATCH_BYTES, MAX_CLOCK_SKEW_SECONDS } from '../../../lib/edge/signedBatch';
import { verifySignedRequest, type VerifyingKey } from '../../../lib/edge/verifySignedRequest';
import type { Logger } from '../../../lib/logger';
import { ingestBatches, ingestMessages } from '../../../lib/metrics';
import { appendEvent } from '../../../lib/events/outbox';
import { READINGS_STORED, type ReadingsStoredEvent } from '../../../lib/events/topics';
import { unitOf } from '../../../lib/deviceKinds';
// The one call into devices' code left (README "Domain events: topology"): an edge gateway's
// HMAC secret stays in devices' table alone (sealed), and a revoked key stops verifying at once,
// not when a read model catches up.
import { edgeKeyForVerification } from '../../devices/edgeGateways/edgeGateways';
import { lookupDevices } from '../topology';
import type { TelemetryDependencies } from '../dependencies';
import { mapBatch, type IngestScope } from './mapBatch';
import { partitionKeeper } from './partitions';
import { readingKey, storeReadings, type ReadingRow } from './storeReadings';

/** Seen nonces are forgotten once no timestamp they could carry would be fresh any more. */
const NONCE_RETENTION_MS = 2 * MAX_CLOCK_SKEW_SECONDS * 1000;
const PRUNE_EVERY_BATCHES = 100;

/**
 * `POST /ingest/v1/batches`: verifies a signed batch (lib/edge/signedBatch.ts) and stores its
 * readings. Refusals change nothing and all answer `{ error: { code, message } }` with a code
 * from lib/edge/ingestCodes.ts: 401 for the signature, its freshness, its key or a replayed
 * nonce; 400 for a malformed body; 413 when too large. A stored batch answers 200 with an
 * IngestResult. The key is an edge gateway's (one farm) or this process's own in-process key
 * (every farm, all-in-one mode only).
 */
export function mountIngest(app: Express, options: { db: Database; log: Logger; deps: TelemetryDependencies }): void {
  const { db, deps } = options;
  const log = options.log.child({ component: 'ingest' });
  const ensurePartitions = partitionKeeper(db.sql);
  let batchesSincePrune = 0;

  const refuse = (res: Response, status: number, code: BatchRefusal, message: string) => {
    ingestBatches.inc({ outcome: code });
    res.status(status).json(batchRefusalBody(code, message));
  };

  const verifyingKey = async (keyId: string, now: Date): Promise<VerifyingKey<IngestScope> | undefined> => {
    const own = inProcessEdgeKey(keyId);
    if (own) return { ...own, scope: 'every-farm' };
    const edge = await edgeKeyForVerification(db.prisma, deps.secretBox, keyId, now);
    return edge ? { keyId: edge.keyId, secret: edge.secret, scope: { tenantId: edge.tenantId, farmId: edge.farmId } } : undefined;
  };

  // The body parser's own refusals (over the limit, a broken stream) answer in this endpoint's shape, not the generic one.
  const readBody = express.raw({ type: () => true, limit: MAX_BATCH_BYTES });
  const readBatchBody = (req: Request, res: Response, next: NextFunction) =>
    readBody(req, res, (error?: unknown) => {
      if (!error) return next();
      if ((error as { status?: number }).status === 413)
        return refuse(res, 413, BatchRefusal.BatchTooLarge, `A batch body is at most ${MAX_BATCH_BYTES} bytes`);
      return refuse(res, 400, BatchRefusal.BatchMalformed, 'The batch body could not be read');
    });

  app.post(INGEST_PATH, readBatchBody, async (req: Request, res: Response) => {
    const now = deps.now();
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const verified = await verifySignedRequest(
      { headers: req.headers, method: req.method, path: INGEST_PATH, body, noun: 'batch' },
      now,
      (keyId) => verifyingKey(keyId, now),
      async (keyId, nonce) =>
        (
          await db.sql.query(`INSERT INTO "telemetry"."ingest_nonce" (key_id, nonce, seen_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1 AS seen`, [
            keyId,
            nonce,
            now.toISOString(),
          ])
        ).length > 0,
    );
    if (!verified.ok) return refuse(res, verified.status, verified.code, verified.message);
    const key = verified.key;

    let batch: { batchId: string; messages: unknown[] };
    try {
      batch = batchSchema.parse(JSON.parse(body.toString('utf8')));
    } catch {
      return refuse(res, 400, BatchRefusal.BatchMalformed, 'Expected JSON {"batchId": "...", "messages": [1 to 5000 messages]}');
    }
    const deviceIds = batch.messages.map((message) => (message as { deviceId?: unknown })?.deviceId).filter((id): id is string => typeof id === 'string');
    const mapped = mapBatch(batch.messages, key.scope, await lookupDevices(db.prisma, deviceIds), now);
    await ensurePartitions(mapped.rows.map((row) => row.observedAt));
    // The rows and the event announcing exactly them commit together: consumers (alerts, usage,
    // weigh-in, live relay) see every stored reading once the batch is acknowledged, and never one
    // that was not stored.
    const newRows = await db.sql.transaction(async (tx) => {
      const storedRows = await storeReadings(tx, mapped.rows);
      // Every row is new unless the batch was sent before (a retry): then only those written now.
      const written =
        storedRows.size === mapped.rows.length ? mapped.rows : mapped.rows.filter((row) => storedRows.has(readingKey(row.deviceId, row.eventId, row.metric)));
      // One event per farm: an edge gateway's batch is one farm's (one row); the all-in-one
      // ingestor's may carry several, and each farm's events must stay in their partition's order.
      for (const farmRows of groupByFarm(written)) await appendEvent(tx, READINGS_STORED, readingsStoredEvent(farmRows));
      return written;
    });
    // A message was stored now when any of its readings was; else it is a re-sent one.
    const accepted = newRows === mapped.rows ? mapped.messageKeys.length : countStoredMessages(mapped.messageKeys, newRows);
    const result: IngestResult = { accepted, duplicates: mapped.messageKeys.length - accepted, rejected: mapped.rejected };
    ingestBatches.inc({ outcome: 'stored' });
    ingestMessages.inc({ outcome: 'accepted' }, result.accepted);
    ingestMessages.inc({ outcome: 'duplicate' }, result.duplicates);
    ingestMessages.inc({ outcome: 'rejected' }, result.rejected.length);
    log.debug({ batchId: batch.batchId, keyId: key.keyId, ...result, rejected: result.rejected.length }, 'batch ingested');
    res.status(200).json(result);

    if (++batchesSincePrune >= PRUNE_EVERY_BATCHES) {
      batchesSincePrune = 0;
      db.sql
        .query(`DELETE FROM "telemetry"."ingest_nonce" WHERE seen_at < $1`, [new Date(now.getTime() - NONCE_RETENTION_MS).toISOString()])
        .catch((error: Error) => log.warn({ err: error.message }, 'could not prune ingest nonces'));
    }
  });
}

function readingsStoredEvent(rows: readonly ReadingRow[]): ReadingsStoredEvent {
  return {
    readings: rows.map((row) => ({
      tenantId: row.tenantId,
      farmId: row.farmId,
      barnId: row.barnId,
      deviceId: row.deviceId,
      eventId: row.eventId,
      metric: row.metric,
      unit: unitOf(row.metric),
      value: row.value,
      observedAt: row.observedAt.toISOString(),
      receivedAt: row.receivedAt.toISOString(),
    })),
  };
}

function countStoredMessages(messageKeys: readonly string[], storedRows: readonly ReadingRow[]): number {
  const storedMessages = new Set(storedRows.map((row) => `${row.deviceId} ${row.eventId}`));
  return messageKeys.filter((key) => storedMessages.has(key)).length;
}

function groupByFarm(rows: readonly ReadingRow[]): ReadingRow[][] {
  const byFarm = new Map<string, ReadingRow[]>();
  for (const row of rows) {
    const list = byFarm.get(row.farmId);
    if (list) list.push(row);
    else byFarm.set(row.farmId, [row]);
  }
  return [...byFarm.values()];
}

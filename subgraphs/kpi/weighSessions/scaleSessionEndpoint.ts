import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { SecretBox } from '../../../lib/crypto/secretBox';
import type { Database, PrismaClient } from '../../../lib/db/database';
import { batchRefusalBody, type BatchRefusal } from '../../../lib/edge/ingestCodes';
import { inProcessEdgeKey } from '../../../lib/edge/inProcessEdgeKey';
import { MAX_SCALE_SESSION_REQUEST_BYTES, SCALE_SESSION_PATH, ScaleSessionRefusal, type ScaleSessionForCamera } from '../../../lib/edge/scaleSessionLink';
import { MAX_CLOCK_SKEW_SECONDS } from '../../../lib/edge/signedBatch';
import { verifySignedRequest, type VerifyingKey } from '../../../lib/edge/verifySignedRequest';
import type { Logger } from '../../../lib/logger';
import { isUuid } from '../../../lib/validation';
// As telemetry's ingest (README "Domain events: topology"): an edge gateway's HMAC secret stays in
// devices' table alone (sealed), and a revoked key stops verifying at once.
import { edgeKeyForVerification } from '../../devices/edgeGateways/edgeGateways';
import { lookupDevices } from '../topology';

/** Whom a key speaks for: one farm of one tenant, or (the all-in-one process's own key) every farm. */
type EdgeScope = { tenantId: string; farmId: string } | 'every-farm';

/** Seen nonces are forgotten once no timestamp they could carry would be fresh any more. */
const NONCE_RETENTION_MS = 2 * MAX_CLOCK_SKEW_SECONDS * 1000;
const PRUNE_EVERY_REQUESTS = 100;

/** The latest finalized platform-scale session of a tenant's barn, or null. */
export async function latestScaleSession(db: PrismaClient, tenantId: string, barnId: string): Promise<ScaleSessionForCamera | null> {
  const session = await db.weighSession.findFirst({
    where: { tenantId, barnId, source: 'PLATFORM_SCALE', status: 'FINALIZED', finalizedAt: { not: null }, weighedOn: { not: null } },
    orderBy: [{ finalizedAt: 'desc' }, { id: 'desc' }],
  });
  if (!session) return null;
  return {
    id: session.id,
    barnId,
    weighedOn: session.weighedOn!.toISOString().slice(0, 10),
    finalizedAt: session.finalizedAt!.toISOString(),
    weightsGrams: session.weightsGrams,
  };
}

/**
 * `POST /edge/v1/scale-sessions/latest` (lib/edge/scaleSessionLink.ts): a farm box, signing
 * with its farm's edge key as it signs its batches, asks for the latest finalized
 * platform-scale session of a camera's barn. The camera is looked up in kpi's topology read
 * model; one that is not an active camera of the key's farm answers CAMERA_UNKNOWN, the same
 * as an id nobody has, so a key learns nothing about other farms.
 */
export function mountScaleSessionEndpoint(app: Express, options: { db: Database; secretBox: () => SecretBox; now: () => Date; log: Logger }): void {
  const { db, now } = options;
  const log = options.log.child({ component: 'scale-session-endpoint' });
  let requestsSincePrune = 0;

  const verifyingKey = async (keyId: string, at: Date): Promise<VerifyingKey<EdgeScope> | undefined> => {
    const own = inProcessEdgeKey(keyId);
    if (own) return { ...own, scope: 'every-farm' };
    const edge = await edgeKeyForVerification(db.prisma, options.secretBox(), keyId, at);
    return edge ? { keyId: edge.keyId, secret: edge.secret, scope: { tenantId: edge.tenantId, farmId: edge.farmId } } : undefined;
  };
  const claimNonce = async (keyId: string, nonce: string, at: Date): Promise<boolean> =>
    (
      await db.sql.query(`INSERT INTO "kpi"."edge_nonce" (key_id, nonce, seen_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1 AS seen`, [
        keyId,
        nonce,
        at.toISOString(),
      ])
    ).length > 0;

  const refuse = (res: Response, status: number, code: BatchRefusal | ScaleSessionRefusal, message: string) =>
    void res.status(status).json({ error: { code, message } });
  const readBody = express.raw({ type: () => true, limit: MAX_SCALE_SESSION_REQUEST_BYTES });
  const readRequestBody = (req: Request, res: Response, next: NextFunction) =>
    readBody(req, res, (error?: unknown) =>
      error
        ? refuse(res, 400, ScaleSessionRefusal.BadRequest, `Expected JSON {"cameraId": "<device id>"} of at most ${MAX_SCALE_SESSION_REQUEST_BYTES} bytes`)
        : next(),
    );

  app.post(SCALE_SESSION_PATH, readRequestBody, async (req: Request, res: Response, next: NextFunction) => {
    try {
      const at = now();
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const verified = await verifySignedRequest(
        { headers: req.headers, method: req.method, path: SCALE_SESSION_PATH, body, noun: 'request' },
        at,
        (keyId) => verifyingKey(keyId, at),
        (keyId, nonce) => claimNonce(keyId, nonce, at),
      );
      if (!verified.ok) return void res.status(verified.status).json(batchRefusalBody(verified.code, verified.message));
      const cameraId = cameraIdOf(body);
      if (!cameraId) return refuse(res, 400, ScaleSessionRefusal.BadRequest, 'Expected JSON {"cameraId": "<device id>"}');
      const camera = (await lookupDevices(db.prisma, [cameraId])).get(cameraId.toLowerCase());
      const scope = verified.key.scope;
      const mayAsk =
        camera?.kind === 'CAMERA' &&
        camera.status === 'ACTIVE' &&
        (scope === 'every-farm' || (camera.tenantId === scope.tenantId && camera.farmId === scope.farmId));
      if (!camera || !mayAsk) {
        log.info({ keyId: verified.key.keyId, camera: cameraId.slice(0, 64) }, 'scale session refused: not an active camera of the key’s farm');
        return refuse(res, 404, ScaleSessionRefusal.CameraUnknown, 'No active camera of this farm has that id');
      }
      const session = await latestScaleSession(db.prisma, camera.tenantId, camera.barnId);
      if (!session) return refuse(res, 404, ScaleSessionRefusal.NoScaleSession, 'The camera’s barn has no finalized platform-scale weigh session yet');
      res.json({ session });
      if (++requestsSincePrune >= PRUNE_EVERY_REQUESTS) {
        requestsSincePrune = 0;
        db.sql
          .query(`DELETE FROM "kpi"."edge_nonce" WHERE seen_at < $1`, [new Date(at.getTime() - NONCE_RETENTION_MS).toISOString()])
          .catch((error: Error) => log.warn({ err: error.message }, 'could not prune edge nonces'));
      }
    } catch (error) {
      next(error);
    }
  });
}

function cameraIdOf(body: Buffer): string | undefined {
  try {
    const cameraId = (JSON.parse(body.toString('utf8')) as { cameraId?: unknown })?.cameraId;
    return typeof cameraId === 'string' && isUuid(cameraId) ? cameraId : undefined;
  } catch {
    return undefined;
  }
}

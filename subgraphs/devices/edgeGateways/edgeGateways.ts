import { appendAuditEvent, type AuditActor } from '../../../lib/audit/auditEvents';
import { randomBytes } from 'node:crypto';
import type { EdgeGateway, Prisma, PrismaClient } from '../../../lib/db/generated/client';
import type { SecretBox } from '../../../lib/crypto/secretBox';
import { isUniqueViolation } from '../../../lib/db/errors';
import { badInput, ErrorCode, notFound, userError } from '../../../lib/errors';
import { isUuid, requireText, requireUuid } from '../../../lib/validation';
import { DEFAULT_OVERLAP_SECONDS, MAX_OVERLAP_SECONDS } from '../credentials/deviceCredentials';

type Db = PrismaClient | Prisma.TransactionClient;

/** 256-bit HMAC-SHA256 keys: the full strength of the hash. */
const SECRET_BYTES = 32;
export const GATEWAY_NAME_MAX_LENGTH = 120;

/** What registering or rotating answers, once: the edge stores the secret, the cloud its ciphertext. */
export interface EdgeGatewaySecret {
  gateway: EdgeGateway;
  keyId: string;
  secret: string;
  previousValidUntil: Date | null;
}

const newKeyId = () => `egk_${randomBytes(12).toString('base64url')}`;

async function issueKey(db: Db, box: SecretBox, gatewayId: string, now: Date): Promise<{ keyId: string; secret: string }> {
  const keyId = newKeyId();
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  await db.edgeGatewayKey.create({ data: { id: keyId, gatewayId, secretCiphertext: box.seal(secret, keyId), issuedAt: now } });
  return { keyId, secret };
}

async function tenantGateway(db: PrismaClient, tenantId: string, gatewayId: string): Promise<EdgeGateway> {
  const gateway = isUuid(gatewayId) ? await db.edgeGateway.findFirst({ where: { id: gatewayId, tenantId } }) : null;
  if (!gateway) throw notFound('Edge gateway');
  return gateway;
}

export async function registerEdgeGateway(
  db: PrismaClient,
  box: SecretBox,
  tenantId: string,
  input: { farmId: string; name: string },
  now: Date,
  actor?: AuditActor,
): Promise<EdgeGatewaySecret> {
  const farm = await db.farm.findFirst({ where: { id: requireUuid(input.farmId, 'farmId'), tenantId } });
  if (!farm) throw notFound('Farm');
  const name = requireText(input.name, 'name', GATEWAY_NAME_MAX_LENGTH);
  try {
    return await db.$transaction(async (tx) => {
      const gateway = await tx.edgeGateway.create({ data: { tenantId, farmId: farm.id, name, createdAt: now } });
      const key = await issueKey(tx, box, gateway.id, now);
      if (actor) await appendAuditEvent(tx, actor, { action: 'EDGE_GATEWAY_REGISTERED', tenantId, targetType: 'EdgeGateway', targetId: gateway.id }, now);
      return { gateway, ...key, previousValidUntil: null };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw userError(ErrorCode.Conflict, `name: the farm already has an edge gateway named "${name}"`);
    throw error;
  }
}

/** A new key now; the keys valid now keep verifying for `overlapSeconds`. */
export async function rotateEdgeGatewayKey(
  db: PrismaClient,
  box: SecretBox,
  tenantId: string,
  input: { gatewayId: string; overlapSeconds?: number | null },
  now: Date,
  actor?: AuditActor,
): Promise<EdgeGatewaySecret> {
  const overlapSeconds = input.overlapSeconds ?? DEFAULT_OVERLAP_SECONDS;
  if (!Number.isInteger(overlapSeconds) || overlapSeconds < 0 || overlapSeconds > MAX_OVERLAP_SECONDS) {
    throw badInput(`overlapSeconds: expected 0 to ${MAX_OVERLAP_SECONDS} seconds, got ${overlapSeconds}`, 'overlapSeconds');
  }
  const gateway = await tenantGateway(db, tenantId, input.gatewayId);
  if (gateway.revokedAt) throw badInput('The edge gateway is revoked; register a new one', 'gatewayId');
  const previousValidUntil = new Date(now.getTime() + overlapSeconds * 1000);
  return db.$transaction(async (tx) => {
    await tx.edgeGatewayKey.updateMany({
      where: { gatewayId: gateway.id, revokedAt: null, OR: [{ validUntil: null }, { validUntil: { gt: previousValidUntil } }] },
      data: { validUntil: previousValidUntil },
    });
    const key = await issueKey(tx, box, gateway.id, now);
    if (actor) await appendAuditEvent(tx, actor, { action: 'EDGE_GATEWAY_KEY_ROTATED', tenantId, targetType: 'EdgeGateway', targetId: gateway.id }, now);
    return { gateway, ...key, previousValidUntil };
  });
}

/** Ends the gateway and all its keys at once. */
export async function revokeEdgeGateway(db: PrismaClient, tenantId: string, gatewayId: string, now: Date, actor?: AuditActor): Promise<EdgeGateway> {
  const gateway = await tenantGateway(db, tenantId, gatewayId);
  if (gateway.revokedAt) return gateway;
  return db.$transaction(async (tx) => {
    // Conditional: a concurrent revocation that got there first is answered like a repeated one, without a second audit record.
    const revoking = await tx.edgeGateway.updateMany({ where: { id: gateway.id, revokedAt: null }, data: { revokedAt: now } });
    const revoked = await tx.edgeGateway.findUniqueOrThrow({ where: { id: gateway.id } });
    if (revoking.count !== 1) return revoked;
    await tx.edgeGatewayKey.updateMany({ where: { gatewayId: gateway.id, revokedAt: null }, data: { revokedAt: now } });
    if (actor) await appendAuditEvent(tx, actor, { action: 'EDGE_GATEWAY_REVOKED', tenantId, targetType: 'EdgeGateway', targetId: gateway.id }, now);
    return revoked;
  });
}

/** What the ingest endpoint needs to verify a batch signed with `keyId`. */
export interface EdgeKey {
  keyId: string;
  secret: string;
  gatewayId: string;
  tenantId: string;
  farmId: string;
}

/** The secret of a key that verifies now (not revoked, within its overlap), or null. */
export async function edgeKeyForVerification(db: PrismaClient, box: SecretBox, keyId: string, now = new Date()): Promise<EdgeKey | null> {
  const key = await db.edgeGatewayKey.findFirst({
    where: { id: keyId, revokedAt: null, OR: [{ validUntil: null }, { validUntil: { gt: now } }], gateway: { revokedAt: null } },
    include: { gateway: true },
  });
  if (!key) return null;
  return {
    keyId: key.id,
    secret: box.open(key.secretCiphertext, key.id),
    gatewayId: key.gatewayId,
    tenantId: key.gateway.tenantId,
    farmId: key.gateway.farmId,
  };
}

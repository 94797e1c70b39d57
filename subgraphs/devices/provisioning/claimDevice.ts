import { appendAuditEvent, type AuditActor } from '../../../lib/audit/auditEvents';
import type { Device, PrismaClient } from '../../../lib/db/generated/client';
import { badInput, ErrorCode, userError } from '../../../lib/errors';
import { assertNotRateLimited, recordFailure } from '../../../lib/rateLimit/slidingWindow';
import type { RateLimitStore } from '../../../lib/rateLimit/store';
import { claimCodeMatches, parseClaimLink } from './claimCodes';

/** Wrong claims a tenant may make in the limiter's window before it is RATE_LIMITED. */
export const MAX_CLAIM_FAILURES_PER_TENANT = 10;
/** Where the claim limiter keeps its counts in Redis. */
export const CLAIM_FAILURES_NAMESPACE = 'claim-failures';
const tenantKey = (tenantId: string) => `tenant:${tenantId}`;

/** An unknown serial and a wrong code get this same answer: claiming reveals no serials. */
const NO_SUCH_CLAIM = 'No device with this serial number and claim code';

export interface ClaimRequest {
  serialNumber?: string | null;
  claimCode?: string | null;
  /** The whole `farmiq://claim?...` link from the label's QR code, instead of the two fields. */
  claimLink?: string | null;
}

function claimFields(request: ClaimRequest): { serialNumber: string; claimCode: string } {
  if (request.claimLink) {
    const parsed = parseClaimLink(request.claimLink);
    if (!parsed) throw badInput('claimLink: expected the farmiq://claim?serial=...&code=... link of a device label', 'claimLink');
    return parsed;
  }
  if (!request.serialNumber || !request.claimCode) throw badInput('give serialNumber and claimCode, or claimLink', 'claimCode');
  return { serialNumber: request.serialNumber.trim(), claimCode: request.claimCode };
}

/**
 * Makes a PENDING device the caller's tenant's (CLAIMED) and spends its code. Wrong codes are
 * counted per tenant; at the limit every claim is RATE_LIMITED until the window moves on.
 */
export async function claimDevice(
  db: PrismaClient,
  limits: RateLimitStore,
  tenantId: string,
  request: ClaimRequest,
  now: Date,
  actor?: AuditActor,
): Promise<Device> {
  const { serialNumber, claimCode } = claimFields(request);
  const limit = { key: tenantKey(tenantId), max: MAX_CLAIM_FAILURES_PER_TENANT };
  await assertNotRateLimited(limits, [limit], now);
  const device = await db.device.findUnique({ where: { serialNumber } });
  if (!device || !claimCodeMatches(device.claimCodeHash, claimCode)) {
    await recordFailure(limits, [limit.key], now);
    throw badInput(NO_SUCH_CLAIM, 'claimCode');
  }
  // The caller holds the right code from here on, so it may learn the device's state.
  if (device.status !== 'PENDING') throw userError(ErrorCode.Conflict, `This device was claimed already (it is ${device.status}); its claim code is spent`);
  if (device.claimCodeExpiresAt <= now)
    throw badInput(`This claim code expired on ${device.claimCodeExpiresAt.toISOString()}; ask the supplier for a new label`, 'claimCode');
  // Conditional on PENDING: of two concurrent claims with the right code, one wins.
  return db.$transaction(async (tx) => {
    const claimed = await tx.device.updateMany({ where: { id: device.id, status: 'PENDING' }, data: { status: 'CLAIMED', tenantId, claimedAt: now } });
    if (claimed.count !== 1) throw userError(ErrorCode.Conflict, 'This device was claimed already; its claim code is spent');
    if (actor) await appendAuditEvent(tx, actor, { action: 'DEVICE_CLAIMED', tenantId, targetType: 'Device', targetId: device.id }, now);
    return tx.device.findUniqueOrThrow({ where: { id: device.id } });
  });
}

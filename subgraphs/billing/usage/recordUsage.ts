import type { PrismaClient, UsageKind } from '../../../lib/db/generated/client';
import { badInput } from '../../../lib/errors';
import { requireText, requireUuid } from '../../../lib/validation';

export interface UsageInput {
  tenantId: string;
  kind: UsageKind;
  /** The source's own key for this usage (`device:<id>:2026-11-25`, a message batch id): a key seen before is ignored. */
  usageKey: string;
  quantity: number;
  occurredAt: Date;
}

/**
 * Records metered usage once per (tenant, usage key); the unique constraint deduplicates, also
 * between concurrent deliveries. Usage that arrives after its period was invoiced is simply not
 * billed yet, so the next invoice the tenant gets picks it up. Returns false for a duplicate.
 *
 * The devices and telemetry subgraphs are meant to call this through their public interfaces.
 */
export async function recordUsage(db: PrismaClient, input: UsageInput): Promise<boolean> {
  const tenantId = requireUuid(input.tenantId, 'tenantId');
  const usageKey = requireText(input.usageKey, 'usageKey', 200);
  if (!Number.isSafeInteger(input.quantity) || input.quantity < 1 || input.quantity > 2_147_483_647) {
    throw badInput(`quantity: expected a whole number from 1 to 2147483647, got ${input.quantity}`, 'quantity');
  }
  if (input.kind === 'ACTIVE_DEVICE_DAY' && input.quantity !== 1) {
    throw badInput(`quantity: an ACTIVE_DEVICE_DAY record counts one device, got ${input.quantity}`, 'quantity');
  }
  const { count } = await db.usageRecord.createMany({
    data: [{ tenantId, kind: input.kind, usageKey, quantity: input.quantity, occurredAt: input.occurredAt }],
    skipDuplicates: true,
  });
  return count === 1;
}

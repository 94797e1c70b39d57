import type { Batch as BatchRow, Prisma } from '../../../lib/db/generated/client';
import { appendEventInPrisma } from '../../../lib/events/outbox';
import { BATCH_CLOSED } from '../../../lib/events/topics';
import type { PrismaClient } from '../../../lib/db/database';
import { badInput, notFound } from '../../../lib/errors';
import { isUuid } from '../../../lib/validation';
import { dateColumnToDay, daysBetween } from '../formulas/dates';

/** The tenant's batch `batchId`: NOT_FOUND for another tenant's id or anything unknown (no hint it exists). */
export async function findTenantBatch(db: PrismaClient, tenantId: string, batchId: string): Promise<BatchRow> {
  const batch = isUuid(batchId) ? await db.batch.findFirst({ where: { id: batchId.toLowerCase(), tenantId } }) : null;
  if (!batch) throw notFound('Batch');
  return batch;
}

/** A record's farm-local day as a DATE value: on or after the placement day. */
export function requireRecordDay(batch: BatchRow, day: string, field: string): Date {
  const placedOn = dateColumnToDay(batch.placedOn);
  if (daysBetween(placedOn, day) < 0) throw badInput(`${field}: expected ${placedOn} (the placement day) or later, got ${day}`, field);
  return new Date(`${day}T00:00:00Z`);
}

/** An integer count within [min, max]. */
export function requireCount(value: number, field: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw badInput(`${field}: expected a whole number from ${min} to ${max}, got ${value}`, field);
  return value;
}

/** Optional free text (a cause, a treatment): trimmed, at most `maxLength`, no control characters; blank is none. */
export function optionalNote(value: string | null | undefined, field: string, maxLength: number): string | null {
  const text = value?.trim() ?? '';
  if (text.length === 0) return null;
  if (text.length > maxLength) throw badInput(`${field}: expected at most ${maxLength} characters, got ${text.length}`, field);
  if (/\p{Cc}/u.test(text)) throw badInput(`${field}: control characters are not allowed`, field);
  return text;
}

/**
 * Runs `write` (a death, cull or sale of `leaving` animals) only if that many are left: dead,
 * culled and sold together never exceed the head count placed. The batch row is locked for the
 * check and the insert, so two removals at once cannot both take the last animals.
 */
export async function removeAnimals(
  db: PrismaClient,
  batch: BatchRow,
  leaving: number,
  write: (tx: Prisma.TransactionClient) => Promise<unknown>,
): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "kpi"."batch" WHERE id = ${batch.id}::uuid FOR UPDATE`;
    const where = { tenantId: batch.tenantId, batchId: batch.id };
    const mortality = await tx.mortalityRecord.aggregate({ where, _sum: { headCount: true } });
    const depletions = await tx.depletionRecord.aggregate({ where, _sum: { headCount: true } });
    const left = batch.headCountPlaced - (mortality._sum.headCount ?? 0) - (depletions._sum.headCount ?? 0);
    if (leaving > left) throw badInput(`headCount: only ${left} of the ${batch.headCountPlaced} animals placed are left, got ${leaving}`, 'headCount');
    await write(tx);
    // The last animals leaving close the batch: announced with the record that emptied it.
    if (leaving === left) {
      await appendEventInPrisma(tx, BATCH_CLOSED, {
        tenantId: batch.tenantId,
        farmId: batch.farmId,
        barnId: batch.barnId,
        batchId: batch.id,
        species: batch.species,
        headCountPlaced: batch.headCountPlaced,
        placedOn: batch.placedOn.toISOString().slice(0, 10),
        closedAt: new Date().toISOString(),
      });
    }
  });
}

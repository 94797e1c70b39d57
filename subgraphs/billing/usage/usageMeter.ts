import { createHash } from 'node:crypto';
import type { Database, PrismaClient } from '../../../lib/db/database';
import { startConsumer } from '../../../lib/events/consumer';
import { READINGS_STORED, type ReadingsStoredEvent } from '../../../lib/events/topics';
import type { Logger } from '../../../lib/logger';
import { consumerTopology } from '../topology';

/** How often active devices are counted; each count is idempotent per device and UTC day. */
export const ACTIVE_DEVICE_SCAN_MS = 60 * 60 * 1000;

/**
 * Usage from the other subgraphs' public interfaces, never their tables: telemetry messages
 * from the stored-readings events ingest publishes, active devices from billing's read model of devices' topology (lib/topology).
 * Every record carries a key derived from what it counts, so a redelivered event or a second
 * scan of the same day records nothing new.
 */
export function messageUsage(event: ReadingsStoredEvent): Array<{ tenantId: string; usageKey: string; quantity: number; occurredAt: Date }> {
  const eventsByTenant = new Map<string, Set<string>>();
  const latestByTenant = new Map<string, string>();
  for (const reading of event.readings) {
    if (!eventsByTenant.has(reading.tenantId)) eventsByTenant.set(reading.tenantId, new Set());
    eventsByTenant.get(reading.tenantId)!.add(`${reading.deviceId} ${reading.eventId}`);
    if ((latestByTenant.get(reading.tenantId) ?? '') < reading.receivedAt) latestByTenant.set(reading.tenantId, reading.receivedAt);
  }
  return [...eventsByTenant].map(([tenantId, events]) => ({
    tenantId,
    // The messages themselves name the record: the same messages announced twice are one record.
    usageKey: `messages:${createHash('sha256')
      .update([...events].sort().join('\n'))
      .digest('base64url')}`,
    quantity: events.size,
    occurredAt: new Date(latestByTenant.get(tenantId)!),
  }));
}

/** Records one ACTIVE_DEVICE_DAY per ACTIVE device for the UTC day of `now`. Returns how many were new. */
export async function recordActiveDeviceDays(db: PrismaClient, now: Date): Promise<number> {
  const day = now.toISOString().slice(0, 10);
  const devices = await consumerTopology.activeDevices(db);
  if (devices.length === 0) return 0;
  const { count } = await db.usageRecord.createMany({
    data: devices.map((device) => ({
      tenantId: device.tenantId,
      kind: 'ACTIVE_DEVICE_DAY' as const,
      usageKey: `device:${device.deviceId}:${day}`,
      quantity: 1,
      occurredAt: now,
    })),
    skipDuplicates: true,
  });
  return count;
}

export async function recordMessageUsage(db: PrismaClient, event: ReadingsStoredEvent): Promise<number> {
  const records = messageUsage(event);
  if (records.length === 0) return 0;
  const { count } = await db.usageRecord.createMany({
    data: records.map((record) => ({ ...record, kind: 'TELEMETRY_MESSAGES' as const })),
    skipDuplicates: true,
  });
  return count;
}

/** The durable consumer's name: its cursor in `events.consumer_partition`. */
export const USAGE_METER = 'billing.usage-meter';

/** Starts metering in this process: messages as they are stored (durably, from the outbox), active devices every hour. */
export async function startUsageMeter(options: {
  db: Database;
  log: Logger;
  now: () => Date;
  scanEveryMs?: number;
}): Promise<{ drain(timeoutMs?: number): Promise<void>; stop(): Promise<void> }> {
  const log = options.log.child({ component: 'usage-meter' });
  const prisma = options.db.prisma;
  const scan = () => recordActiveDeviceDays(prisma, options.now()).catch((error: Error) => log.error({ err: error.message }, 'could not count active devices'));
  const consumer = await startConsumer({
    name: USAGE_METER,
    topic: READINGS_STORED,
    sql: options.db.sql,
    log,
    // Idempotent (usage keys): a crash repeats at most a turn's batches, at one cursor UPDATE a turn.
    advancePerTurn: true,
    handle: async (event) => void (await recordMessageUsage(prisma, event)),
  });
  void scan();
  const timer = setInterval(scan, options.scanEveryMs ?? ACTIVE_DEVICE_SCAN_MS);
  timer.unref();
  return {
    drain: (timeoutMs) => consumer.drain(timeoutMs),
    async stop() {
      clearInterval(timer);
      await consumer.stop();
    },
  };
}

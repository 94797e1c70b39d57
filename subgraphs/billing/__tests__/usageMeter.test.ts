import { randomUUID } from 'node:crypto';
import type { Database } from '../../../lib/db/database';
import type { PrismaClient } from '../../../lib/db/generated/client';
import { appendEvent } from '../../../lib/events/outbox';
import { READINGS_STORED, type ReadingEvent } from '../../../lib/events/topics';
import { createLogger } from '../../../lib/logger';
import { databaseRateLimitStore } from '../../../lib/rateLimit/store';
import type { Consumer } from '../../../lib/events/consumer';
import { startTopologyReadModel } from '../../../lib/topology/startTopologyReadModel';
import { migratedDatabase } from '../../../tests/support/database';
import { backends } from '../../../tests/support/postgres';
import { waitFor } from '../../../tests/support/waitFor';
import { claimDevice } from '../../devices/provisioning/claimDevice';
import { activateDevice, revokeDevice } from '../../devices/provisioning/lifecycle';
import { registerDevices } from '../../devices/provisioning/registerDevices';
import { recordActiveDeviceDays, recordMessageUsage, startUsageMeter } from '../usage/usageMeter';

describe.each(backends())('usage metering on %s', (backend) => {
  let db: PrismaClient;
  let database: Database;
  let close: () => Promise<void>;
  let topology: Consumer | undefined;
  beforeAll(async () => {
    const opened = await migratedDatabase(backend);
    database = opened.db;
    db = opened.db.prisma;
    close = opened.close;
    // The billing worker that keeps its read model of devices' topology (the farms and barns made below).
    topology = await startTopologyReadModel({ sql: database.sql, log: createLogger('silent'), schema: 'billing' });
  });
  afterAll(async () => {
    await topology?.stop();
    await close?.();
  });

  async function activeDevice(tenantId: string, barnId: string): Promise<string> {
    const serialNumber = `SN-${randomUUID().slice(0, 8)}`;
    const [label] = await registerDevices(db, [{ serialNumber, kind: 'WATER_METER' }], 30, new Date());
    await claimDevice(db, databaseRateLimitStore(db.claimFailure), tenantId, { serialNumber, claimCode: label!.claimCode }, new Date());
    return (await activateDevice(db, tenantId, { deviceId: label!.deviceId, barnId, name: serialNumber }, new Date())).device.id;
  }

  async function tenantWithBarn() {
    const tenantId = randomUUID();
    const farm = await db.farm.create({ data: { tenantId, name: 'Farm', timeZone: 'UTC' } });
    const barn = await db.barn.create({ data: { tenantId, farmId: farm.id, name: 'Barn', species: 'PIG', capacityHead: 10 } });
    return { tenantId, farmId: farm.id, barnId: barn.id };
  }

  const usage = (tenantId: string) =>
    db.usageRecord.findMany({ where: { tenantId }, orderBy: { usageKey: 'asc' }, select: { kind: true, usageKey: true, quantity: true } });

  it('counts each ACTIVE device once per UTC day, however often it scans', async () => {
    const { tenantId, barnId } = await tenantWithBarn();
    const kept = await activeDevice(tenantId, barnId);
    const revoked = await activeDevice(tenantId, barnId);
    await revokeDevice(db, tenantId, revoked, new Date());
    const day1 = new Date('2026-11-24T10:00:00Z');
    await recordActiveDeviceDays(db, day1);
    await recordActiveDeviceDays(db, new Date('2026-11-24T23:59:59Z'));
    await recordActiveDeviceDays(db, new Date('2026-11-25T00:00:00Z'));
    expect(await usage(tenantId)).toEqual([
      { kind: 'ACTIVE_DEVICE_DAY', usageKey: `device:${kept}:2026-11-24`, quantity: 1 },
      { kind: 'ACTIVE_DEVICE_DAY', usageKey: `device:${kept}:2026-11-25`, quantity: 1 },
    ]);
  });

  it('counts stored messages per tenant (not readings), and the same messages announced twice once', async () => {
    const a = await tenantWithBarn();
    const b = await tenantWithBarn();
    const reading = (tenant: typeof a, deviceId: string, eventId: string, metric: string): ReadingEvent => ({
      tenantId: tenant.tenantId,
      farmId: tenant.farmId,
      barnId: tenant.barnId,
      deviceId,
      eventId,
      metric,
      unit: '',
      value: 1,
      observedAt: '2026-11-25T08:00:00.000Z',
      receivedAt: '2026-11-25T08:00:01.000Z',
    });
    const deviceA = randomUUID();
    // Tenant A: two messages (one carries two readings); tenant B: one message.
    const event = {
      readings: [
        reading(a, deviceA, 'e1', 'temperatureC'),
        reading(a, deviceA, 'e1', 'relativeHumidityPercent'),
        reading(a, deviceA, 'e2', 'temperatureC'),
        reading(b, randomUUID(), 'e1', 'waterLitres'),
      ],
    };
    expect(await recordMessageUsage(db, event)).toBe(2);
    expect(await recordMessageUsage(db, event)).toBe(0);
    expect((await usage(a.tenantId)).map((record) => [record.kind, record.quantity])).toEqual([['TELEMETRY_MESSAGES', 2]]);
    expect((await usage(b.tenantId)).map((record) => [record.kind, record.quantity])).toEqual([['TELEMETRY_MESSAGES', 1]]);

    // Running in a process: what ingest writes to the outbox is metered.
    const meter = await startUsageMeter({ db: database, log: createLogger('silent'), now: () => new Date('2026-11-25T09:00:00Z'), scanEveryMs: 60_000 });
    try {
      await database.sql.transaction((tx) => appendEvent(tx, READINGS_STORED, { readings: [reading(b, randomUUID(), 'e9', 'waterLitres')] }));
      await waitFor(async () => expect(await usage(b.tenantId)).toHaveLength(2));
      expect((await usage(b.tenantId)).map((record) => record.quantity)).toEqual([1, 1]);
    } finally {
      await meter.stop();
    }
  });
});

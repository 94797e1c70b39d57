import type { Database } from '../../../lib/db/database';
import type { Alert } from '../../../lib/db/generated/client';
import type { SqlExecutor } from '../../../lib/db/sql';
import { startConsumer, type Consumer } from '../../../lib/events/consumer';
import { READINGS_STORED, type ReadingEvent } from '../../../lib/events/topics';
import type { Logger } from '../../../lib/logger';
import { publishChanges } from '../alerts/alertStore';
import type { AlertChangedEvent, PubSub } from '../../../lib/pubsub/pubsub';
import { consumerTopology } from '../topology';
import { clearSilence, deviceSilentSource, edgeOfflineSource } from './silenceAlerts';
import { farmSilencePolicy } from './farmSilencePolicy';
import { learnCadence, silenceWindowSeconds, type SilencePolicy } from './silenceWindow';

/** The durable consumer's name: its cursor in `events.consumer_partition`. */
export const PRESENCE_RECORDER = 'telemetry.device-presence';

/**
 * Keeps when each device and farm was last heard from (`telemetry.device_presence`,
 * `farm_presence`) from the stored-readings events, learns each device's reporting rhythm, and
 * clears a silence alert when its device (or farm) is heard again. Redelivery changes nothing:
 * times only move forward and rhythms learn only from observations newer than the last.
 */
export function startPresenceRecorder(options: { db: Database; pubsub: PubSub; log: Logger }): Promise<Consumer> {
  return startConsumer({
    name: PRESENCE_RECORDER,
    topic: READINGS_STORED,
    sql: options.db.sql,
    log: options.log,
    // Idempotent (above): a crash repeats at most a turn's batches, at one cursor UPDATE a turn.
    advancePerTurn: true,
    handle: async (event) => publishChanges(options.pubsub, await recordPresence(options.db, event.readings)),
  });
}

const maxTime = (readings: readonly ReadingEvent[], field: 'receivedAt' | 'observedAt') =>
  new Date(Math.max(...readings.map((reading) => Date.parse(reading[field]))));

/** One device's presence as it is written (the newer of the stored and the heard times). */
interface PresenceRow {
  deviceId: string;
  tenantId: string;
  farmId: string;
  barnId: string;
  kind: string;
  intervalSeconds: number | null;
  intervalSamples: number;
  silenceWindowSeconds: number;
  lastReceivedAt: Date;
  lastObservedAt: Date;
}

/**
 * The batch's devices' presence in one statement: a Prisma upsert per device was a query
 * compiled anew for each (its values change every batch), the presence recorder's main cost.
 */
async function writePresence(sql: SqlExecutor, rows: readonly PresenceRow[]): Promise<void> {
  if (rows.length === 0) return;
  const column = <Value>(pick: (row: PresenceRow) => Value) => rows.map(pick);
  await sql.query(
    `INSERT INTO "telemetry"."device_presence"
       (device_id, tenant_id, farm_id, barn_id, kind, interval_seconds, interval_samples, silence_window_seconds, last_received_at, last_observed_at)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::float8[], $7::int[], $8::int[], $9::timestamptz[], $10::timestamptz[])
     ON CONFLICT (device_id) DO UPDATE SET tenant_id = EXCLUDED.tenant_id, farm_id = EXCLUDED.farm_id, barn_id = EXCLUDED.barn_id, kind = EXCLUDED.kind,
       interval_seconds = EXCLUDED.interval_seconds, interval_samples = EXCLUDED.interval_samples, silence_window_seconds = EXCLUDED.silence_window_seconds,
       last_received_at = GREATEST(device_presence.last_received_at, EXCLUDED.last_received_at),
       last_observed_at = GREATEST(device_presence.last_observed_at, EXCLUDED.last_observed_at)`,
    [
      column((row) => row.deviceId),
      column((row) => row.tenantId),
      column((row) => row.farmId),
      column((row) => row.barnId),
      column((row) => row.kind),
      column((row) => row.intervalSeconds),
      column((row) => row.intervalSamples),
      column((row) => row.silenceWindowSeconds),
      column((row) => row.lastReceivedAt.toISOString()),
      column((row) => row.lastObservedAt.toISOString()),
    ],
  );
}

/** Records one batch's readings as presence; returns the silence alerts it cleared. */
export async function recordPresence(database: Pick<Database, 'prisma' | 'sql'>, readings: readonly ReadingEvent[]): Promise<AlertChangedEvent[]> {
  const db = database.prisma;
  const byDevice = new Map<string, ReadingEvent[]>();
  for (const reading of readings) {
    const own = byDevice.get(reading.deviceId);
    if (own) own.push(reading);
    else byDevice.set(reading.deviceId, [reading]);
  }
  const devices = await consumerTopology.lookupDevices(db, [...byDevice.keys()]);
  // The batch's devices' stored presence and active silence alerts, one query each (not one per
  // device), sorted so that a farm's next batch asks the same query (its plan is remembered).
  const placed = [...byDevice.keys()].filter((deviceId) => devices.has(deviceId)).sort();
  const storedPresence = new Map((await db.devicePresence.findMany({ where: { deviceId: { in: placed } } })).map((row) => [row.deviceId, row]));
  const silentAlerts = await db.alert.findMany({ where: { source: { in: placed.map(deviceSilentSource) }, status: 'ACTIVE' } });
  const changes: AlertChangedEvent[] = [];
  const heardFarms = new Map<string, { tenantId: string; heardAt: Date }>();
  const policies = new Map<string, SilencePolicy>();
  const presence: PresenceRow[] = [];
  const heardAgain: Array<{ silent: Alert; heardAt: Date }> = [];

  for (const [deviceId, own] of byDevice) {
    const device = devices.get(deviceId);
    // Only a placed device whose tenant the readings name is watched.
    if (!device || device.tenantId !== own[0]!.tenantId) continue;
    const heardAt = maxTime(own, 'receivedAt');
    const observedAt = maxTime(own, 'observedAt');
    const farm = heardFarms.get(device.farmId);
    if (!farm || farm.heardAt < heardAt) heardFarms.set(device.farmId, { tenantId: device.tenantId, heardAt });

    const stored = storedPresence.get(deviceId) ?? null;
    const observations = [...new Set(own.map((reading) => Date.parse(reading.observedAt)))].sort((a, b) => a - b);
    const policy = policies.get(device.farmId) ?? (await farmSilencePolicy(db, device.farmId));
    policies.set(device.farmId, policy);
    const cadence = learnCadence(
      device.kind,
      stored ?? { intervalSeconds: null, intervalSamples: 0 },
      stored?.lastObservedAt.getTime() ?? null,
      observations,
      policy,
    );
    presence.push({
      deviceId,
      tenantId: device.tenantId,
      farmId: device.farmId,
      barnId: device.barnId,
      kind: device.kind,
      ...cadence,
      silenceWindowSeconds: silenceWindowSeconds(device.kind, cadence, policy),
      lastReceivedAt: stored && stored.lastReceivedAt > heardAt ? stored.lastReceivedAt : heardAt,
      lastObservedAt: stored && stored.lastObservedAt > observedAt ? stored.lastObservedAt : observedAt,
    });
    // A silence alert sits on the barn the device had when it was raised (the stored one); barn,
    // source and status together are what the partial unique index of active alerts answers.
    const silentBarnId = stored?.barnId ?? device.barnId;
    const silent = silentAlerts.find((alert) => alert.barnId === silentBarnId && alert.source === deviceSilentSource(deviceId));
    if (silent) heardAgain.push({ silent, heardAt });
  }
  // Presence first, then the alerts it clears (as a silence check would see them).
  await writePresence(database.sql, presence);
  for (const { silent, heardAt } of heardAgain) {
    const cleared = await db.$transaction((tx) => clearSilence(tx, silent, heardAt));
    if (cleared) changes.push(cleared);
  }

  for (const [farmId, { tenantId, heardAt }] of heardFarms) {
    const offline = await db.alert.findFirst({ where: { barnId: null, source: edgeOfflineSource(farmId), status: 'ACTIVE' } });
    await db.$transaction(async (tx) => {
      const stored = await tx.farmPresence.findUnique({ where: { farmId } });
      const lastReceivedAt = stored && stored.lastReceivedAt > heardAt ? stored.lastReceivedAt : heardAt;
      // Back from offline: its devices' backlog may take a while to drain, so silence is counted afresh.
      const judgedFrom = !stored ? heardAt : offline ? heardAt : stored.judgedFrom;
      await tx.farmPresence.upsert({ where: { farmId }, create: { farmId, tenantId, lastReceivedAt, judgedFrom }, update: { lastReceivedAt, judgedFrom } });
      if (offline) {
        const cleared = await clearSilence(tx, offline, heardAt);
        if (cleared) changes.push(cleared);
      }
    });
  }
  return changes;
}

import type { PrismaClient } from '../../../lib/db/database';
import type { Logger } from '../../../lib/logger';
import { startPeriodicPass } from '../../../lib/periodicPass';
import type { AlertChangedEvent, PubSub } from '../../../lib/pubsub/pubsub';
import { publishChanges } from '../alerts/alertStore';
import { lookupDevices } from '../topology';
import { raiseSilence } from './silenceAlerts';

/**
 * Raises DEVICE_SILENT and EDGE_OFFLINE from the stored presence (presenceRecorder.ts), on a timer:
 * silence is the absence of events, so no event can announce it. Everything it judges by is in the
 * database, so a restarted process picks up where the last one was, and any replica may run it
 * (the alerts' partial unique indexes keep each raised once).
 *
 * No storm when a whole farm goes quiet (its edge box, power or uplink): a device is judged silent
 * only while its farm is still heard from within the device's window. A farm quiet for the
 * second-shortest window among its devices (two devices that should have spoken and did not) gets
 * one EDGE_OFFLINE, and its devices are not judged until it is back. A farm of a single watched
 * device gets that device's alert. Time the cloud itself was away (no pass for a while) is not
 * counted against anyone: every farm is judged afresh from the watcher's return.
 */
export interface SilenceWatcherOptions {
  db: PrismaClient;
  pubsub: PubSub;
  log: Logger;
  now?: () => Date;
  /** 0: only when `runOnce` is called (tests). */
  pollIntervalMs?: number;
}

export interface SilenceWatcher {
  /** One pass: resolves with the alerts it raised. */
  runOnce(): Promise<AlertChangedEvent[]>;
  stop(): Promise<void>;
}

/** How often a process looks for silence. */
export const SILENCE_POLL_MS = 30_000;
/** A heartbeat older than this means no watcher ran: the cloud was away, not the farms. */
export const WATCHER_AWAY_MS = 3 * 60_000;

const FARM_WINDOWS = `
  WITH farm_windows AS (
    SELECT farm_id, count(*) AS devices, (array_agg(silence_window_seconds ORDER BY silence_window_seconds))[2] AS second_window
    FROM "telemetry"."device_presence" GROUP BY farm_id
  )`;

/** An active alert of `source` on `barn` (a column, or NULL for a farm's): the partial unique indexes answer it. */
const active = (source: string, barn: string) =>
  `EXISTS (SELECT 1 FROM "telemetry"."alert" a WHERE a.status = 'ACTIVE' AND a.source = ${source} AND ${barn === 'NULL' ? 'a.barn_id IS NULL' : `a.barn_id = ${barn}`})`;

export function startSilenceWatcher(options: SilenceWatcherOptions): SilenceWatcher {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const log = options.log.child({ component: 'silence-watcher' });

  /** Moves every farm's judging start to now when no pass ran for a while (the cloud was down). */
  async function heartbeat(at: Date): Promise<void> {
    const last = await db.presenceWatch.findUnique({ where: { id: 1 } });
    if (last && at.getTime() - last.lastPassAt.getTime() > WATCHER_AWAY_MS) {
      const moved = await db.farmPresence.updateMany({ where: { judgedFrom: { lt: at } }, data: { judgedFrom: at } });
      log.info(
        { awaySeconds: Math.round((at.getTime() - last.lastPassAt.getTime()) / 1000), farms: moved.count },
        'no silence pass ran for a while: farms are judged afresh from now',
      );
    }
    await db.presenceWatch.upsert({ where: { id: 1 }, create: { id: 1, lastPassAt: at }, update: { lastPassAt: at } });
  }

  async function offlineFarms(at: Date) {
    return db.$queryRawUnsafe<Array<{ farm_id: string; tenant_id: string; window_seconds: number; quiet_since: Date }>>(
      `${FARM_WINDOWS}
       SELECT f.farm_id::text AS farm_id, f.tenant_id::text AS tenant_id, w.second_window AS window_seconds, GREATEST(f.last_received_at, f.judged_from) AS quiet_since
       FROM "telemetry"."farm_presence" f JOIN farm_windows w ON w.farm_id = f.farm_id
       WHERE w.devices >= 2
         AND GREATEST(f.last_received_at, f.judged_from) + w.second_window * interval '1 second' <= $1
         AND NOT ${active(`'EDGE_OFFLINE:' || f.farm_id::text`, 'NULL')}
       LIMIT 200`,
      at,
    );
  }

  async function silentDevices(at: Date) {
    return db.$queryRawUnsafe<Array<{ device_id: string; tenant_id: string; farm_id: string; barn_id: string; window_seconds: number; quiet_since: Date }>>(
      `${FARM_WINDOWS}
       SELECT d.device_id::text AS device_id, d.tenant_id::text AS tenant_id, d.farm_id::text AS farm_id, d.barn_id::text AS barn_id,
              d.silence_window_seconds AS window_seconds, GREATEST(d.last_received_at, f.judged_from) AS quiet_since
       FROM "telemetry"."device_presence" d
       JOIN "telemetry"."farm_presence" f ON f.farm_id = d.farm_id
       JOIN farm_windows w ON w.farm_id = d.farm_id
       WHERE GREATEST(d.last_received_at, f.judged_from) + d.silence_window_seconds * interval '1 second' <= $1
         AND (w.devices = 1 OR f.last_received_at > $1 - d.silence_window_seconds * interval '1 second')
         AND NOT ${active(`'DEVICE_SILENT:' || d.device_id::text`, 'd.barn_id')}
         AND NOT ${active(`'EDGE_OFFLINE:' || d.farm_id::text`, 'NULL')}
       LIMIT 500`,
      at,
    );
  }

  async function runPass(): Promise<AlertChangedEvent[]> {
    const at = now();
    await heartbeat(at);
    const raised: AlertChangedEvent[] = [];
    // Farms first: a farm gone quiet is one alert, and its devices are then left alone.
    for (const farm of await offlineFarms(at)) {
      const change = await raiseSilence(
        db,
        {
          tenantId: farm.tenant_id,
          farmId: farm.farm_id,
          barnId: null,
          deviceId: null,
          windowSeconds: Number(farm.window_seconds),
          quietSince: new Date(farm.quiet_since),
        },
        at,
      );
      if (change) raised.push(change);
    }
    const silent = await silentDevices(at);
    const registered = await lookupDevices(
      db,
      silent.map((device) => device.device_id),
    );
    for (const device of silent) {
      const current = registered.get(device.device_id);
      if (!current || current.status !== 'ACTIVE' || current.tenantId !== device.tenant_id) {
        // Revoked, removed or unplaced devices are not expected to speak: stop watching them.
        await db.devicePresence.deleteMany({ where: { deviceId: device.device_id } });
        continue;
      }
      const change = await raiseSilence(
        db,
        {
          tenantId: device.tenant_id,
          farmId: device.farm_id,
          barnId: device.barn_id,
          deviceId: device.device_id,
          windowSeconds: Number(device.window_seconds),
          quietSince: new Date(device.quiet_since),
        },
        at,
      );
      if (change) raised.push(change);
    }
    if (raised.length > 0) log.info({ raised: raised.length }, 'silence alerts raised');
    await publishChanges(options.pubsub, raised);
    return raised;
  }

  return startPeriodicPass<AlertChangedEvent[]>({
    run: runPass,
    intervalMs: options.pollIntervalMs,
    log,
    failureMessage: 'silence pass failed; tried again on the next one',
    fallback: [],
  });
}

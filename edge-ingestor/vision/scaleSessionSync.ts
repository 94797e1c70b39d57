import type { Logger } from '../../lib/logger';
import { SCALE_SESSION_PATH, ScaleSessionRefusal, type ScaleSessionForCamera } from '../../lib/edge/scaleSessionLink';
import { INGEST_PATH, postSigned } from '../../lib/edge/signedBatch';
import { CalibrationError } from './calibration';
import type { CalibrationStore } from './calibrationStore';
import { visionMetrics } from './visionMetrics';

/** Where the farm box asks (the gateway's SCALE_SESSION_PATH) and the edge key it signs with. */
export interface ScaleSessionSource {
  url: string;
  key: { keyId: string; secret: string };
}

/**
 * The cloud's scale-session URL beside its ingest URL (both on the gateway's public origin), below
 * the same prefix when a proxy serves the cloud under one (`https://host/farmiq/ingest/v1/batches`).
 */
export function scaleSessionUrlBeside(ingestUrl: string): string {
  const url = new URL(ingestUrl);
  const prefix = url.pathname.endsWith(INGEST_PATH) ? url.pathname.slice(0, -INGEST_PATH.length) : '';
  return new URL(`${prefix}${SCALE_SESSION_PATH}`, url.origin).toString();
}

/** One ask's longest wait: the sync runs in the background, a slow uplink only delays it. */
const REQUEST_TIMEOUT_MS = 15_000;

/**
 * A session older than this many days (its farm-local day against today's UTC date, a day of
 * slack for time zones) is not fitted: the areas it would be fitted against are of birds seen in
 * the last minutes, and a broiler flock gains 3–5 % a day (calibration.ts: same flock, same day).
 */
export const MAX_SESSION_AGE_DAYS = 1;

export type FetchOutcome =
  | { kind: 'session'; session: ScaleSessionForCamera }
  | { kind: 'none' }
  /** The cloud refused (a signature code, CAMERA_UNKNOWN): an operator's to fix; asked again next time. */
  | { kind: 'refused'; status: number; code: string | undefined }
  | { kind: 'unreachable'; detail: string };

/** Asks the cloud for the latest finalized platform-scale session of `cameraId`'s barn, signed like a batch. */
export async function fetchScaleSession(source: ScaleSessionSource, cameraId: string, now = new Date()): Promise<FetchOutcome> {
  const body = Buffer.from(JSON.stringify({ cameraId }));
  const url = new URL(source.url);
  let response: Response;
  try {
    response = await postSigned({ url, route: SCALE_SESSION_PATH, key: source.key, body, now, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  } catch (error) {
    return { kind: 'unreachable', detail: (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message };
  }
  const answer = (await response.json().catch(() => undefined)) as { session?: ScaleSessionForCamera; error?: { code?: string } } | undefined;
  const code = answer?.error?.code;
  if (response.status === 200 && answer?.session && isSession(answer.session)) return { kind: 'session', session: answer.session };
  if (response.status === 404 && code === ScaleSessionRefusal.NoScaleSession) return { kind: 'none' };
  if (response.status >= 500 || response.status === 429 || response.status === 200) return { kind: 'unreachable', detail: code ?? `HTTP ${response.status}` };
  return { kind: 'refused', status: response.status, code };
}

const isSession = (value: ScaleSessionForCamera): boolean =>
  typeof value.id === 'string' &&
  typeof value.finalizedAt === 'string' &&
  !Number.isNaN(Date.parse(value.finalizedAt)) &&
  typeof value.weighedOn === 'string' &&
  Array.isArray(value.weightsGrams) &&
  value.weightsGrams.every((grams) => Number.isInteger(grams) && grams > 0);

/** What one pass did for a camera. */
export type CameraSyncOutcome = 'calibrated' | 'already_applied' | 'none' | 'too_old' | 'not_fitted' | 'refused' | 'unreachable';

export interface ScaleSessionSync {
  /** One pass over every known camera, started once the pass running (if any) has ended. */
  syncNow(): Promise<Map<string, CameraSyncOutcome>>;
  stop(): Promise<void>;
}

/**
 * Calibrates each camera from its barn's platform-scale sessions in the cloud: once at start and
 * every `intervalMs`, for every camera the store knows, it asks for the barn's latest finalized
 * session and, when that is newer than the one the camera was last calibrated from, fits the
 * camera to it (calibrationStore.calibrateFromScaleSession) and records the session in
 * calibrations.json, so a session is applied once, across restarts too. Whatever fails (cloud
 * unreachable, refused, too few birds seen yet) keeps the current calibration, is logged and
 * counted, and is tried again next time: never thrown.
 */
export function startScaleSessionSync(options: {
  calibrations: CalibrationStore;
  source: ScaleSessionSource;
  intervalMs: number;
  log: Logger;
  now?: () => Date;
}): ScaleSessionSync {
  const { calibrations, source, log } = options;
  const now = options.now ?? (() => new Date());
  let running: Promise<Map<string, CameraSyncOutcome>> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function syncCamera(cameraId: string): Promise<CameraSyncOutcome> {
    const fetched = await fetchScaleSession(source, cameraId, now());
    if (fetched.kind === 'none') return 'none';
    if (fetched.kind === 'unreachable') {
      log.warn(
        { camera: cameraId, err: fetched.detail },
        'scale session not fetched (cloud unreachable): the camera keeps its calibration, asked again next time',
      );
      return 'unreachable';
    }
    if (fetched.kind === 'refused') {
      log.warn({ camera: cameraId, status: fetched.status, code: fetched.code }, 'scale session refused by the cloud: the camera keeps its calibration');
      return 'refused';
    }
    const { session } = fetched;
    const applied = calibrations.of(cameraId)?.scaleSession;
    if (applied && (applied.id === session.id || Date.parse(applied.finalizedAt) >= Date.parse(session.finalizedAt))) return 'already_applied';
    const ageDays = (Date.parse(now().toISOString().slice(0, 10)) - Date.parse(session.weighedOn)) / 86_400_000;
    if (ageDays > MAX_SESSION_AGE_DAYS) {
      log.info(
        { camera: cameraId, session: session.id, weighedOn: session.weighedOn },
        'latest platform-scale session too old to fit against the birds seen now',
      );
      return 'too_old';
    }
    try {
      const calibration = calibrations.calibrateFromScaleSession(
        cameraId,
        session.weightsGrams.map((grams) => grams / 1000),
        now(),
        { id: session.id, finalizedAt: session.finalizedAt },
      );
      log.info({ camera: cameraId, ...calibration }, 'camera calibrated from its barn’s platform-scale session');
      return 'calibrated';
    } catch (error) {
      if (!(error instanceof CalibrationError)) throw error;
      log.info({ camera: cameraId, session: session.id, reason: error.message }, 'platform-scale session not fitted yet: asked again next time');
      return 'not_fitted';
    }
  }

  async function pass(): Promise<Map<string, CameraSyncOutcome>> {
    const outcomes = new Map<string, CameraSyncOutcome>();
    for (const cameraId of calibrations.cameras()) {
      if (stopped) break;
      const outcome = await syncCamera(cameraId).catch((error: Error) => {
        log.error({ camera: cameraId, err: error.message }, 'scale-session calibration failed');
        return 'unreachable' as const;
      });
      visionMetrics.calibrations.inc({ outcome });
      outcomes.set(cameraId, outcome);
    }
    return outcomes;
  }

  // A pass asked for starts after the one running ends: what changed before the ask is seen.
  const syncNow = async (): Promise<Map<string, CameraSyncOutcome>> => {
    while (running) await running;
    const started = pass().finally(() => {
      running = undefined;
    });
    running = started;
    return started;
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void syncNow().finally(schedule), options.intervalMs);
    timer.unref();
  };
  void syncNow().finally(schedule);

  return {
    syncNow,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

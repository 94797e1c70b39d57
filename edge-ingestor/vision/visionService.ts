import express, { type Request, type RequestHandler, type Response } from 'express';
import type { VisionConfig } from '../../lib/config';
import { createHttpService } from '../../lib/http/service';
import type { Logger } from '../../lib/logger';
import type { DeviceAuthenticator } from '../broker/embeddedBroker';
import type { GroupCommitWriter } from '../buffer/GroupCommitWriter';
import { CalibrationError } from './calibration';
import { CalibrationStore } from './calibrationStore';
import { FrameDroppedError, InferencePool, TimeoutError } from './InferencePool';
import { InvalidImageError } from './jpegFrame';
import { frameIdOf, predictionMessages } from './framePredictions';
import { startScaleSessionSync, type ScaleSessionSource, type ScaleSessionSync } from './scaleSessionSync';
import { visionMetrics } from './visionMetrics';

/** The largest frame accepted over HTTP or MQTT. */
export const MAX_FRAME_BYTES = 8 * 1024 * 1024;

export interface VisionServiceOptions {
  config: VisionConfig;
  /** Where the HTTP endpoint listens (HOST). */
  host: string | undefined;
  dataDir: string;
  /** Checks a camera's credentials, as the broker checks every device's; none: every upload is refused. */
  authenticateDevice: DeviceAuthenticator | undefined;
  /** The ingestor's disk buffer writer: predictions become messages beside the readings. */
  writer: GroupCommitWriter;
  log: Logger;
  now?: () => Date;
  /** Where the cloud answers each camera's barn's latest platform-scale session; none: calibrated by POST /vision/calibration only. */
  scaleSessions?: ScaleSessionSource;
}

export interface VisionService {
  port: number;
  /** A frame a camera published over MQTT (the ingestor's subscriber reads `farmiq/devices/<id>/frames` for it). */
  onFrame(cameraId: string, jpeg: Buffer): void;
  pool: InferencePool;
  calibrations: CalibrationStore;
  /** Calibration from the cloud's platform-scale sessions (with `scaleSessions`), else undefined. */
  scaleSessionSync: ScaleSessionSync | undefined;
  stop(): Promise<void>;
}

/** The outcome of one frame, as the upload endpoint answers it. */
interface FrameOutcome {
  frameId: string;
  calibrated: boolean;
  acceptedCount: number;
  rejectedCount: number;
  predictions: Array<{ box: { x: number; y: number; width: number; height: number }; weightKg: number | null; confidence: number; accepted: boolean }>;
}

/**
 * The farm box's vision (VISION=on): barn cameras send top-view JPEG frames, over HTTP
 * (`POST /vision/frames`, HTTP Basic with the camera's device id and MQTT password) or MQTT
 * (`farmiq/devices/<camera id>/frames`, QoS 0 or 1); each frame's birds are found and weighed
 * in worker threads, and every bird seen clearly becomes a `birdWeightKg` message in the same
 * disk buffer as the readings, forwarded signed to the cloud like them. A camera is a device
 * (kind CAMERA): its credentials are checked exactly as the broker checks them.
 *
 * MQTT frames are acknowledged when read, not when weighed: a frame is a sample of a stream, the
 * queue drops the oldest under load by design, and what must survive a crash (the weights) is
 * durable in the buffer before the HTTP answer.
 */
export async function startVisionService(options: VisionServiceOptions): Promise<VisionService> {
  const log = options.log.child({ component: 'vision' });
  const now = options.now ?? (() => new Date());
  const calibrations = new CalibrationStore(options.dataDir);
  const pool = new InferencePool({ workers: options.config.workers, timeoutMs: options.config.timeoutMs, maxQueued: options.config.maxQueued });
  const stopWatching = visionMetrics.watchPool(pool);

  /** Weighs one frame of `cameraId` and makes its weights durable. */
  async function weighFrame(cameraId: string, jpeg: Uint8Array, observedAt: Date): Promise<FrameOutcome> {
    const receivedAt = now();
    const calibration = calibrations.of(cameraId);
    try {
      const { estimate } = await pool.estimate(jpeg, calibration);
      const frameId = frameIdOf(jpeg);
      calibrations.sawBirds(
        cameraId,
        estimate.predictions.filter((prediction) => prediction.accepted).map((prediction) => prediction.areaPx),
      );
      const messages = predictionMessages(cameraId, frameId, estimate, observedAt, receivedAt);
      await Promise.all(messages.map((message) => options.writer.write(JSON.stringify(message), receivedAt.getTime())));
      visionMetrics.frames.inc({ outcome: 'weighed' });
      visionMetrics.birds.inc({ outcome: 'weighed' }, messages.length);
      visionMetrics.birds.inc({ outcome: 'low_confidence' }, estimate.rejectedCount);
      return {
        frameId,
        calibrated: calibration !== undefined,
        acceptedCount: estimate.predictions.length - estimate.rejectedCount,
        rejectedCount: estimate.rejectedCount,
        predictions: estimate.predictions.map(({ box, weightKg, confidence, accepted }) => ({ box, weightKg, confidence, accepted })),
      };
    } catch (error) {
      visionMetrics.frames.inc({
        outcome:
          error instanceof InvalidImageError
            ? 'invalid'
            : error instanceof TimeoutError
              ? 'timeout'
              : error instanceof FrameDroppedError
                ? 'dropped'
                : 'failed',
      });
      throw error;
    }
  }

  const http = createHttpService('vision', async () => undefined);
  // A camera uploads a frame every few seconds on one kept-alive connection. With Node's default
  // 5 s idle limit the server closed that connection just as a client (whose own idle timer runs
  // late on a busy box) sent its next frame on it: the upload failed with ECONNRESET (seen in
  // tests/weighvision.test.ts under load, a few seconds between two uploads). Idle connections
  // now live a minute, longer than a camera's interval between frames, so a steady camera never
  // meets the close; clients are told (`Keep-Alive: timeout=60`) and give up a connection first.
  http.httpServer.keepAliveTimeout = 60_000;
  const authenticated = async (req: Request, res: Response): Promise<string | undefined> => {
    const [scheme, encoded] = (req.headers.authorization ?? '').split(' ');
    const [cameraId, ...rest] = scheme?.toLowerCase() === 'basic' && encoded ? Buffer.from(encoded, 'base64').toString('utf8').split(':') : [];
    const valid = cameraId && options.authenticateDevice ? await options.authenticateDevice(cameraId, rest.join(':')).catch(() => false) : false;
    if (valid) return cameraId;
    visionMetrics.frames.inc({ outcome: 'unauthenticated' });
    log.warn({ camera: cameraId?.slice(0, 64) }, 'vision upload refused: unknown camera or wrong password');
    // The body is discarded as it comes (never buffered), and the answer waits for its end: a
    // client's next request on the same connection then starts where it should.
    const refuse = () =>
      void res
        .status(401)
        .set('www-authenticate', 'Basic realm="farmiq-vision"')
        .json({ code: 'UNAUTHENTICATED', message: "the camera's device id and MQTT password, as HTTP Basic credentials" });
    req.resume();
    if (req.complete) refuse();
    else req.once('end', refuse);
    return undefined;
  };
  // The camera is checked before its body is read: nobody unknown gets 8 MB buffered.
  const camera: RequestHandler = (req, res, next) => {
    authenticated(req, res).then((cameraId) => {
      if (!cameraId) return;
      res.locals.cameraId = cameraId;
      next();
    }, next);
  };
  http.app.post('/vision/frames', camera, express.raw({ type: () => true, limit: MAX_FRAME_BYTES }), async (req, res) => {
    const cameraId = res.locals.cameraId as string;
    if (!req.is('image/jpeg')) return void res.status(415).json({ code: 'BAD_REQUEST', message: 'Content-Type: expected image/jpeg' });
    const frameTime = req.header('x-frame-time');
    const observedAt = frameTime ? new Date(frameTime) : now();
    if (Number.isNaN(observedAt.getTime())) return void res.status(400).json({ code: 'BAD_REQUEST', message: 'X-Frame-Time: expected an ISO 8601 date-time' });
    try {
      res.json(await weighFrame(cameraId, Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0), observedAt));
    } catch (error) {
      if (error instanceof InvalidImageError) return void res.status(422).json({ code: 'INVALID_IMAGE', message: error.message });
      if (error instanceof TimeoutError) return void res.status(503).json({ code: 'TIMEOUT', message: error.message });
      if (error instanceof FrameDroppedError) return void res.status(503).json({ code: 'DROPPED', message: error.message });
      log.error({ err: (error as Error).message }, 'vision failed on a frame');
      res.status(500).json({ code: 'INTERNAL', message: 'the frame could not be weighed' });
    }
  });
  http.app.post('/vision/calibration', camera, express.json({ limit: '1mb' }), async (req, res) => {
    const cameraId = res.locals.cameraId as string;
    const weights = (req.body as { scaleWeightsKg?: unknown })?.scaleWeightsKg;
    if (!Array.isArray(weights) || !weights.every((weight) => typeof weight === 'number' && Number.isFinite(weight) && weight > 0 && weight <= 500)) {
      return void res.status(400).json({
        code: 'BAD_REQUEST',
        message: 'scaleWeightsKg: expected the weights (kg, each more than 0, at most 500) of a scale session of the same flock today',
      });
    }
    try {
      const calibration = calibrations.calibrateFromScaleSession(cameraId, weights as number[], now());
      log.info({ camera: cameraId, ...calibration }, 'camera calibrated from a scale session');
      res.json(calibration);
    } catch (error) {
      if (error instanceof CalibrationError) return void res.status(422).json({ code: 'CALIBRATION', message: error.message });
      throw error;
    }
  });
  http.app.use((_req, res) => void res.status(404).json({ code: 'NOT_FOUND', message: 'POST /vision/frames or /vision/calibration' }));

  try {
    const port = await http.listen(options.config.port, options.host, 'VISION_PORT');
    log.info({ port, workers: options.config.workers }, 'vision listening for camera frames (HTTP and MQTT)');
    const scaleSessionSync = options.scaleSessions
      ? startScaleSessionSync({ calibrations, source: options.scaleSessions, intervalMs: options.config.calibrationIntervalMs, log, now })
      : undefined;
    if (!scaleSessionSync) log.warn('no cloud URL or edge key: cameras are calibrated only by POST /vision/calibration, not from the barn’s scale sessions');
    let stopped: Promise<void> | undefined;
    return {
      port,
      pool,
      calibrations,
      scaleSessionSync,
      onFrame(cameraId, jpeg) {
        if (jpeg.length > MAX_FRAME_BYTES) return void visionMetrics.frames.inc({ outcome: 'invalid' });
        weighFrame(cameraId, jpeg, now()).catch((error: Error) => log.warn({ camera: cameraId, err: error.message }, 'camera frame not weighed'));
      },
      stop: () =>
        (stopped ??= (async () => {
          await scaleSessionSync?.stop();
          await http.stop();
          await pool.close();
          stopWatching();
        })()),
    };
  } catch (error) {
    await http.stop();
    await pool.close();
    stopWatching();
    throw error;
  }
}

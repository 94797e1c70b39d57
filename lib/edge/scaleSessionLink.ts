/**
 * The edge link's second route (beside the ingest batches): a farm box asks the cloud for the
 * latest finalized platform-scale weigh session of a camera's barn, to calibrate that camera
 * (edge-ingestor/vision/scaleSessionSync.ts asks, subgraphs/kpi/weighSessions/scaleSessionEndpoint.ts
 * answers). Signed exactly as a batch is (lib/edge/signedBatch.ts) with the farm's edge key;
 * the body is JSON `{ "cameraId": "<device id>" }`.
 *
 * Answers: 200 `{ "session": ScaleSessionForCamera }`; 404 `{ error: { code: NO_SCALE_SESSION } }`
 * when the barn has none yet; 404 `{ error: { code: CAMERA_UNKNOWN } }` for a device that is not
 * an active camera of a farm the key speaks for (another farm's camera answers exactly as a camera
 * that does not exist); 400 BAD_REQUEST for a body that is not one; 401 with a signature code of
 * lib/edge/ingestCodes.ts (BatchRefusal) for the signature, its time, its key or a replay.
 */
export const SCALE_SESSION_PATH = '/edge/v1/scale-sessions/latest';

/** The largest request body read (a camera id is 36 characters). */
export const MAX_SCALE_SESSION_REQUEST_BYTES = 1024;

export interface ScaleSessionRequest {
  cameraId: string;
}

export interface ScaleSessionForCamera {
  id: string;
  barnId: string;
  /** The farm-local day the birds were weighed (YYYY-MM-DD). */
  weighedOn: string;
  /** When it was finalized (ISO 8601): sessions are ordered by it. */
  finalizedAt: string;
  /** Every weight of the session, in grams, in the order taken. */
  weightsGrams: number[];
}

export const ScaleSessionRefusal = {
  /** 404: not an active camera of a farm the signing key speaks for (or no such device). */
  CameraUnknown: 'CAMERA_UNKNOWN',
  /** 404: the camera's barn has no finalized platform-scale session yet. */
  NoScaleSession: 'NO_SCALE_SESSION',
  /** 400: the body is not `{ "cameraId": "..." }`. */
  BadRequest: 'BAD_REQUEST',
} as const;
export type ScaleSessionRefusal = (typeof ScaleSessionRefusal)[keyof typeof ScaleSessionRefusal];

import { createHash } from 'node:crypto';
import type { BatchMessage } from '../../lib/edge/batch';
import type { FrameEstimate } from './estimateWeights';

/**
 * A frame's id: a digest of its bytes, so a frame sent twice (a camera's retry, a QoS 1
 * redelivery) yields the same event ids and the cloud stores its weights once.
 */
export const frameIdOf = (jpeg: Uint8Array): string => `f${createHash('sha256').update(jpeg).digest('hex').slice(0, 24)}`;

const thousandths = (value: number) => Math.round(value * 1000) / 1000;

/**
 * The buffer messages of a frame: one per bird seen clearly and weighed (`birdWeightKg`, with its
 * `birdConfidence`), from the camera, as readings are (lib/edge/batch.ts). Low-confidence birds
 * and frames of an uncalibrated camera give none.
 */
export function predictionMessages(cameraId: string, frameId: string, estimate: FrameEstimate, observedAt: Date, receivedAt: Date): BatchMessage[] {
  const messages: BatchMessage[] = [];
  estimate.predictions.forEach((prediction, index) => {
    if (!prediction.accepted || prediction.weightKg === null || thousandths(prediction.weightKg) <= 0) return;
    messages.push({
      deviceId: cameraId,
      eventId: `${frameId}:${index}`,
      observedAt: observedAt.toISOString(),
      receivedAt: receivedAt.toISOString(),
      metrics: { birdWeightKg: thousandths(prediction.weightKg), birdConfidence: thousandths(prediction.confidence) },
    });
  });
  return messages;
}

import type { Blob } from './segmentBirds';

/**
 * How sure we are that a blob is ONE bird seen WHOLE, in [0, 1]: the product of three factors,
 * each in [0, 1].
 * - Edge: a blob touching the frame's border is a bird partly outside the picture: 0.
 * - Shape: one bird from above is close to an ellipse, solidity (area / convex hull) ≈ 0.97+;
 *   two birds touching or one hiding another have a waist, ≈ 0.85–0.9. Linear from 0.88 (0) to
 *   0.95 (1).
 * - Size against the frame's median blob (birds of one batch are of a size): above 1.5× the
 *   median it is likely two birds merged (0 at 1.9×); below 0.5× a bird mostly hidden or
 *   debris (0 at 0.25×).
 * Predictions below ACCEPT_CONFIDENCE are kept out of the weights and counted.
 */
export const ACCEPT_CONFIDENCE = 0.5;

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

export function birdConfidence(blob: Blob, medianAreaPx: number): number {
  if (blob.touchesEdge) return 0;
  const shape = clamp01((blob.solidity - 0.88) / (0.95 - 0.88));
  const ratio = medianAreaPx > 0 ? blob.areaPx / medianAreaPx : 1;
  const size = ratio > 1.5 ? clamp01((1.9 - ratio) / 0.4) : ratio < 0.5 ? clamp01((ratio - 0.25) / 0.25) : 1;
  return clamp01(shape * size);
}

/** The median of the blobs' areas that look like single birds by shape and position (the size reference). */
export function medianBirdArea(blobs: readonly Blob[]): number {
  const areas = blobs.filter((blob) => !blob.touchesEdge && blob.solidity >= 0.93).map((blob) => blob.areaPx);
  const pool = areas.length > 0 ? areas : blobs.map((blob) => blob.areaPx);
  if (pool.length === 0) return 0;
  pool.sort((a, b) => a - b);
  const middle = Math.floor(pool.length / 2);
  return pool.length % 2 === 1 ? pool[middle]! : (pool[middle - 1]! + pool[middle]!) / 2;
}

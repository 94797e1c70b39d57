/**
 * A camera's calibration: live weight from projected area, weightKg = kgPerPx15 × areaPx^1.5.
 * Weight goes with volume, area with length², so weight ∝ area^1.5 for birds of one shape; the
 * coefficient holds the camera's height and lens (pixels per metre) and the breed's density. It
 * is per camera (per barn position), fitted from the barn's own scale weighings:
 * - `fitFromPairs`: birds both weighed and seen (least squares through the origin on area^1.5).
 * - `fitFromScaleSession`: a scale session's weights of the same flock on the same day as the
 *   camera's birds (different birds): mean weight / mean area^1.5, the least-squares fit of the
 *   two sessions' means, unbiased when both samples are representative of the flock.
 */
export interface Calibration {
  kgPerPx15: number;
  /** How it was fitted, for the operator (`scale session 2026-11-30, 100 weights, 240 birds`). */
  fittedFrom: string;
  /**
   * The newest of the cloud's platform-scale sessions applied to the camera (scaleSessionSync.ts):
   * each is applied once; a manual fit after it keeps this mark, so the sync waits for a newer one.
   */
  scaleSession?: { id: string; finalizedAt: string };
}

export class CalibrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalibrationError';
  }
}

export const weightFromArea = (calibration: Calibration, areaPx: number): number => calibration.kgPerPx15 * areaPx ** 1.5;

/** Least squares of weight = k × area^1.5 over birds weighed and seen. */
export function fitFromPairs(pairs: ReadonlyArray<{ areaPx: number; weightKg: number }>, fittedFrom: string): Calibration {
  if (pairs.length < 3) throw new CalibrationError(`at least 3 weighed birds are needed, got ${pairs.length}`);
  let xy = 0;
  let xx = 0;
  for (const { areaPx, weightKg } of pairs) {
    const x = areaPx ** 1.5;
    xy += x * weightKg;
    xx += x * x;
  }
  return checked(xy / xx, fittedFrom);
}

/** Mean of a scale session's weights / mean area^1.5 of the camera's clear birds of the same day. */
export function fitFromScaleSession(scaleWeightsKg: readonly number[], cameraAreasPx: readonly number[], fittedFrom: string): Calibration {
  if (scaleWeightsKg.length < 10) throw new CalibrationError(`a scale session of at least 10 weights is needed, got ${scaleWeightsKg.length}`);
  if (cameraAreasPx.length < 10) throw new CalibrationError(`at least 10 birds seen clearly by the camera are needed, got ${cameraAreasPx.length}`);
  const meanWeight = scaleWeightsKg.reduce((sum, weight) => sum + weight, 0) / scaleWeightsKg.length;
  const meanX = cameraAreasPx.reduce((sum, area) => sum + area ** 1.5, 0) / cameraAreasPx.length;
  return checked(meanWeight / meanX, fittedFrom);
}

function checked(kgPerPx15: number, fittedFrom: string): Calibration {
  if (!Number.isFinite(kgPerPx15) || kgPerPx15 <= 0) throw new CalibrationError(`the fit gave no positive coefficient (${kgPerPx15})`);
  return { kgPerPx15, fittedFrom };
}

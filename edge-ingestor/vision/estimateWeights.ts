import { ACCEPT_CONFIDENCE, birdConfidence, medianBirdArea } from './birdConfidence';
import { weightFromArea, type Calibration } from './calibration';
import { decodeJpegToGray, type GrayFrame, type JpegDecoderName } from './jpegFrame';
import { segmentBirds } from './segmentBirds';

/** One bird (or what looked like one) in a frame. */
export interface BirdPrediction {
  box: { x: number; y: number; width: number; height: number };
  areaPx: number;
  /** Null without a calibration for the camera. */
  weightKg: number | null;
  /** In [0, 1] (birdConfidence.ts). */
  confidence: number;
  /** Confidence at least ACCEPT_CONFIDENCE: its weight counts. */
  accepted: boolean;
}

export interface FrameEstimate {
  width: number;
  height: number;
  predictions: BirdPrediction[];
  /** Predictions kept out of the weights (touching, edge of frame, occluded, debris). */
  rejectedCount: number;
}

/** Finds the birds of a decoded frame and estimates each one's weight with `calibration`. */
export function estimateFrame(frame: GrayFrame, calibration: Calibration | undefined): FrameEstimate {
  const blobs = segmentBirds(frame);
  const median = medianBirdArea(blobs);
  const predictions = blobs.map((blob): BirdPrediction => {
    const confidence = birdConfidence(blob, median);
    return {
      box: blob.box,
      areaPx: blob.areaPx,
      weightKg: calibration ? weightFromArea(calibration, blob.areaPx) : null,
      confidence,
      accepted: confidence >= ACCEPT_CONFIDENCE,
    };
  });
  return { width: frame.width, height: frame.height, predictions, rejectedCount: predictions.filter((prediction) => !prediction.accepted).length };
}

/** The whole inference of one JPEG frame: decode (InvalidImageError), segment, weigh. */
export const estimateJpeg = (bytes: Uint8Array, calibration: Calibration | undefined, decoder: JpegDecoderName = 'luma'): FrameEstimate =>
  estimateFrame(decodeJpegToGray(bytes, decoder), calibration);

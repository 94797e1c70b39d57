import { decode } from 'jpeg-js';

/** A frame as the segmentation reads it: one luminance byte per pixel, row by row. */
export interface GrayFrame {
  width: number;
  height: number;
  gray: Uint8Array;
}

/** The bytes are not a whole JPEG image: the message says what was wrong, safe to show the camera's owner. */
export class InvalidImageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidImageError';
  }
}

/** The largest frame decoded (a 4K camera's 8.3 MP passes); bigger ones are refused before decoding. */
export const MAX_FRAME_MEGAPIXELS = 9;

/**
 * Checks what can be checked without decoding: the JPEG start-of-image marker, and the
 * end-of-image marker a truncated upload or a cut MQTT payload lacks. Throws InvalidImageError.
 */
export function requireWholeJpeg(bytes: Uint8Array): void {
  if (bytes.length < 4) throw new InvalidImageError(`not a JPEG image: ${bytes.length} bytes`);
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new InvalidImageError('not a JPEG image: it does not start with the JPEG start-of-image marker (FF D8)');
  // Some encoders pad after the end marker; look for it near the end.
  for (let i = bytes.length - 2; i >= Math.max(2, bytes.length - 64); i--) if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return;
  throw new InvalidImageError('truncated JPEG image: no end-of-image marker (FF D9)');
}

/** Decodes a JPEG (pure JavaScript, jpeg-js) to luminance; InvalidImageError for anything that is not a whole, decodable JPEG. */
export function decodeJpegToGray(bytes: Uint8Array): GrayFrame {
  requireWholeJpeg(bytes);
  let image: { width: number; height: number; data: Uint8Array };
  try {
    // No colour transform: a colour JPEG stays Y Cb Cr, and Y is the luminance we want.
    image = decode(bytes, { useTArray: true, formatAsRGBA: false, colorTransform: false, tolerantDecoding: false, maxResolutionInMP: MAX_FRAME_MEGAPIXELS, maxMemoryUsageInMB: 256 });
  } catch (error) {
    throw new InvalidImageError(`undecodable JPEG image: ${(error as Error).message}`);
  }
  const pixels = image.width * image.height;
  if (pixels === 0 || image.data.length < pixels * 3) throw new InvalidImageError('undecodable JPEG image: no pixels');
  const gray = new Uint8Array(pixels);
  const ycc = image.data;
  for (let p = 0, i = 0; p < pixels; p++, i += 3) gray[p] = ycc[i]!;
  return { width: image.width, height: image.height, gray };
}

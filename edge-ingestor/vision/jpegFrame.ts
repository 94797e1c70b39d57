import { decode } from 'jpeg-js';
import { decodeLumaJpeg } from './lumaJpeg';

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

/** The JPEG decoders a pool can use: `luma` (lumaJpeg.ts, jpeg-js for what it leaves) or `jpeg-js` alone (the benchmark's baseline). */
export type JpegDecoderName = 'luma' | 'jpeg-js';

/** Decodes a JPEG to luminance; InvalidImageError for anything that is not a whole, decodable JPEG. */
export function decodeJpegToGray(bytes: Uint8Array, decoder: JpegDecoderName = 'luma'): GrayFrame {
  requireWholeJpeg(bytes);
  if (decoder === 'luma') {
    const frame = decodeLumaJpeg(bytes, MAX_FRAME_MEGAPIXELS * 1_000_000);
    if (frame) return frame;
  }
  return decodeWithJpegJs(bytes);
}

/** jpeg-js (pure JavaScript, every JPEG kind it knows): decodes all three components and keeps the first. */
function decodeWithJpegJs(bytes: Uint8Array): GrayFrame {
  let image: { width: number; height: number; data: Uint8Array };
  try {
    // No colour transform: a colour JPEG stays Y Cb Cr, and Y is the luminance we want.
    image = decode(bytes, {
      useTArray: true,
      formatAsRGBA: false,
      colorTransform: false,
      tolerantDecoding: false,
      maxResolutionInMP: MAX_FRAME_MEGAPIXELS,
      maxMemoryUsageInMB: 256,
    });
  } catch (error) {
    throw new InvalidImageError(`undecodable JPEG image: ${(error as Error).message}`);
  }
  const pixels = image.width * image.height;
  if (pixels === 0 || image.data.length < pixels) throw new InvalidImageError('undecodable JPEG image: no pixels');
  const channels = Math.round(image.data.length / pixels);
  const gray = new Uint8Array(pixels);
  const data = image.data;
  for (let p = 0, i = 0; p < pixels; p++, i += channels) gray[p] = data[i]!;
  return { width: image.width, height: image.height, gray };
}

import fs from 'node:fs';
import path from 'node:path';
import { renderScene } from '../../../bench/vision/birdFrames';
import { decodeJpegToGray, InvalidImageError } from '../jpegFrame';
import { decodeLumaJpeg } from '../lumaJpeg';

/** Files written by libjpeg-turbo's cjpeg from a rendered scene of 203 × 117 (odd sizes: partial blocks and MCUs). */
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(__dirname, 'fixtures', name)));
const MAX_PIXELS = 9_000_000;

const differingPixels = (a: Uint8Array, b: Uint8Array) => a.reduce((count, value, i) => count + (value === b[i] ? 0 : 1), 0);

describe('the luminance-only JPEG decoder', () => {
  it.each(['yuv420-restart.jpg', 'yuv422-optimized.jpg', 'gray.jpg', 'non-interleaved.jpg'])(
    'should give the same luminance bytes as jpeg-js for %s',
    (name) => {
      const bytes = fixture(name);
      const luma = decodeLumaJpeg(bytes, MAX_PIXELS)!;
      const reference = decodeJpegToGray(bytes, 'jpeg-js');
      expect({ width: luma.width, height: luma.height }).toEqual({ width: 203, height: 117 });
      expect(differingPixels(luma.gray, reference.gray)).toBe(0);
    },
  );

  it('should give the same bytes as jpeg-js for a rendered 640 × 360 camera frame', () => {
    const { jpeg } = renderScene(11, { width: 640, height: 360, singles: 8, touchingPairs: 1, edgeBirds: 2 });
    const luma = decodeLumaJpeg(jpeg, MAX_PIXELS)!;
    expect(luma.gray.length).toBe(640 * 360);
    expect(differingPixels(luma.gray, decodeJpegToGray(jpeg, 'jpeg-js').gray)).toBe(0);
  });

  it('should leave a progressive JPEG to jpeg-js, which the frame decoder then uses', () => {
    const bytes = fixture('progressive.jpg');
    expect(decodeLumaJpeg(bytes, MAX_PIXELS)).toBeUndefined();
    expect(decodeJpegToGray(bytes).gray.length).toBe(203 * 117);
  });

  it('should refuse a frame larger than the limit before decoding it', () => {
    expect(() => decodeLumaJpeg(fixture('gray.jpg'), 1000)).toThrow(new InvalidImageError('JPEG image too large: 203 × 117'));
  });

  it('should say a JPEG is undecodable when its segments are cut or its tables are missing', () => {
    const bytes = fixture('yuv420-restart.jpg');
    // Start of image, then a segment whose length runs past the end.
    expect(() => decodeLumaJpeg(Uint8Array.from([0xff, 0xd8, 0xff, 0xdb, 0x40, 0x00, 0x01, 0xff, 0xd9]), MAX_PIXELS)).toThrow(InvalidImageError);
    // The image data without any header before it.
    const scanAt = bytes.findIndex((byte, i) => byte === 0xff && bytes[i + 1] === 0xda);
    expect(() => decodeLumaJpeg(Uint8Array.from([0xff, 0xd8, ...bytes.subarray(scanAt)]), MAX_PIXELS)).toThrow(/before the frame header|missing/);
  });
});

import { encode } from 'jpeg-js';
import { birdAt, renderScene, TRUE_KG_PER_PX15 } from '../../../bench/vision/birdFrames';
import { CalibrationError, fitFromPairs, fitFromScaleSession, weightFromArea } from '../calibration';
import { estimateJpeg } from '../estimateWeights';
import { FrameDroppedError, InferencePool, TimeoutError } from '../InferencePool';
import { InvalidImageError } from '../jpegFrame';

/** A small frame (320 × 240): four birds alone, a touching pair, one cut by the edge. */
const small = (seed: number) => renderScene(seed, { width: 320, height: 240, singles: 4, touchingPairs: 1, edgeBirds: 1 });
const TRUTH = { kgPerPx15: TRUE_KG_PER_PX15, fittedFrom: 'the renderer' };

describe('bird weights from a top-view frame', () => {
  it('should find the birds of a frame, each with a confidence in [0, 1], and weigh the ones seen whole', () => {
    const scene = renderScene(7, { width: 640, height: 360, singles: 8, touchingPairs: 2, edgeBirds: 2 });
    const { predictions, rejectedCount, width, height } = estimateJpeg(scene.jpeg, TRUTH);
    expect({ width, height }).toEqual({ width: 640, height: 360 });
    expect(predictions.length).toBeGreaterThanOrEqual(1);
    for (const prediction of predictions) {
      expect(prediction.confidence).toBeGreaterThanOrEqual(0);
      expect(prediction.confidence).toBeLessThanOrEqual(1);
    }
    const accepted = predictions.filter((prediction) => prediction.accepted);
    const kinds = accepted.map(
      (prediction) => birdAt(scene.birds, prediction.box.x + prediction.box.width / 2, prediction.box.y + prediction.box.height / 2)?.kind,
    );
    // Every accepted prediction is a bird alone and whole; touching pairs and cut birds are kept out and counted.
    expect(new Set(kinds)).toEqual(new Set(['single']));
    expect(accepted.length).toBeGreaterThanOrEqual(scene.birds.filter((bird) => bird.kind === 'single').length - 1);
    expect(rejectedCount).toBe(predictions.length - accepted.length);
    expect(rejectedCount).toBeGreaterThanOrEqual(scene.birds.filter((bird) => bird.kind === 'edge').length);
    for (const prediction of accepted) {
      const bird = birdAt(scene.birds, prediction.box.x + prediction.box.width / 2, prediction.box.y + prediction.box.height / 2)!;
      // Within 10 % of the rendered weight with the true coefficient (the benchmark measures the mean error).
      expect(Math.abs(prediction.weightKg! - bird.weightKg) / bird.weightKg).toBeLessThan(0.1);
    }
  });

  it('should give no weights without a calibration, and nothing on a frame without birds', () => {
    expect(estimateJpeg(small(3).jpeg, undefined).predictions.every((prediction) => prediction.weightKg === null)).toBe(true);
    const litter = encode({ data: Buffer.alloc(64 * 48 * 4, 90), width: 64, height: 48 }, 90).data;
    expect(estimateJpeg(litter, TRUTH).predictions).toEqual([]);
  });

  it.each([
    ['random bytes', Buffer.from('definitely not an image'), 'not a JPEG image: it does not start with the JPEG start-of-image marker (FF D8)'],
    [
      'a PNG',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      'not a JPEG image: it does not start with the JPEG start-of-image marker (FF D8)',
    ],
    ['an empty upload', Buffer.alloc(0), 'not a JPEG image: 0 bytes'],
    ['a truncated JPEG', small(1).jpeg.subarray(0, 3000), 'truncated JPEG image: no end-of-image marker (FF D9)'],
  ])('should refuse %s with a clear InvalidImageError', (_what, bytes, message) => {
    expect(() => estimateJpeg(bytes, TRUTH)).toThrow(new InvalidImageError(message));
  });

  it('should refuse a JPEG whose data is corrupt between intact markers', () => {
    const jpeg = Buffer.from(small(1).jpeg);
    // Keep the start of image and the headers; wipe the table definitions and frame header.
    jpeg.fill(0xff, 2, 600);
    expect(() => estimateJpeg(jpeg, TRUTH)).toThrow(InvalidImageError);
    expect(() => estimateJpeg(jpeg, TRUTH)).toThrow(/^undecodable JPEG image: /);
  });
});

describe('calibration from the barn scale', () => {
  it('should fit the coefficient of area^1.5 from birds weighed and seen', () => {
    // 2 kg at 1600 px and 4 kg at 2540 px: 1600^1.5 = 64000, 2540^1.5 ≈ 128013.
    const pairs = [1600, 2540, 2016].map((areaPx) => ({ areaPx, weightKg: 3.125e-5 * areaPx ** 1.5 }));
    expect(fitFromPairs(pairs, 'test').kgPerPx15).toBeCloseTo(3.125e-5, 12);
    expect(() => fitFromPairs(pairs.slice(0, 2), 'test')).toThrow(new CalibrationError('at least 3 weighed birds are needed, got 2'));
  });

  it("should fit the coefficient from a scale session's mean weight and the camera's birds of the day", () => {
    // Scale: ten weights, mean (1.8 + 2.2) / 2 = 2.0 kg. Camera: ten birds of 1600 px, 1600^1.5 = 64000. k = 2.0 / 64000 = 3.125e-5.
    const calibration = fitFromScaleSession([...Array(5).fill(1.8), ...Array(5).fill(2.2)], Array(10).fill(1600), 'scale session');
    expect(calibration.kgPerPx15).toBeCloseTo(3.125e-5, 12);
    // A bird of 2500 px: 3.125e-5 × 125000 = 3.90625 kg.
    expect(weightFromArea(calibration, 2500)).toBeCloseTo(3.90625, 9);
    expect(() => fitFromScaleSession([2], Array(10).fill(1600), 'x')).toThrow(new CalibrationError('a scale session of at least 10 weights is needed, got 1'));
    expect(() => fitFromScaleSession(Array(10).fill(2), [1600], 'x')).toThrow(
      new CalibrationError('at least 10 birds seen clearly by the camera are needed, got 1'),
    );
  });
});

describe('the inference pool', () => {
  const pools: InferencePool[] = [];
  const pool = (options: { workers: number; timeoutMs: number; maxQueued: number }) => {
    const made = new InferencePool(options);
    pools.push(made);
    return made;
  };
  afterAll(async () => Promise.all(pools.map((made) => made.close())));

  it('should estimate frames in worker threads, and refuse invalid bytes at once', async () => {
    const workers = pool({ workers: 1, timeoutMs: 60_000, maxQueued: 4 });
    const { estimate, cpuMs } = await workers.estimate(small(2).jpeg, TRUTH);
    expect(estimate.predictions.filter((prediction) => prediction.accepted).length).toBeGreaterThanOrEqual(3);
    expect(cpuMs).toBeGreaterThan(0);
    await expect(workers.estimate(Buffer.from('GIF89a'), TRUTH)).rejects.toThrow(InvalidImageError);
    const corrupt = Buffer.from(small(2).jpeg);
    corrupt.fill(0xff, 2, 600);
    await expect(workers.estimate(corrupt, TRUTH)).rejects.toThrow(/^undecodable JPEG image: /);
  });

  it('should fail a frame that takes longer than the timeout with TimeoutError, and go on with a fresh worker', async () => {
    const workers = pool({ workers: 1, timeoutMs: 1, maxQueued: 4 });
    await expect(workers.estimate(small(5).jpeg, TRUTH)).rejects.toThrow(TimeoutError);
    expect(workers.timedOut).toBe(1);
    await expect(workers.estimate(small(6).jpeg, TRUTH)).rejects.toThrow(new TimeoutError(1));
  });

  it('should drop the oldest waiting frames when more come than the queue holds, and count them', async () => {
    const workers = pool({ workers: 1, timeoutMs: 120_000, maxQueued: 2 });
    const frames = [1, 2, 3, 4, 5].map((seed) => small(seed).jpeg);
    const outcomes = await Promise.allSettled(frames.map((jpeg) => workers.estimate(jpeg, TRUTH)));
    // The first went to the worker at once; 2 and 3 waited and were pushed out by 4 and 5.
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(FrameDroppedError);
    expect(workers.dropped).toBe(2);
  }, 180_000);
});

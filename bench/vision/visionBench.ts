import os from 'node:os';
import { fitFromScaleSession, type Calibration } from '../../edge-ingestor/vision/calibration';
import { InferencePool, type InferenceResult } from '../../edge-ingestor/vision/InferencePool';
import { birdAt, randomSource, renderScene, type Scene, type SceneOptions } from './birdFrames';

/**
 * The vision benchmark (issue #21), in the same run:
 * 1. Speed on this machine, with the luminance-only decoder the farm box uses (lumaJpeg.ts)
 *    against the baseline, jpeg-js decoding all three components (the decoder before it):
 *    frames per second through a pool of one worker per core, and the latency of one frame at
 *    a time (p50, p95), for 1280 × 720 frames, the two decoders taking turns frame by frame so
 *    the machine's load falls on both alike; CPU time per frame in the worker, which the load
 *    does not inflate.
 * 2. Accuracy on rendered frames of known weights (birdFrames.ts: postures, touching pairs,
 *    birds cut by the edge, light from dim to bright, noise): the camera is calibrated from a
 *    scale session of the same flock (100 other birds, calibration.ts), then the mean absolute
 *    percentage error of its weights is compared with the naive baseline, every bird at the
 *    scale session's mean weight. Both decoders weigh the set; the run fails if their weights differ.
 */
export interface VisionBenchOptions {
  smoke: boolean;
  log?: (line: string) => void;
}

/** Speed figures of one decoder. */
export interface DecoderSpeed {
  framesPerSecond: number;
  latencyP50Ms: number;
  latencyP95Ms: number;
  cpuMsPerFrame: number;
}

export interface VisionBenchFigures {
  frame: { width: number; height: number };
  workers: number;
  /** The luminance-only decoder (what the farm box runs). */
  luma: DecoderSpeed;
  /** jpeg-js, every component (the baseline). */
  jpegJs: DecoderSpeed;
  loadAverage: number;
  evaluation: {
    frames: number;
    birdsWhole: number;
    weighed: number;
    /** Weighed predictions that were not one whole bird (a pair, a cut bird, nothing). */
    falselyWeighed: number;
    /** Blobs of touching or cut birds kept out. */
    keptOut: number;
    mapePercent: number;
    /** The same set weighed through jpeg-js: must equal mapePercent (the decoders give the same bytes). */
    mapePercentJpegJs: number;
    baselineMapePercent: number;
    kgPerPx15: number;
  };
}

const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

/** Frames per second of `frames` submitted at once to `pool`. */
async function throughput(pool: InferencePool, frames: readonly Scene[], calibration: Calibration): Promise<number> {
  const started = performance.now();
  await Promise.all(frames.map((scene) => pool.estimate(scene.jpeg, calibration)));
  return frames.length / ((performance.now() - started) / 1000);
}

/** Mean absolute percentage errors of the accepted predictions against the rendered truth, and what was weighed. */
function score(evaluation: readonly Scene[], estimates: readonly InferenceResult[], scaleMeanKg: number) {
  let errorSum = 0;
  let baselineSum = 0;
  let weighed = 0;
  let falselyWeighed = 0;
  let keptOut = 0;
  let birdsWhole = 0;
  evaluation.forEach((scene, i) => {
    birdsWhole += scene.birds.filter((bird) => bird.kind === 'single').length;
    for (const prediction of estimates[i]!.estimate.predictions) {
      const bird = birdAt(scene.birds, prediction.box.x + prediction.box.width / 2, prediction.box.y + prediction.box.height / 2);
      if (!prediction.accepted) {
        if (bird && bird.kind !== 'single') keptOut += 1;
        continue;
      }
      if (!bird || bird.kind !== 'single') {
        falselyWeighed += 1;
        continue;
      }
      weighed += 1;
      errorSum += Math.abs(prediction.weightKg! - bird.weightKg) / bird.weightKg;
      baselineSum += Math.abs(scaleMeanKg - bird.weightKg) / bird.weightKg;
    }
  });
  return {
    birdsWhole,
    weighed,
    falselyWeighed,
    keptOut,
    mapePercent: (100 * errorSum) / Math.max(1, weighed),
    baselineMapePercent: (100 * baselineSum) / Math.max(1, weighed),
  };
}

export async function runVisionBench(options: VisionBenchOptions): Promise<VisionBenchFigures> {
  const log = options.log ?? (() => undefined);
  const frame = options.smoke ? { width: 640, height: 360 } : { width: 1280, height: 720 };
  const crowd: SceneOptions = options.smoke ? { ...frame, singles: 8, touchingPairs: 1, edgeBirds: 2 } : { ...frame };
  const workers = Math.max(1, Math.min(os.availableParallelism(), 8));
  const speedFrames = Array.from({ length: options.smoke ? 4 : 24 }, (_, i) => renderScene(1000 + i, crowd));

  // The flock the frames are rendered from: 2.2 ± 0.3 kg (birdFrames.ts defaults); its scale session: 100 weights.
  const random = randomSource(7);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const scaleWeightsKg = Array.from({ length: 100 }, () => 2.2 + 0.3 * gaussian());
  const scaleMeanKg = scaleWeightsKg.reduce((sum, weight) => sum + weight, 0) / scaleWeightsKg.length;
  const pools = {
    luma: new InferencePool({ workers, timeoutMs: 120_000, maxQueued: 1_000, decoder: 'luma' }),
    jpegJs: new InferencePool({ workers, timeoutMs: 120_000, maxQueued: 1_000, decoder: 'jpeg-js' }),
  };
  try {
    // 1. Calibration from the barn scale and the camera's clear birds of two frames.
    const calibrationFrames = [renderScene(1, crowd), renderScene(2, crowd)];
    const areas = (await Promise.all(calibrationFrames.map((scene) => pools.luma.estimate(scene.jpeg, undefined)))).flatMap(({ estimate }) =>
      estimate.predictions.filter((prediction) => prediction.accepted).map((prediction) => prediction.areaPx),
    );
    const calibration = fitFromScaleSession(scaleWeightsKg, areas, 'benchmark scale session');
    log(
      `calibrated from a scale session of ${scaleWeightsKg.length} weights (mean ${scaleMeanKg.toFixed(3)} kg) and ${areas.length} birds seen: k = ${calibration.kgPerPx15.toExponential(4)} kg/px^1.5`,
    );
    // Warm every worker of both pools (thread start, tsx, JIT) before timing.
    await Promise.all(
      [pools.luma, pools.jpegJs].flatMap((pool) =>
        Array.from({ length: workers }, (_, i) => pool.estimate(speedFrames[i % speedFrames.length]!.jpeg, calibration)),
      ),
    );

    // 2. Latency, one frame at a time, the decoders taking turns.
    const latencies = { luma: [] as number[], jpegJs: [] as number[] };
    const cpu = { luma: [] as number[], jpegJs: [] as number[] };
    for (const scene of speedFrames) {
      for (const name of ['luma', 'jpegJs'] as const) {
        const started = performance.now();
        const { cpuMs } = await pools[name].estimate(scene.jpeg, calibration);
        latencies[name].push(performance.now() - started);
        cpu[name].push(cpuMs);
      }
    }
    // 3. Throughput: all frames at once, twice per decoder, alternating; the better run of each counts.
    const rates = { luma: [] as number[], jpegJs: [] as number[] };
    for (let round = 0; round < 2; round++)
      for (const name of ['jpegJs', 'luma'] as const) rates[name].push(await throughput(pools[name], speedFrames, calibration));
    const speed = (name: 'luma' | 'jpegJs'): DecoderSpeed => ({
      framesPerSecond: Math.max(...rates[name]),
      latencyP50Ms: percentile(latencies[name], 50),
      latencyP95Ms: percentile(latencies[name], 95),
      cpuMsPerFrame: percentile(cpu[name], 50),
    });

    // 4. Accuracy on an evaluation set: varied light, spread and noise; weighed through both decoders.
    const looks: SceneOptions[] = [
      { light: 1, vignette: 0.25, noise: 6 },
      { light: 0.8, vignette: 0.35, noise: 8 },
      { light: 1.12, vignette: 0.1, noise: 4 },
      { light: 0.9, vignette: 0.3, noise: 10, sdWeightKg: 0.4 },
    ];
    const evaluation = Array.from({ length: options.smoke ? 2 : 16 }, (_, i) => renderScene(5000 + i, { ...crowd, ...looks[i % looks.length] }));
    const scored = score(evaluation, await Promise.all(evaluation.map((scene) => pools.luma.estimate(scene.jpeg, calibration))), scaleMeanKg);
    const scoredJpegJs = score(evaluation, await Promise.all(evaluation.map((scene) => pools.jpegJs.estimate(scene.jpeg, calibration))), scaleMeanKg);
    if (scored.mapePercent !== scoredJpegJs.mapePercent || scored.weighed !== scoredJpegJs.weighed) {
      throw new Error(
        `the luminance decoder changed the weights: MAPE ${scored.mapePercent} % (${scored.weighed} weighed) against jpeg-js ${scoredJpegJs.mapePercent} % (${scoredJpegJs.weighed})`,
      );
    }
    return {
      frame,
      workers,
      luma: speed('luma'),
      jpegJs: speed('jpegJs'),
      loadAverage: os.loadavg()[0]!,
      evaluation: { frames: evaluation.length, ...scored, mapePercentJpegJs: scoredJpegJs.mapePercent, kgPerPx15: calibration.kgPerPx15 },
    };
  } finally {
    await Promise.all([pools.luma.close(), pools.jpegJs.close()]);
  }
}

/** The figures as the benchmark prints them, with the goals. */
export function report(figures: VisionBenchFigures): string[] {
  const e = figures.evaluation;
  const { luma, jpegJs } = figures;
  const goal = (ok: boolean) => (ok ? 'meets' : 'MISSES');
  return [
    `frames ${figures.frame.width} × ${figures.frame.height}, ${figures.workers} worker thread(s) per decoder, load average ${figures.loadAverage.toFixed(1)} on ${os.cpus().length} cores`,
    `throughput: ${luma.framesPerSecond.toFixed(2)} frames/s (jpeg-js baseline: ${jpegJs.framesPerSecond.toFixed(2)}; ratio ${(luma.framesPerSecond / jpegJs.framesPerSecond).toFixed(2)}×)  goal ≥ 5: ${goal(luma.framesPerSecond >= 5)}`,
    `latency: p50 ${luma.latencyP50Ms.toFixed(0)} ms, p95 ${luma.latencyP95Ms.toFixed(0)} ms (jpeg-js: ${jpegJs.latencyP50Ms.toFixed(0)} / ${jpegJs.latencyP95Ms.toFixed(0)} ms; p95 ratio ${(luma.latencyP95Ms / jpegJs.latencyP95Ms).toFixed(2)})  goal p95 ≤ 200 ms: ${goal(luma.latencyP95Ms <= 200)}`,
    `CPU a frame in the worker: ${luma.cpuMsPerFrame.toFixed(0)} ms (jpeg-js: ${jpegJs.cpuMsPerFrame.toFixed(0)} ms; ratio ${(luma.cpuMsPerFrame / jpegJs.cpuMsPerFrame).toFixed(2)}), ≈ ${(1000 / luma.cpuMsPerFrame).toFixed(1)} frames/s per idle core`,
    `accuracy on ${e.frames} rendered frames: ${e.weighed} of ${e.birdsWhole} whole birds weighed, ${e.falselyWeighed} weighed that were not one whole bird, ${e.keptOut} touching or cut kept out`,
    `MAPE ${e.mapePercent.toFixed(2)} % (the same through jpeg-js: ${e.mapePercentJpegJs.toFixed(2)} %; naive barn mean: ${e.baselineMapePercent.toFixed(2)} %; ratio ${(e.mapePercent / e.baselineMapePercent).toFixed(2)})  goal ≤ 5 %: ${goal(e.mapePercent <= 5)}`,
  ];
}

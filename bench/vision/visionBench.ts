import os from 'node:os';
import { fitFromScaleSession, type Calibration } from '../../edge-ingestor/vision/calibration';
import { InferencePool } from '../../edge-ingestor/vision/InferencePool';
import { birdAt, randomSource, renderScene, type Scene, type SceneOptions } from './birdFrames';

/**
 * The vision benchmark (issue #21), in the same run:
 * 1. Speed on this machine: frames per second through the worker pool (all cores) and through
 *    one worker alone (the baseline), and the latency of one frame at a time (p50, p95), for
 *    1280 × 720 frames; CPU time per frame in the worker, which the machine's load does not
 *    inflate.
 * 2. Accuracy on rendered frames of known weights (birdFrames.ts: postures, touching pairs,
 *    birds cut by the edge, light from dim to bright, noise): the camera is calibrated from a
 *    scale session of the same flock (100 other birds, calibration.ts), then the mean absolute
 *    percentage error of its weights is compared with the naive baseline, every bird at the
 *    scale session's mean weight.
 */
export interface VisionBenchOptions {
  smoke: boolean;
  log?: (line: string) => void;
}

export interface VisionBenchFigures {
  frame: { width: number; height: number };
  workers: number;
  framesPerSecond: number;
  framesPerSecondOneWorker: number;
  latencyP50Ms: number;
  latencyP95Ms: number;
  cpuMsPerFrame: number;
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
    baselineMapePercent: number;
    kgPerPx15: number;
  };
}

const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

/** Frames per second of `frames` submitted at once to a pool of `workers`. */
async function throughput(frames: readonly Scene[], workers: number, calibration: Calibration): Promise<number> {
  const pool = new InferencePool({ workers, timeoutMs: 120_000, maxQueued: frames.length });
  try {
    await Promise.all(Array.from({ length: workers }, (_, i) => pool.estimate(frames[i % frames.length]!.jpeg, calibration)));
    const started = performance.now();
    await Promise.all(frames.map((scene) => pool.estimate(scene.jpeg, calibration)));
    return frames.length / ((performance.now() - started) / 1000);
  } finally {
    await pool.close();
  }
}

export async function runVisionBench(options: VisionBenchOptions): Promise<VisionBenchFigures> {
  const log = options.log ?? (() => undefined);
  const frame = options.smoke ? { width: 640, height: 360 } : { width: 1280, height: 720 };
  const crowd: SceneOptions = options.smoke ? { ...frame, singles: 8, touchingPairs: 1, edgeBirds: 2 } : { ...frame };
  const workers = Math.max(1, Math.min(os.cpus().length, 8));
  const speedFrames = Array.from({ length: options.smoke ? 4 : 24 }, (_, i) => renderScene(1000 + i, crowd));

  // 1. Calibration from the barn scale: 100 weights of the flock, and the camera's clear birds of two frames.
  // The flock the frames are rendered from: 2.2 ± 0.3 kg (birdFrames.ts defaults).
  const random = randomSource(7);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const scaleWeightsKg = Array.from({ length: 100 }, () => 2.2 + 0.3 * gaussian());
  const pool = new InferencePool({ workers, timeoutMs: 120_000, maxQueued: 1_000 });
  let figures: VisionBenchFigures;
  try {
    const calibrationFrames = [renderScene(1, crowd), renderScene(2, crowd)];
    const areas = (await Promise.all(calibrationFrames.map((scene) => pool.estimate(scene.jpeg, undefined)))).flatMap(({ estimate }) =>
      estimate.predictions.filter((prediction) => prediction.accepted).map((prediction) => prediction.areaPx),
    );
    const calibration = fitFromScaleSession(scaleWeightsKg, areas, 'benchmark scale session');
    const scaleMeanKg = scaleWeightsKg.reduce((sum, weight) => sum + weight, 0) / scaleWeightsKg.length;
    log(`calibrated from a scale session of ${scaleWeightsKg.length} weights (mean ${scaleMeanKg.toFixed(3)} kg) and ${areas.length} birds seen: k = ${calibration.kgPerPx15.toExponential(4)} kg/px^1.5`);

    // 2. Latency, one frame at a time.
    const latencies: number[] = [];
    const cpu: number[] = [];
    for (const scene of speedFrames) {
      const started = performance.now();
      const { cpuMs } = await pool.estimate(scene.jpeg, calibration);
      latencies.push(performance.now() - started);
      cpu.push(cpuMs);
    }
    log(`latency over ${latencies.length} frames of ${frame.width} × ${frame.height}: p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms (CPU ${percentile(cpu, 50).toFixed(0)} ms a frame)`);

    // 3. Accuracy on an evaluation set: varied light, spread and noise.
    const looks: SceneOptions[] = [
      { light: 1, vignette: 0.25, noise: 6 },
      { light: 0.8, vignette: 0.35, noise: 8 },
      { light: 1.12, vignette: 0.1, noise: 4 },
      { light: 0.9, vignette: 0.3, noise: 10, sdWeightKg: 0.4 },
    ];
    const evaluation = Array.from({ length: options.smoke ? 2 : 16 }, (_, i) => renderScene(5000 + i, { ...crowd, ...looks[i % looks.length] }));
    const estimates = await Promise.all(evaluation.map((scene) => pool.estimate(scene.jpeg, calibration)));
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
    figures = {
      frame,
      workers,
      framesPerSecond: 0,
      framesPerSecondOneWorker: 0,
      latencyP50Ms: percentile(latencies, 50),
      latencyP95Ms: percentile(latencies, 95),
      cpuMsPerFrame: percentile(cpu, 50),
      loadAverage: os.loadavg()[0]!,
      evaluation: {
        frames: evaluation.length,
        birdsWhole,
        weighed,
        falselyWeighed,
        keptOut,
        mapePercent: (100 * errorSum) / Math.max(1, weighed),
        baselineMapePercent: (100 * baselineSum) / Math.max(1, weighed),
        kgPerPx15: calibration.kgPerPx15,
      },
    };
  } finally {
    await pool.close();
  }
  const calibration = { kgPerPx15: figures.evaluation.kgPerPx15, fittedFrom: 'benchmark' };
  figures.framesPerSecondOneWorker = await throughput(speedFrames, 1, calibration);
  figures.framesPerSecond = await throughput(speedFrames, workers, calibration);
  return figures;
}

/** The figures as the benchmark prints them, with the goals. */
export function report(figures: VisionBenchFigures): string[] {
  const e = figures.evaluation;
  const goal = (ok: boolean) => (ok ? 'meets' : 'MISSES');
  return [
    `frames ${figures.frame.width} × ${figures.frame.height}, ${figures.workers} worker thread(s), load average ${figures.loadAverage.toFixed(1)} on ${os.cpus().length} cores`,
    `throughput: ${figures.framesPerSecond.toFixed(2)} frames/s (one worker: ${figures.framesPerSecondOneWorker.toFixed(2)}; ratio ${(figures.framesPerSecond / figures.framesPerSecondOneWorker).toFixed(2)}×)  goal ≥ 5: ${goal(figures.framesPerSecond >= 5)}`,
    `latency: p50 ${figures.latencyP50Ms.toFixed(0)} ms, p95 ${figures.latencyP95Ms.toFixed(0)} ms  goal p95 ≤ 200 ms: ${goal(figures.latencyP95Ms <= 200)}; CPU ${figures.cpuMsPerFrame.toFixed(0)} ms a frame (≈ ${(1000 / figures.cpuMsPerFrame).toFixed(1)} frames/s per idle core)`,
    `accuracy on ${e.frames} rendered frames: ${e.weighed} of ${e.birdsWhole} whole birds weighed, ${e.falselyWeighed} weighed that were not one whole bird, ${e.keptOut} touching or cut kept out`,
    `MAPE ${e.mapePercent.toFixed(2)} % (naive barn mean: ${e.baselineMapePercent.toFixed(2)} %; ratio ${(e.mapePercent / e.baselineMapePercent).toFixed(2)})  goal ≤ 5 %: ${goal(e.mapePercent <= 5)}`,
  ];
}

import { emitReport, isSmoke } from './figures';
import { report, runVisionBench } from './vision/visionBench';

/**
 * `npm run bench:vision [-- --smoke]`: camera frames per second, latency and weighing accuracy
 * (bench/vision/visionBench.ts). Smoke: 640 × 360 frames, a handful of them (CI).
 */
async function main() {
  const smoke = isSmoke();
  const figures = await runVisionBench({ smoke, log: (line) => console.log(line) });
  for (const line of report(figures)) console.log(line);
  console.log(JSON.stringify(figures));
  const oneWorker = 'throughput, one worker';
  const naive = 'MAPE, naive barn mean';
  emitReport('bench:vision', smoke, [
    { case: oneWorker, value: figures.framesPerSecondOneWorker, unit: 'frames/s' },
    { case: `throughput, ${figures.workers} workers`, value: figures.framesPerSecond, unit: 'frames/s', baseline: oneWorker },
    { case: 'latency p95', value: figures.latencyP95Ms, unit: 'ms' },
    { case: naive, value: figures.evaluation.baselineMapePercent, unit: '%' },
    // A perfect 0 % would read as "not measured": the error is floored at a hundredth of a percent.
    { case: 'MAPE after calibration', value: Math.max(figures.evaluation.mapePercent, 0.01), unit: '%', baseline: naive },
  ]);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

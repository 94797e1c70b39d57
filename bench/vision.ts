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
  const jpegJs = 'throughput, jpeg-js (all components)';
  const jpegJsP95 = 'latency p95, jpeg-js';
  const naive = 'MAPE, naive barn mean';
  emitReport('bench:vision', smoke, [
    { case: jpegJs, value: figures.jpegJs.framesPerSecond, unit: 'frames/s' },
    { case: 'throughput, luminance-only decoder', value: figures.luma.framesPerSecond, unit: 'frames/s', baseline: jpegJs },
    { case: jpegJsP95, value: figures.jpegJs.latencyP95Ms, unit: 'ms' },
    { case: 'latency p95, luminance-only decoder', value: figures.luma.latencyP95Ms, unit: 'ms', baseline: jpegJsP95 },
    { case: naive, value: figures.evaluation.baselineMapePercent, unit: '%' },
    // A perfect 0 % would read as "not measured": the error is floored at a hundredth of a percent.
    { case: 'MAPE after calibration', value: Math.max(figures.evaluation.mapePercent, 0.01), unit: '%', baseline: naive },
  ]);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

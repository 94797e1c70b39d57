import { report, runVisionBench } from './vision/visionBench';

/**
 * `npm run bench:vision [-- --smoke]`: camera frames per second, latency and weighing accuracy
 * (bench/vision/visionBench.ts). Smoke: 640 × 360 frames, a handful of them (CI).
 */
async function main() {
  const smoke = process.argv.includes('--smoke');
  const figures = await runVisionBench({ smoke, log: (line) => console.log(line) });
  for (const line of report(figures)) console.log(line);
  console.log(JSON.stringify(figures));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

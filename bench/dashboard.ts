import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DASHBOARD_DIST } from '../supergraph/dashboard';
import { launchChromium } from '../tests/support/browser';
import { emitReport, isSmoke } from './figures';

/**
 * The dashboard's speed budget (issue #14), measured on this machine's Chromium:
 * 1. initial JavaScript (gzip) of the first page: the entry script and what index.html preloads,
 *    beside every lazy chunk;
 * 2. the chart library with the barn page's worst case: 7 days of 1-minute data for 4 metrics
 *    (4 × 10,080 ≈ 40,000 points) drawn as 4 uPlot charts, time from data to drawn;
 * 3. 1 Hz live updates on 10 charts for `seconds`: the long tasks (over 50 ms) they cause.
 * The barn page itself never asks for more than 1000 buckets per chart; (2) is the ceiling.
 * Baselines in the same run: the budgets (250 KB, 1000 ms, 50 ms) as figures of their own.
 * Usage: npm run bench:dashboard [-- --smoke] (smoke: 1 day of data, 3 s of updates).
 */
const smoke = isSmoke();
const POINTS_PER_SERIES = smoke ? 1_440 : 7 * 1_440;
const LIVE_SECONDS = smoke ? 2 : 10;
const BUDGET_INITIAL_GZIP_BYTES = 250 * 1024;

function gzipBytes(file: string): number {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

function bundleSizes(): { initial: number; chunks: Array<[string, number]> } {
  const html = fs.readFileSync(path.join(DASHBOARD_DIST, 'index.html'), 'utf8');
  const initialFiles = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]!);
  const all = fs.readdirSync(path.join(DASHBOARD_DIST, 'assets')).map((name) => `assets/${name}`);
  const initial = initialFiles.reduce((sum, file) => sum + gzipBytes(path.join(DASHBOARD_DIST, file)), 0);
  const chunks = all.filter((file) => !initialFiles.includes(file)).map((file): [string, number] => [file, gzipBytes(path.join(DASHBOARD_DIST, file))]);
  return { initial, chunks };
}

// Runs in the page: builds the data, times the first draw of 4 charts, then feeds 10 charts at 1 Hz.
const PAGE_SCRIPT = `async ({ points, liveSeconds }) => {
  const longTasks = [];
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => longTasks.push(entry.duration))).observe({ type: 'longtask', buffered: false });
  const start = Math.floor(Date.now() / 1000) - points * 60;
  const makeData = (phase) => {
    const xs = new Float64Array(points), ys = new Float64Array(points);
    for (let i = 0; i < points; i++) { xs[i] = start + i * 60; ys[i] = 24 + 4 * Math.sin(i / 240 + phase) + Math.random(); }
    return [Array.from(xs), Array.from(ys)];
  };
  const opts = (title) => ({ title, width: 1200, height: 220, scales: { x: { time: true } }, series: [{}, { label: title, stroke: '#0072B2', width: 2 }], tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), 'Asia/Bangkok') });
  const datasets = [0, 1, 2, 3].map((i) => makeData(i));
  // The page's own start-up (fonts, first canvas) is not the chart's cost: one tiny chart first.
  new uPlot(opts('warm-up'), [[start, start + 60], [1, 2]], document.createElement('div')).destroy();
  const t0 = performance.now();
  const charts = datasets.map((data, i) => { const el = document.createElement('div'); document.body.append(el); return new uPlot(opts('metric ' + i), data, el); });
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const firstDrawMs = performance.now() - t0;
  for (let i = 4; i < 10; i++) { const el = document.createElement('div'); document.body.append(el); charts.push(new uPlot(opts('metric ' + i), makeData(i), el)); }
  await new Promise((resolve) => setTimeout(resolve, 500));
  longTasks.length = 0;
  const updates = [];
  for (let second = 0; second < liveSeconds; second++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const u0 = performance.now();
    for (const chart of charts) {
      const [xs, ys] = chart.data;
      const x = xs[xs.length - 1] + 60;
      chart.setData([xs.slice(1).concat(x), ys.slice(1).concat(24 + Math.random())]);
    }
    updates.push(performance.now() - u0);
  }
  return { firstDrawMs, updateMsMax: Math.max(...updates), longTasksOver50: longTasks.filter((d) => d > 50).length, longestTaskMs: Math.max(0, ...longTasks) };
}`;

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(DASHBOARD_DIST, 'index.html'))) throw new Error('no dashboard build: run `npm run dashboard:build`');
  const sizes = bundleSizes();
  console.log(`initial JavaScript and CSS of the first page: ${(sizes.initial / 1024).toFixed(1)} KB gzip (budget ${BUDGET_INITIAL_GZIP_BYTES / 1024} KB)`);
  for (const [file, bytes] of sizes.chunks.sort((a, b) => b[1] - a[1])) console.log(`  lazy ${file}: ${(bytes / 1024).toFixed(1)} KB gzip`);

  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: require.resolve('uplot/dist/uPlot.iife.min.js') });
    await page.addStyleTag({ path: require.resolve('uplot/dist/uPlot.min.css') });
    const result = (await page.evaluate(`(${PAGE_SCRIPT})(${JSON.stringify({ points: POINTS_PER_SERIES, liveSeconds: LIVE_SECONDS })})`)) as {
      firstDrawMs: number;
      updateMsMax: number;
      longTasksOver50: number;
      longestTaskMs: number;
    };
    console.log(
      `4 charts × ${POINTS_PER_SERIES.toLocaleString('en-US')} points (${(4 * POINTS_PER_SERIES).toLocaleString('en-US')}): drawn ${result.firstDrawMs.toFixed(0)} ms after the data (budget 1000 ms)`,
    );
    console.log(
      `10 charts at 1 Hz for ${LIVE_SECONDS} s: slowest update ${result.updateMsMax.toFixed(1)} ms, long tasks over 50 ms: ${result.longTasksOver50} (longest ${result.longestTaskMs.toFixed(0)} ms)`,
    );
    if (sizes.initial > BUDGET_INITIAL_GZIP_BYTES) process.exitCode = 1;
    const budgets = { size: 'budget: initial JavaScript and CSS (gzip)', draw: 'budget: first draw', update: 'budget: a long task' };
    emitReport('dashboard', smoke, [
      { case: budgets.size, value: BUDGET_INITIAL_GZIP_BYTES / 1024, unit: 'KB' },
      { case: 'initial JavaScript and CSS of the first page (gzip)', value: sizes.initial / 1024, unit: 'KB', baseline: budgets.size },
      { case: budgets.draw, value: 1000, unit: 'ms' },
      { case: `4 charts × ${POINTS_PER_SERIES} points drawn`, value: result.firstDrawMs, unit: 'ms', baseline: budgets.draw },
      { case: budgets.update, value: 50, unit: 'ms' },
      // Its lower bound is above 0: a live update that took no time at all did not happen.
      { case: '10 charts at 1 Hz: slowest update', value: result.updateMsMax, unit: 'ms', baseline: budgets.update },
    ]);
  } finally {
    await browser.close();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});

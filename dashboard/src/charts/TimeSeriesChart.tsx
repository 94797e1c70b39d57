import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  /** The line: one value per timestamp, null for no data (drawn as a gap). */
  values: ReadonlyArray<number | null>;
  /** Optional band around the line (bucket minimum and maximum). */
  min?: ReadonlyArray<number | null>;
  max?: ReadonlyArray<number | null>;
}

export interface TimeSeriesChartProps {
  /** Unix seconds, ascending, shared by every series. */
  timestampsSec: ReadonlyArray<number>;
  series: readonly ChartSeries[];
  unit: string;
  /** The farm's IANA zone: the time axis reads the barn's wall clock. */
  timeZone: string;
  /** Accessible name of the canvas; the page shows the same values as text and a table. */
  label: string;
  /** BCP 47 locale for the axis labels. */
  locale: string;
  height?: number;
}

// Colour-blind-safe (Okabe-Ito) and at least 3:1 against white; dashes tell lines apart without colour.
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#56B4E9', '#E69F00'];
const DASHES: number[][] = [[], [8, 4], [2, 3], [10, 3, 2, 3]];
/** Gaps longer than this many median steps are drawn as gaps, not bridged. */
const GAP_FACTOR = 3;

type Aligned = uPlot.AlignedData;

function toAligned(props: TimeSeriesChartProps): Aligned {
  const columns: Array<ReadonlyArray<number | null>> = [props.timestampsSec];
  for (const series of props.series) {
    columns.push(series.values);
    if (series.min && series.max) columns.push(series.min, series.max);
  }
  return columns as unknown as Aligned;
}

/**
 * The one time-series chart of the dashboard: uPlot on a canvas (tens of thousands of points
 * drawn in milliseconds), the average as a line and min–max as a band. New data is handed to
 * the existing plot (setData) at most once per animation frame instead of rebuilding it, so
 * 1 Hz live updates on many charts stay cheap; the width follows the container.
 */
export default function TimeSeriesChart(props: TimeSeriesChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const frame = useRef<number | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const shape = props.series.map((series) => `${series.label}:${series.min ? 'band' : 'line'}`).join('|');

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const { unit, timeZone, locale, height = 220 } = latest.current;
    const clock = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' });
    const day = new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'short' });
    // Axis labels in the user's language and the farm's zone: times below a day's step, dates above.
    const timeAxisValues = (_u: uPlot, splits: number[], _axis: number, _space: number, incrementSec: number) =>
      splits.map((ts) => (incrementSec < 86_400 ? clock : day).format(new Date(ts * 1000)));
    const series: uPlot.Series[] = [{}];
    const bands: uPlot.Band[] = [];
    latest.current.series.forEach((entry, index) => {
      const colour = PALETTE[index % PALETTE.length]!;
      series.push({
        label: entry.label,
        stroke: colour,
        width: 2,
        dash: DASHES[index % DASHES.length],
        spanGaps: false,
        value: (_u, v) => (v == null ? '–' : `${v.toFixed(2)} ${unit}`),
      });
      if (entry.min && entry.max) {
        const lineIndex = series.length - 1;
        series.push({ label: `${entry.label} min`, stroke: 'transparent', points: { show: false }, value: (_u, v) => (v == null ? '–' : v.toFixed(2)) });
        series.push({ label: `${entry.label} max`, stroke: 'transparent', points: { show: false }, value: (_u, v) => (v == null ? '–' : v.toFixed(2)) });
        bands.push({ series: [lineIndex + 2, lineIndex + 1], fill: `${colour}22` });
      }
    });
    const options: uPlot.Options = {
      width: Math.max(element.clientWidth, 200),
      height,
      series,
      bands,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), timeZone),
      scales: { x: { time: true } },
      axes: [
        { stroke: '#3d463e', grid: { stroke: '#e3e7e1' }, values: timeAxisValues },
        { stroke: '#3d463e', grid: { stroke: '#e3e7e1' }, label: unit, size: 60 },
      ],
      legend: { show: true, live: true },
      cursor: { drag: { x: true, y: false } },
    };
    const chart = new uPlot(options, withGaps(toAligned(latest.current)), element);
    // The band's edges are series too; their legend rows only repeat the table below the chart.
    chart.root.querySelectorAll<HTMLElement>('.u-legend .u-series').forEach((row, index) => {
      if (series[index]?.stroke === 'transparent') row.style.display = 'none';
    });
    chart.root.querySelector('canvas')?.setAttribute('aria-label', latest.current.label);
    chart.root.querySelector('canvas')?.setAttribute('role', 'img');
    plot.current = chart;
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(element.clientWidth, 200), height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
      plot.current = null;
    };
  }, [shape, props.unit, props.timeZone, props.locale, props.height]);

  useEffect(() => {
    if (frame.current !== null) return;
    frame.current = window.requestAnimationFrame(() => {
      frame.current = null;
      plot.current?.setData(withGaps(toAligned(latest.current)));
    });
  }, [props.timestampsSec, props.series]);

  useEffect(
    () => () => {
      if (frame.current !== null) window.cancelAnimationFrame(frame.current);
    },
    [],
  );

  return <div ref={container} className="chart-area" />;
}

/**
 * Inserts a null after any step longer than GAP_FACTOR × the median step, so an outage shows
 * as a break in the line instead of a straight bridge across it.
 */
function withGaps(data: Aligned): Aligned {
  const xs = data[0] as number[];
  if (xs.length < 3) return data;
  const steps = xs
    .slice(1)
    .map((x, i) => x - xs[i]!)
    .sort((a, b) => a - b);
  const limit = steps[Math.floor(steps.length / 2)]! * GAP_FACTOR;
  if (limit <= 0) return data;
  const out: Array<Array<number | null>> = data.map(() => []);
  for (let i = 0; i < xs.length; i++) {
    if (i > 0 && xs[i]! - xs[i - 1]! > limit) {
      out[0]!.push(xs[i - 1]! + 1);
      for (let column = 1; column < data.length; column++) out[column]!.push(null);
    }
    for (let column = 0; column < data.length; column++) out[column]!.push((data[column] as Array<number | null>)[i] ?? null);
  }
  return out as unknown as Aligned;
}

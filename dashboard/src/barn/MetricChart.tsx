import { lazy, Suspense, useMemo } from 'react';
import { useQuery } from 'urql';
import { errorMessage } from '../api/errors';
import { useMetricLabel } from '../farm/useMetricLabel';
import type { LiveReading } from '../farm/useLiveReadings';
import { metricDecimals } from '../farm/metrics';
import { graphql } from '../gql';
import { useI18n } from '../i18n/I18n';
import type { BarnDevice } from './BarnPage';
import type { TimeWindow } from './ranges';

// The chart library loads with the first chart, not with the app.
const TimeSeriesChart = lazy(() => import('../charts/TimeSeriesChart'));

const ReadingSeriesDocument = graphql(`
  query ReadingSeries($deviceId: ID!, $metric: String!, $from: DateTime!, $to: DateTime!, $interval: BucketInterval!) {
    readingSeries(deviceId: $deviceId, metric: $metric, from: $from, to: $to, interval: $interval) {
      unit
      interval
      timeZone
      buckets {
        start
        count
        avg
        min
        max
      }
    }
  }
`);

interface MetricChartProps {
  device: BarnDevice;
  metric: string;
  unit: string;
  window: TimeWindow;
  timeZone: string;
  live: readonly LiveReading[];
  now: number;
}

interface Points {
  x: number[];
  avg: Array<number | null>;
  min: Array<number | null>;
  max: Array<number | null>;
}

const TABLE_ROWS = 10;

/** One device's metric: its newest value in words, the chart, and the last points as a table. */
export function MetricChart({ device, metric, unit, window: timeWindow, timeZone, live, now }: MetricChartProps) {
  const { t, format, locale } = useI18n();
  const label = useMetricLabel();
  const [{ data, error }] = useQuery({
    query: ReadingSeriesDocument,
    variables: { deviceId: device.id, metric, from: timeWindow.from.toISOString(), to: timeWindow.to.toISOString(), interval: timeWindow.interval },
  });
  const buckets = data?.readingSeries.buckets;
  const mine = useMemo(() => live.filter((reading) => reading.device.id === device.id && reading.metric === metric), [live, device.id, metric]);
  const points = useMemo<Points>(() => {
    const x: number[] = [];
    const avg: Array<number | null> = [];
    const min: Array<number | null> = [];
    const max: Array<number | null> = [];
    for (const bucket of buckets ?? []) {
      x.push(Date.parse(bucket.start) / 1000);
      avg.push(bucket.avg);
      min.push(bucket.min);
      max.push(bucket.max);
    }
    // Live readings newer than the last bucket's start are appended as points of their own.
    const after = x.length > 0 ? x[x.length - 1]! : timeWindow.from.getTime() / 1000;
    for (const reading of mine) {
      const at = Date.parse(reading.observedAt) / 1000;
      if (at <= after || (x.length > 0 && at <= x[x.length - 1]!)) continue;
      x.push(at);
      avg.push(reading.value);
      min.push(reading.value);
      max.push(reading.value);
    }
    return { x, avg, min, max };
  }, [buckets, mine, timeWindow.from]);

  const newest = [...device.latestReadings.filter((reading) => reading.metric === metric), ...mine].reduce<{ value: number; observedAt: string } | undefined>(
    (best, reading) => (!best || reading.observedAt >= best.observedAt ? reading : best),
    undefined,
  );
  const title = `${label(metric)} (${unit}) · ${device.name ?? device.serialNumber}`;
  const decimals = metricDecimals(metric);
  const series = useMemo(() => [{ label: label(metric), values: points.avg, min: points.min, max: points.max }], [points, label, metric]);

  return (
    <article className="chart-card" data-device={device.id} data-metric={metric} aria-label={title}>
      <h3>{title}</h3>
      <p className="latest" aria-live="polite">
        {newest
          ? t('chart.latest', {
              value: format.quantity(newest.value, unit, decimals),
              ago: format.ago(newest.observedAt, now),
              at: format.time(newest.observedAt, timeZone),
            })
          : t('reading.none')}
      </p>
      {error && <p role="alert">{errorMessage(error, t)}</p>}
      {points.x.length === 0 ? (
        <p className="muted">{t('chart.empty')}</p>
      ) : (
        <Suspense fallback={<div className="chart-area" />}>
          <TimeSeriesChart
            timestampsSec={points.x}
            series={series}
            unit={unit}
            timeZone={timeZone}
            label={title}
            locale={locale === 'th' ? 'th-TH' : 'en-GB'}
          />
        </Suspense>
      )}
      <details>
        <summary>{t('chart.asTable')}</summary>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('chart.time')}</th>
                <th scope="col" className="number">
                  {t('chart.average', { unit })}
                </th>
                <th scope="col" className="number">
                  {t('chart.range', { unit })}
                </th>
              </tr>
            </thead>
            <tbody>
              {points.x.slice(-TABLE_ROWS).map((x, index, shown) => {
                const i = points.x.length - shown.length + index;
                const value = points.avg[i];
                return (
                  <tr key={x}>
                    <td>{format.dateTime(new Date(x * 1000).toISOString(), timeZone)}</td>
                    <td className="number">{value == null ? '–' : format.number(value, decimals)}</td>
                    <td className="number">
                      {points.min[i] == null ? '–' : `${format.number(points.min[i]!, decimals)} – ${format.number(points.max[i]!, decimals)}`}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </details>
    </article>
  );
}

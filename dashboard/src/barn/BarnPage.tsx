import { useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { errorMessage } from '../api/errors';
import { graphql } from '../gql';
import type { BarnPageQuery } from '../gql/graphql';
import { useI18n } from '../i18n/I18n';
import { farmLocalToUtc } from '../lib/farmDate';
import { useNow } from '../lib/useNow';
import { useLiveReadings } from '../farm/useLiveReadings';
import { usePermissions } from '../session/Viewer';
import { DeviceList } from './DeviceList';
import { MetricChart } from './MetricChart';
import { RangePicker } from './RangePicker';
import { liveEverySeconds, RANGE_KEYS, windowFor, type RangeKey } from './ranges';

const BarnPageDocument = graphql(`
  query BarnPage($barnId: ID!) {
    barn(id: $barnId) {
      id
      name
      species
      capacityHead
      farm {
        id
        name
        timeZone
        batches {
          id
          placedOn
          barn {
            id
          }
        }
      }
      devices(first: 40) {
        nodes {
          id
          name
          serialNumber
          kind
          status
          credentialsIssuedAt
          metrics {
            name
            unit
          }
          latestReadings {
            metric
            unit
            value
            observedAt
          }
        }
      }
    }
  }
`);

export type BarnDevice = NonNullable<BarnPageQuery['barn']>['devices']['nodes'][number];

/**
 * One barn: a chart per device and metric (history from readingSeries at a bucket size that
 * keeps the points bounded, live readings appended), the range in the URL so a view can be
 * shared, and the barn's devices with their freshness.
 */
export function BarnPage() {
  const { farmId = '', barnId = '' } = useParams();
  const { t } = useI18n();
  const { canManageFarm } = usePermissions();
  const [search, setSearch] = useSearchParams();
  const rangeParam = search.get('range');
  const range: RangeKey = RANGE_KEYS.includes(rangeParam as RangeKey) ? (rangeParam as RangeKey) : '1h';
  const [{ data, error, fetching }] = useQuery({ query: BarnPageDocument, variables: { barnId } });
  const barn = data?.barn;
  const now = useNow(5000);
  // The window is fixed when a range is chosen; live readings extend it from there.
  const [anchorMs, setAnchorMs] = useState(() => Date.now());
  const batch = barn?.farm.batches.filter((candidate) => candidate.barn?.id === barnId).sort((a, b) => b.placedOn.localeCompare(a.placedOn))[0];
  const timeZone = barn?.farm.timeZone ?? 'UTC';
  const custom = useMemo(() => {
    const from = search.get('from') ?? undefined;
    const to = search.get('to') ?? undefined;
    return { from: from ? farmLocalToUtc(from, timeZone).toISOString() : undefined, to: to ? farmLocalToUtc(to, timeZone).toISOString() : undefined };
  }, [search, timeZone]);
  const timeWindow = useMemo(() => windowFor(range, anchorMs, custom, batch?.placedOn), [range, anchorMs, custom, batch?.placedOn]);
  const isLive = range !== 'custom';
  const live = useLiveReadings(barnId, { everySeconds: liveEverySeconds(timeWindow?.intervalSeconds ?? 60) });

  if (error) return <p role="alert">{errorMessage(error, t)}</p>;
  if (!barn) return fetching ? <p role="status">{t('common.loading')}</p> : null;
  const active = barn.devices.nodes.filter((device) => device.status === 'ACTIVE');

  function chooseRange(next: RangeKey, customRange?: { from: string; to: string }) {
    setAnchorMs(Date.now());
    const params = new URLSearchParams({ range: next });
    if (customRange) {
      params.set('from', customRange.from);
      params.set('to', customRange.to);
    }
    setSearch(params);
  }

  return (
    <section aria-labelledby="barn-heading">
      <div className="page-heading">
        <h1 id="barn-heading">{barn.name}</h1>
        <Link to={`/farms/${farmId}`}>{barn.farm.name}</Link>
        <Link to={`/farms/${farmId}/barns/${barnId}/rules`}>{canManageFarm ? t('barn.editRules') : t('barn.viewRules')}</Link>
      </div>
      <RangePicker range={range} onChange={chooseRange} hasBatch={Boolean(batch)} search={search} />
      {timeWindow && (
        <p className="muted">
          {t('barn.window', { interval: t(`interval.${timeWindow.interval}`), zone: timeZone })}
          {isLive ? ` · ${t('barn.liveOn')}` : ''}
        </p>
      )}
      <h2>{t('barn.charts')}</h2>
      {active.length === 0 && <p>{t('barn.noDevices')}</p>}
      {timeWindow &&
        active.flatMap((device) =>
          device.metrics.map((metric) => (
            <MetricChart
              key={`${device.id}:${metric.name}`}
              device={device}
              metric={metric.name}
              unit={metric.unit}
              window={timeWindow}
              timeZone={timeZone}
              live={isLive ? live : []}
              now={now}
            />
          )),
        )}
      <h2>{t('barn.devices')}</h2>
      <DeviceList devices={barn.devices.nodes} live={live} timeZone={timeZone} now={now} window={timeWindow} />
    </section>
  );
}

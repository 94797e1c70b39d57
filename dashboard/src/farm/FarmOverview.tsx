import { FarmLinks } from './FarmLinks';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { errorMessage } from '../api/errors';
import { graphql } from '../gql';
import type { FarmOverviewQuery } from '../gql/graphql';
import { useI18n } from '../i18n/I18n';
import { farmLocalDate } from '../lib/farmDate';
import { useNow } from '../lib/useNow';
import { useFarm } from '../session/Viewer';
import { BarnCard } from './BarnCard';

const FarmOverviewDocument = graphql(`
  query FarmOverview($farmId: ID!, $asOf: Date) {
    farm(id: $farmId) {
      id
      name
      timeZone
      barns {
        id
        name
        species
        capacityHead
        currentClimate {
          metric
          unit
          value
          observedAt
        }
      }
      batches {
        id
        placedOn
        headCountPlaced
        barn {
          id
        }
        performance(asOf: $asOf) {
          ageDays
          headCountAlive
        }
      }
    }
    alerts(farmId: $farmId, status: ACTIVE, first: 100) {
      nodes {
        id
        metric
        builtIn
        acknowledgedAt
        barn {
          id
        }
      }
    }
  }
`);

export type OverviewBarn = NonNullable<FarmOverviewQuery['farm']>['barns'][number];
export type OverviewBatch = NonNullable<FarmOverviewQuery['farm']>['batches'][number];

/** One card per barn with its live climate, batch and open alerts; barns with alerts first. */
export function FarmOverview() {
  const { farmId = '' } = useParams();
  const { t } = useI18n();
  const now = useNow();
  const viewerFarm = useFarm(farmId);
  // KPIs are per farm-local day: ask for the farm's today, not the browser's or UTC's.
  const asOf = viewerFarm ? farmLocalDate(viewerFarm.timeZone, new Date(now)) : undefined;
  const [{ data, error, fetching }] = useQuery({ query: FarmOverviewDocument, variables: { farmId, asOf } });
  const farm = data?.farm;
  const batches = farm?.batches ?? [];
  const alerts = data?.alerts.nodes ?? [];

  if (error) return <p role="alert">{errorMessage(error, t)}</p>;
  if (!farm) return fetching ? <p role="status">{t('common.loading')}</p> : null;

  const alertCount = (barnId: string) => alerts.filter((alert) => alert.barn?.id === barnId).length;
  // Worst first: a barn in trouble must not hide below the fold.
  const barns = [...farm.barns].sort((a, b) => alertCount(b.id) - alertCount(a.id) || a.name.localeCompare(b.name));
  return (
    <section aria-labelledby="farm-heading">
      <div className="page-heading">
        <h1 id="farm-heading">{farm.name}</h1>
        <p className="muted">{t('farm.timeZone', { zone: farm.timeZone })}</p>
        <Link to={`/farms/${farm.id}/alerts`}>{t('farm.activeAlerts', { count: alerts.length })}</Link>
        <FarmLinks farmId={farm.id} />
      </div>
      {barns.length === 0 && <p>{t('farm.noBarns')}</p>}
      <ul className="card-grid">
        {barns.map((barn) => (
          <li key={barn.id}>
            <BarnCard
              farmId={farm.id}
              timeZone={farm.timeZone}
              barn={barn}
              batch={currentBatch(batches, barn.id)}
              activeAlerts={alertCount(barn.id)}
              now={now}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The newest batch placed in the barn that still has animals. */
function currentBatch(batches: readonly OverviewBatch[], barnId: string): OverviewBatch | undefined {
  return batches.filter((batch) => batch.barn?.id === barnId && batch.performance.headCountAlive > 0).sort((a, b) => b.placedOn.localeCompare(a.placedOn))[0];
}

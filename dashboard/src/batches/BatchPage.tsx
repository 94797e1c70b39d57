import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { errorMessage } from '../api/errors';
import { graphql } from '../gql';
import type { KpiUnavailableReason } from '../gql/graphql';
import { useI18n } from '../i18n/I18n';
import type { MessageKey } from '../i18n/en';
import { farmLocalDate } from '../lib/farmDate';
import { useFarm, usePermissions } from '../session/Viewer';
import { HealthRecordForm, WeighSessionForm } from './BatchRecordForms';
import { DailyRecordForm } from './DailyRecordForm';
import { GrowthChart } from './GrowthChart';
import { HealthScorePanel } from './HealthScorePanel';
import { WeighSessionsPanel } from './WeighSessionsPanel';

const BatchPageDocument = graphql(`
  query BatchPage($batchId: ID!, $asOf: Date) {
    batch(id: $batchId) {
      id
      species
      breed
      placedOn
      headCountPlaced
      placementWeightKg
      barn {
        id
        name
      }
      performance(asOf: $asOf) {
        asOf
        ageDays
        headCountAlive
        deadCount
        culledCount
        feedKg
        waterLitres
        averageWeightKg {
          value
          unavailableReason
        }
        adgGramsPerDay {
          value
          unavailableReason
        }
        adfiGramsPerAnimalPerDay {
          value
          unavailableReason
        }
        fcrKgFeedPerKgGain {
          value
          unavailableReason
        }
        mortalityPercent {
          value
          unavailableReason
        }
        livabilityPercent {
          value
          unavailableReason
        }
        epef {
          value
          unavailableReason
        }
        iep {
          value
          unavailableReason
        }
        waterToFeedLitresPerKg {
          value
          unavailableReason
        }
        targetWeightKg {
          value
          unavailableReason
        }
        targetDeviationPercent {
          value
          unavailableReason
        }
        uniformity {
          weighedOn
          sampleCount
          cvPercent {
          value
          unavailableReason
        }
          withinTenPercentOfMeanPercent {
          value
          unavailableReason
        }
        }
        health {
          score {
          value
          unavailableReason
        }
          mortalityFraction {
          value
          unavailableReason
        }
          morbidityFraction {
          value
          unavailableReason
        }
          treatmentFraction {
          value
          unavailableReason
        }
          mortalityComponent {
          value
          unavailableReason
        }
          morbidityComponent {
          value
          unavailableReason
        }
          treatmentComponent {
          value
          unavailableReason
        }
        }
      }
      dailySeries(asOf: $asOf) {
        dayOfAge
        averageWeightKg
        sampleCount
        targetWeightKg {
          value
        }
        targetDeviationPercent {
          value
        }
      }
    }
  }
`);

interface KpiValue {
  value?: number | null;
  unavailableReason?: KpiUnavailableReason | null;
}

/** A batch's KPIs on the farm's today, each with its unit, or in words why it has none; the day's records below. */
export function BatchPage() {
  const { farmId = '', batchId = '' } = useParams();
  const { t, format } = useI18n();
  const farm = useFarm(farmId);
  const { canManageFarm } = usePermissions();
  const asOf = farm ? farmLocalDate(farm.timeZone) : undefined;
  const [{ data, error }, refetchBatch] = useQuery({ query: BatchPageDocument, variables: { batchId, asOf }, pause: !asOf });
  if (error) return <p role="alert">{errorMessage(error, t)}</p>;
  const batch = data?.batch;
  if (!batch || !asOf) return <p role="status">{t('common.loading')}</p>;
  const kpi = batch.performance;
  const kpis: Array<[MessageKey, KpiValue, string, number]> = [
    ['kpi.averageWeight', kpi.averageWeightKg, 'kg', 3],
    ['kpi.adg', kpi.adgGramsPerDay, 'g/day', 1],
    ['kpi.adfi', kpi.adfiGramsPerAnimalPerDay, 'g/animal/day', 1],
    ['kpi.fcr', kpi.fcrKgFeedPerKgGain, 'kg/kg', 3],
    ['kpi.mortality', kpi.mortalityPercent, '%', 2],
    ['kpi.livability', kpi.livabilityPercent, '%', 2],
    [batch.species === 'BROILER' ? 'kpi.epef' : 'kpi.iep', batch.species === 'BROILER' ? kpi.epef : kpi.iep, '', 0],
    ['kpi.waterToFeed', kpi.waterToFeedLitresPerKg, 'L/kg', 2],
    ['kpi.targetWeight', kpi.targetWeightKg, 'kg', 3],
    ['kpi.targetDeviation', kpi.targetDeviationPercent, '%', 1],
    ['kpi.uniformityCv', kpi.uniformity.cvPercent, '%', 1],
    ['kpi.withinTen', kpi.uniformity.withinTenPercentOfMeanPercent, '%', 1],
  ];
  return (
    <section aria-labelledby="batch-heading" className="stack">
      <div className="page-heading">
        <h1 id="batch-heading">{t('batch.heading', { barn: batch.barn?.name ?? '–', placedOn: format.date(batch.placedOn) })}</h1>
        {batch.barn && <Link to={`/farms/${farmId}/barns/${batch.barn.id}`}>{batch.barn.name}</Link>}
      </div>
      <p>
        {t('batch.summary', {
          day: format.number(kpi.ageDays, 0),
          alive: format.number(kpi.headCountAlive, 0),
          placed: format.number(batch.headCountPlaced, 0),
          dead: format.number(kpi.deadCount, 0),
          culled: format.number(kpi.culledCount, 0),
        })}
      </p>
      <dl className="readings kpis">
        {kpis.map(([key, value, unit, digits]) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd>
              {value.value == null ? (
                <span className="muted">{t(`kpiReason.${value.unavailableReason ?? 'NO_ANIMALS'}`)}</span>
              ) : (
                <span className="value">{unit ? format.quantity(value.value, unit, digits) : format.number(value.value, digits)}</span>
              )}
            </dd>
          </div>
        ))}
        <div>
          <dt>{t('kpi.feed')}</dt>
          <dd>
            <span className="value">{format.quantity(kpi.feedKg, 'kg', 1)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('kpi.water')}</dt>
          <dd>
            <span className="value">{format.quantity(kpi.waterLitres, 'L', 0)}</span>
          </dd>
        </div>
      </dl>
      <HealthScorePanel health={kpi.health} />
      <GrowthChart
        days={batch.dailySeries.map((day) => ({
          dayOfAge: day.dayOfAge,
          averageWeightKg: day.averageWeightKg,
          targetWeightKg: day.targetWeightKg.value,
          targetDeviationPercent: day.targetDeviationPercent.value,
          sampleCount: day.sampleCount,
        }))}
      />
      <WeighSessionsPanel batchId={batch.id} />
      {canManageFarm && <DailyRecordForm batchId={batch.id} today={asOf} onSaved={() => refetchBatch({ requestPolicy: 'network-only' })} />}
      {canManageFarm && <HealthRecordForm batchId={batch.id} today={asOf} />}
      {canManageFarm && <WeighSessionForm batchId={batch.id} today={asOf} />}
    </section>
  );
}

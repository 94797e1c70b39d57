import { Link } from 'react-router';
import { useI18n } from '../i18n/I18n';
import type { OverviewBarn, OverviewBatch } from './FarmOverview';
import { CLIMATE_METRICS, metricDecimals, STALE_AFTER_MS } from './metrics';
import { temperatureHumidityIndex, thiBand, THI_BANDS } from './thi';
import { latestByMetric, useLiveReadings } from './useLiveReadings';
import { useMetricLabel } from './useMetricLabel';

/** A card shows current values: every reading, at most one a second per device and metric. */
const LIVE_EVERY_SECONDS = 1;

interface BarnCardProps {
  farmId: string;
  timeZone: string;
  barn: OverviewBarn;
  batch: OverviewBatch | undefined;
  activeAlerts: number;
  now: number;
}

/**
 * A barn at a glance: climate with each value's age (grey once stale), THI in the species'
 * band, the batch's day of age and head count, open alerts. Grey by default; colour only
 * for what deviates, always with words beside it.
 */
export function BarnCard({ farmId, timeZone, barn, batch, activeAlerts, now }: BarnCardProps) {
  const { t, format } = useI18n();
  const label = useMetricLabel();
  const live = useLiveReadings(barn.id, { metrics: CLIMATE_METRICS, everySeconds: LIVE_EVERY_SECONDS });
  const latest = latestByMetric(barn.currentClimate, live);
  const temperature = latest.get('temperatureC');
  const humidity = latest.get('relativeHumidityPercent');
  const thi = temperature && humidity ? temperatureHumidityIndex(temperature.value, humidity.value) : undefined;
  const band = thi === undefined ? undefined : thiBand(thi, barn.species);
  const headingId = `barn-${barn.id}`;

  return (
    <article className={`card barn-card${activeAlerts > 0 ? ' has-alerts' : ''}`} aria-labelledby={headingId}>
      <h2 id={headingId}>
        <Link to={`/farms/${farmId}/barns/${barn.id}`}>{barn.name}</Link>
      </h2>
      <p className="muted">
        {t(barn.species === 'PIG' ? 'species.PIG' : 'species.BROILER')} · {t('barn.capacity', { count: format.number(barn.capacityHead, 0) })}
      </p>
      {batch ? (
        <p>
          <Link to={`/farms/${farmId}/batches/${batch.id}`}>
            {t('barn.batchDay', { day: format.number(batch.performance.ageDays, 0), placedOn: format.date(batch.placedOn) })}
          </Link>
          <br />
          {t('barn.headCount', { count: format.number(batch.performance.headCountAlive, 0) })}
        </p>
      ) : (
        <p className="muted">{t('barn.noBatch')}</p>
      )}
      <dl className="readings">
        {CLIMATE_METRICS.map((metric) => {
          const reading = latest.get(metric);
          const stale = reading ? now - new Date(reading.observedAt).getTime() > STALE_AFTER_MS : true;
          return (
            <div key={metric} className={stale ? 'stale' : undefined} data-metric={metric}>
              <dt>{label(metric)}</dt>
              <dd>
                {reading ? (
                  <>
                    <span className="value">{format.quantity(reading.value, reading.unit, metricDecimals(metric))}</span>
                    <span className="age" title={format.dateTime(reading.observedAt, timeZone)}>
                      {stale ? t('reading.staleSince', { ago: format.ago(reading.observedAt, now) }) : format.ago(reading.observedAt, now)}
                    </span>
                  </>
                ) : (
                  <span className="muted">{t('reading.none')}</span>
                )}
              </dd>
            </div>
          );
        })}
        <div data-metric="temperatureHumidityIndex" className={band && band !== 'comfort' ? `thi-${band}` : undefined}>
          <dt>{t('metric.temperatureHumidityIndex')}</dt>
          <dd>
            {thi === undefined || !band ? (
              <span className="muted">{t('reading.none')}</span>
            ) : (
              <>
                <span className="value">{format.number(thi, 1)}</span>
                <span className="band">
                  {t(`thi.${band}`)} ({t('thi.bandLimit', { limit: format.number(THI_BANDS[barn.species].alert, 0) })})
                </span>
              </>
            )}
          </dd>
        </div>
      </dl>
      <p>
        {activeAlerts > 0 ? (
          <Link className="alert-count" to={`/farms/${farmId}/alerts`}>
            {t('barn.activeAlerts', { count: activeAlerts })}
          </Link>
        ) : (
          <span className="muted">{t('barn.noAlerts')}</span>
        )}
      </p>
    </article>
  );
}

import type { KpiUnavailableReason } from '../gql/graphql';
import { useI18n } from '../i18n/I18n';
import type { MessageKey } from '../i18n/en';
import { TableScroll } from '../layout/TableScroll';

interface Kpi {
  value?: number | null;
  unavailableReason?: KpiUnavailableReason | null;
}
export interface HealthFigures {
  score: Kpi;
  mortalityFraction: Kpi;
  morbidityFraction: Kpi;
  treatmentFraction: Kpi;
  mortalityComponent: Kpi;
  morbidityComponent: Kpi;
  treatmentComponent: Kpi;
}

/**
 * The health score with the three parts it is made of, each with its weight and the fraction
 * it comes from, so a low score says why (the formula is the API's, in words).
 */
export function HealthScorePanel({ health }: { health: HealthFigures }) {
  const { t, format } = useI18n();
  const value = (kpi: Kpi, digits: number, percentOfFraction = false) =>
    kpi.value == null
      ? t(`kpiReason.${kpi.unavailableReason ?? 'NO_ANIMALS'}`)
      : percentOfFraction
        ? format.quantity(kpi.value * 100, '%', 2)
        : format.number(kpi.value, digits);
  const parts: Array<[MessageKey, Kpi, Kpi, string]> = [
    ['health.mortality', health.mortalityComponent, health.mortalityFraction, '0.4'],
    ['health.morbidity', health.morbidityComponent, health.morbidityFraction, '0.3'],
    ['health.treatment', health.treatmentComponent, health.treatmentFraction, '0.3'],
  ];
  return (
    <section className="card stack" aria-labelledby="health-heading">
      <h2 id="health-heading">
        {t('health.heading')}: <span data-figure="health-score">{value(health.score, 1)}</span>
      </h2>
      <p className="muted">{t('health.formula')}</p>
      <TableScroll label={t('health.heading')}>
        <table className="compact">
          <caption className="visually-hidden">{t('health.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('health.component')}</th>
              <th scope="col" className="number">
                {t('health.weight')}
              </th>
              <th scope="col" className="number">
                {t('health.share')}
              </th>
              <th scope="col" className="number">
                {t('health.points')}
              </th>
            </tr>
          </thead>
          <tbody>
            {parts.map(([key, component, fraction, weight]) => (
              <tr key={key}>
                <th scope="row">{t(key)}</th>
                <td className="number">{weight}</td>
                <td className="number">{value(fraction, 4, true)}</td>
                <td className="number">{value(component, 1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

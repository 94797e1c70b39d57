import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { errorMessage } from '../api/errors';
import { graphql } from '../gql';
import { useI18n } from '../i18n/I18n';
import { farmLocalDate } from '../lib/farmDate';
import { useFarm } from '../session/Viewer';
import { TableScroll } from '../layout/TableScroll';

const CohortDocument = graphql(`
  query Cohort($farmId: ID!, $asOf: Date) {
    farm(id: $farmId) {
      id
      name
      batchRanking(asOf: $asOf) {
        rank
        score
        fcrScore
        adgScore
        fcrKgFeedPerKgGain
        adgGramsPerDay
        batch {
          id
          placedOn
          breed
          species
          headCountPlaced
          barn {
            id
            name
          }
        }
      }
    }
  }
`);

/** The farm's batches side by side, ranked by the API's FCR-and-ADG score; unranked ones last, with the reason. */
export function CohortPage() {
  const { farmId = '' } = useParams();
  const { t, format } = useI18n();
  const farm = useFarm(farmId);
  const asOf = farm ? farmLocalDate(farm.timeZone) : undefined;
  const [{ data, error }] = useQuery({ query: CohortDocument, variables: { farmId, asOf }, pause: !asOf });
  if (error) return <p role="alert">{errorMessage(error, t)}</p>;
  if (!data?.farm) return <p role="status">{t('common.loading')}</p>;
  const rows = data.farm.batchRanking;
  const figure = (value: number | null | undefined, unit: string, digits: number) =>
    value == null ? '–' : unit ? format.quantity(value, unit, digits) : format.number(value, digits);
  return (
    <section aria-labelledby="cohort-heading" className="stack">
      <h1 id="cohort-heading">{t('cohorts.heading', { farm: data.farm.name })}</h1>
      <p className="muted">{t('cohorts.formula')}</p>
      {rows.length === 0 ? (
        <p>{t('cohorts.none')}</p>
      ) : (
        <TableScroll label={t('cohorts.heading', { farm: data.farm.name })}>
          <table className="compact">
            <caption className="visually-hidden">{t('cohorts.heading', { farm: data.farm.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cohorts.rank')}</th>
                <th scope="col">{t('cohorts.batch')}</th>
                <th scope="col" className="number">
                  {t('kpi.fcr')}
                </th>
                <th scope="col" className="number">
                  {t('kpi.adg')}
                </th>
                <th scope="col" className="number">
                  {t('cohorts.score')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.batch.id}>
                  <td>{row.rank == null ? <span className="muted">{t('cohorts.unranked')}</span> : format.number(row.rank, 0)}</td>
                  <th scope="row">
                    <Link to={`/farms/${farmId}/batches/${row.batch.id}`}>
                      {t('cohorts.batchName', { barn: row.batch.barn?.name ?? '–', placedOn: format.date(row.batch.placedOn) })}
                    </Link>
                    {row.batch.breed && <span className="muted"> · {row.batch.breed}</span>}
                  </th>
                  <td className="number">{figure(row.fcrKgFeedPerKgGain, 'kg/kg', 3)}</td>
                  <td className="number">{figure(row.adgGramsPerDay, 'g/day', 1)}</td>
                  <td className="number">
                    {row.score == null
                      ? '–'
                      : `${format.number(row.score, 3)} (${format.number(row.fcrScore ?? 0, 2)} + ${format.number(row.adgScore ?? 0, 2)}) / 2`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

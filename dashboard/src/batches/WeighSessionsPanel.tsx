import { useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { errorMessage } from '../api/errors';
import { graphql } from '../gql';
import type { BatchWeighSessionsQuery } from '../gql/graphql';
import { useI18n } from '../i18n/I18n';
import { histogram, sessionStats } from './weighSessionStats';

const BatchWeighSessionsDocument = graphql(`
  query BatchWeighSessions($batchId: ID!) {
    batch(id: $batchId) {
      id
      weighSessions {
        id
        source
        weighedOn
        status
        weightCount
        meanWeightKg
        lateWeightCount
        weightsKg
      }
    }
  }
`);

const WeighSessionChangedDocument = graphql(`
  subscription WeighSessionChanged($batchId: ID!) {
    weighSessionChanged(batchId: $batchId) {
      id
      status
      weightCount
    }
  }
`);

/** The batch's weigh sessions (scale, camera, typed in), live; a session opens to the histogram of its weights. */
export function WeighSessionsPanel({ batchId }: { batchId: string }) {
  const { t, format } = useI18n();
  const [{ data, error }, refetch] = useQuery({ query: BatchWeighSessionsDocument, variables: { batchId } });
  // A new session is not in the cached list: read the list again when one changes.
  useSubscription({ query: WeighSessionChangedDocument, variables: { batchId } }, () => {
    refetch({ requestPolicy: 'network-only' });
    return null;
  });
  const [openId, setOpenId] = useState<string | null>(null);
  if (error) return <p role="alert">{errorMessage(error, t)}</p>;
  const sessions = data?.batch?.weighSessions ?? [];
  const open = sessions.find((session) => session.id === openId);
  return (
    <section className="card stack" aria-labelledby="weigh-sessions-heading">
      <h2 id="weigh-sessions-heading">{t('weighSessions.heading')}</h2>
      {sessions.length === 0 ? (
        <p className="muted">{t('weighSessions.none')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('weighSessions.day')}</th>
                <th scope="col">{t('weighSessions.source')}</th>
                <th scope="col">{t('weighSessions.status')}</th>
                <th scope="col">{t('weighSessions.count')}</th>
                <th scope="col">{t('weighSessions.mean')}</th>
                <th scope="col">{t('kpi.uniformityCv')}</th>
                <th scope="col">{t('kpi.withinTen')}</th>
                <th scope="col">{t('weighSessions.late')}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((session) => {
                const stats = sessionStats(session.weightsKg);
                const missing = <span className="muted">–</span>;
                return (
                  <tr key={session.id}>
                    <td>
                      <button
                        type="button"
                        className="link"
                        aria-expanded={openId === session.id}
                        onClick={() => setOpenId(openId === session.id ? null : session.id)}
                      >
                        {format.date(session.weighedOn)}
                      </button>
                    </td>
                    <td>{t(`weighSessions.source.${session.source}`)}</td>
                    <td>{t(`weighSessions.status.${session.status}`)}</td>
                    <td>{format.number(session.weightCount, 0)}</td>
                    <td>{session.meanWeightKg == null ? missing : format.quantity(session.meanWeightKg, 'kg', 3)}</td>
                    <td>{stats.cvPercent == null ? missing : format.quantity(stats.cvPercent, '%', 1)}</td>
                    <td>{stats.withinTenPercentOfMeanPercent == null ? missing : format.quantity(stats.withinTenPercentOfMeanPercent, '%', 1)}</td>
                    <td>{format.number(session.lateWeightCount, 0)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {open && <WeightHistogram session={open} />}
    </section>
  );
}

type WeighSessionRowData = NonNullable<BatchWeighSessionsQuery['batch']>['weighSessions'][number];

const CHART = { width: 320, height: 120, gap: 2 };

/** Bars of 0.1 kg; each bar says its range and count to a screen reader. */
function WeightHistogram({ session }: { session: WeighSessionRowData }) {
  const { t, format } = useI18n();
  const bins = histogram(session.weightsKg);
  const tallest = Math.max(1, ...bins.map((bin) => bin.count));
  const barWidth = bins.length > 0 ? CHART.width / bins.length : CHART.width;
  const title = t('weighSessions.histogram', { day: format.date(session.weighedOn), count: format.number(session.weightCount, 0) });
  return (
    <figure className="stack" aria-label={title}>
      <figcaption>{title}</figcaption>
      {bins.length === 0 ? (
        <p className="muted">{t('weighSessions.noWeights')}</p>
      ) : (
        <svg viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="list" aria-label={title} width="100%" style={{ maxWidth: 480 }}>
          {bins.map((bin, i) => {
            const height = (bin.count / tallest) * (CHART.height - 4);
            const label = t('weighSessions.bin', {
              from: format.quantity(bin.fromKg, 'kg', 1),
              to: format.quantity(bin.toKg, 'kg', 1),
              count: format.number(bin.count, 0),
            });
            return (
              <rect
                key={bin.fromKg}
                role="listitem"
                aria-label={label}
                x={i * barWidth + CHART.gap / 2}
                y={CHART.height - height}
                width={Math.max(1, barWidth - CHART.gap)}
                height={height}
                fill="currentColor"
              >
                <title>{label}</title>
              </rect>
            );
          })}
        </svg>
      )}
    </figure>
  );
}

import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery, useSubscription } from 'urql';
import { errorMessage } from '../api/errors';
import { useMetricLabel } from '../farm/useMetricLabel';
import { graphql } from '../gql';
import type { AlertsInboxQuery } from '../gql/graphql';
import { useI18n } from '../i18n/I18n';
import { useNow } from '../lib/useNow';
import { useFarm, usePermissions } from '../session/Viewer';
import { alertUnit } from './alertText';

const AlertsInboxDocument = graphql(`
  query AlertsInbox($farmId: ID!, $status: AlertStatus) {
    alerts(farmId: $farmId, status: $status, first: 50) {
      nodes {
        id
        metric
        builtIn
        comparison
        threshold
        status
        raisedAt
        clearedAt
        peakValue
        lastValue
        acknowledgedAt
        acknowledgedBy {
          id
          email
        }
        barn {
          id
          name
        }
      }
    }
  }
`);

const AlertChangedDocument = graphql(`
  subscription AlertChanged($farmId: ID!) {
    alertChanged(farmId: $farmId) {
      change
      alert {
        id
        status
        clearedAt
        lastValue
        peakValue
        acknowledgedAt
        acknowledgedBy {
          id
          email
        }
      }
    }
  }
`);

const AcknowledgeAlertDocument = graphql(`
  mutation AcknowledgeAlert($id: ID!) {
    acknowledgeAlert(id: $id) {
      id
      acknowledgedAt
      acknowledgedBy {
        id
        email
      }
    }
  }
`);

type Tab = 'active' | 'acknowledged' | 'cleared';
const TABS: readonly Tab[] = ['active', 'acknowledged', 'cleared'];
type InboxAlert = AlertsInboxQuery['alerts']['nodes'][number];

/**
 * The farm's alerts: new ones appear without a reload (subscription alertChanged: the cache
 * drops the lists and they are fetched again), acknowledged by anyone who works the barns.
 */
export function AlertsInbox() {
  const { farmId = '' } = useParams();
  const { t } = useI18n();
  const farm = useFarm(farmId);
  const { canOperate } = usePermissions();
  const [search, setSearch] = useSearchParams();
  const tab: Tab = TABS.includes(search.get('show') as Tab) ? (search.get('show') as Tab) : 'active';
  const [{ data, error }] = useQuery({ query: AlertsInboxDocument, variables: { farmId, status: tab === 'cleared' ? 'CLEARED' : 'ACTIVE' } });
  useSubscription({ query: AlertChangedDocument, variables: { farmId } });
  const alerts = (data?.alerts.nodes ?? []).filter((alert) => tab === 'cleared' || (tab === 'acknowledged') === Boolean(alert.acknowledgedAt));

  return (
    <section aria-labelledby="alerts-heading">
      <div className="page-heading">
        <h1 id="alerts-heading">{t('alerts.heading')}</h1>
        {farm && <span className="muted">{farm.name}</span>}
      </div>
      <div className="segmented" role="group" aria-label={t('alerts.show')}>
        {TABS.map((key) => (
          <button key={key} type="button" aria-pressed={tab === key} onClick={() => setSearch({ show: key })}>
            {t(`alerts.tab.${key}`)}
          </button>
        ))}
      </div>
      {error && <p role="alert">{errorMessage(error, t)}</p>}
      {data && alerts.length === 0 && <p>{t('alerts.none')}</p>}
      <ul className="card-grid alert-list" aria-live="polite">
        {alerts.map((alert) => (
          <li key={alert.id}>
            <AlertCard alert={alert} timeZone={farm?.timeZone ?? 'UTC'} canAcknowledge={canOperate} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function AlertCard({ alert, timeZone, canAcknowledge }: { alert: InboxAlert; timeZone: string; canAcknowledge: boolean }) {
  const { t, format } = useI18n();
  const label = useMetricLabel();
  const now = useNow(15_000);
  const [{ fetching }, acknowledge] = useMutation(AcknowledgeAlertDocument);
  const [failure, setFailure] = useState<string | null>(null);
  const unit = alertUnit(alert.metric);
  const quantity = (value: number) => (unit ? format.quantity(value, unit) : format.number(value, 1));
  const title = alert.builtIn ? t(`builtIn.${alert.builtIn}`) : label(alert.metric);
  const headingId = `alert-${alert.id}`;

  async function onAcknowledge() {
    setFailure(null);
    const result = await acknowledge({ id: alert.id });
    if (result.error) setFailure(errorMessage(result.error, t));
  }

  return (
    <article className={`card alert-card${alert.status === 'ACTIVE' && !alert.acknowledgedAt ? ' has-alerts' : ''}`} aria-labelledby={headingId}>
      <h2 id={headingId}>
        {title}
        {alert.barn ? ` · ${alert.barn.name}` : ''}
      </h2>
      <p>
        {t(alert.comparison === 'ABOVE' ? 'alerts.above' : 'alerts.below', { threshold: quantity(alert.threshold) })}
        {' · '}
        {t('alerts.peak', { value: quantity(alert.peakValue) })} · {t('alerts.last', { value: quantity(alert.lastValue) })}
      </p>
      <p className="muted">
        {t('alerts.raised', { at: format.dateTime(alert.raisedAt, timeZone), ago: format.ago(alert.raisedAt, now) })}
        {alert.clearedAt && (
          <>
            <br />
            {t('alerts.cleared', { at: format.dateTime(alert.clearedAt, timeZone) })}
          </>
        )}
      </p>
      {alert.acknowledgedAt ? (
        <p>{t('alerts.acknowledgedBy', { who: alert.acknowledgedBy?.email ?? '–', at: format.dateTime(alert.acknowledgedAt, timeZone) })}</p>
      ) : (
        canAcknowledge && (
          <button type="button" className="primary" onClick={() => void onAcknowledge()} disabled={fetching}>
            {t('alerts.acknowledge')}
            <span className="visually-hidden">
              {' '}
              {title}
              {alert.barn ? ` · ${alert.barn.name}` : ''}
            </span>
          </button>
        )
      )}
      {failure && <p role="alert">{failure}</p>}
    </article>
  );
}

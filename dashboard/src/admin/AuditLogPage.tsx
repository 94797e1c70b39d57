import { useState, type FormEvent } from 'react';
import { useClient, useQuery } from 'urql';
import { errorMessage } from '../api/errors';
import { graphql } from '../gql';
import type { AuditAction } from '../gql/graphql';
import { adminEn } from '../i18n/admin.en';
import { useI18n } from '../i18n/I18n';
import { TableScroll } from '../layout/TableScroll';

const AuditLogDocument = graphql(`
  query AuditLog($action: AuditAction, $after: String) {
    auditLog(action: $action, first: 50, after: $after) {
      nodes {
        id
        at
        action
        actorId
        targetType
        targetId
        address
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);
// Who acted, as people read it: the members' emails by user id (others stay ids: API clients, former members).
const AuditActorsDocument = graphql(`
  query AuditActors {
    members(first: 100) {
      nodes {
        email
        user {
          id
        }
      }
    }
  }
`);
const AuditLogCsvDocument = graphql(`
  query AuditLogCsv($since: DateTime!, $until: DateTime!) {
    auditLogCsv(since: $since, until: $until)
  }
`);

const ACTION_LABEL = 'auditAction.';
/** Every action the log records, in the catalogue's order: each has a label (t() refuses an action without one). */
const ACTIONS: readonly AuditAction[] = Object.keys(adminEn).flatMap((key) =>
  key.startsWith(ACTION_LABEL) ? [key.slice(ACTION_LABEL.length) as AuditAction] : [],
);

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The tenant's audit log, newest first, filtered by action, paged; a date range as CSV. */
export function AuditLogPage() {
  const { t, format } = useI18n();
  const client = useClient();
  const [action, setAction] = useState<AuditAction | ''>('');
  const [cursors, setCursors] = useState<string[]>([]);
  const after = cursors.at(-1) ?? null;
  const [{ data, error }] = useQuery({ query: AuditLogDocument, variables: { action: action || null, after }, requestPolicy: 'network-only' });
  const [actors] = useQuery({ query: AuditActorsDocument });
  const emailOf = new Map((actors.data?.members.nodes ?? []).map((member) => [member.user.id, member.email]));
  const [since, setSince] = useState(() => isoDay(new Date(Date.now() - 30 * 86_400_000)));
  const [until, setUntil] = useState(() => isoDay(new Date()));
  const [csvError, setCsvError] = useState<string | null>(null);

  async function download(event: FormEvent) {
    event.preventDefault();
    setCsvError(null);
    // Whole UTC days, the end day included.
    const untilExclusive = new Date(Date.parse(`${until}T00:00:00Z`) + 86_400_000).toISOString();
    const result = await client
      .query(AuditLogCsvDocument, { since: `${since}T00:00:00Z`, until: untilExclusive }, { requestPolicy: 'network-only' })
      .toPromise();
    if (result.error || !result.data) return setCsvError(result.error ? errorMessage(result.error, t) : t('error.generic'));
    const url = URL.createObjectURL(new Blob([result.data.auditLogCsv], { type: 'text/csv' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `audit-${since}-${until}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  }

  if (error) {
    return (
      <section className="stack">
        <h1>{t('audit.heading')}</h1>
        <p role="alert">{errorMessage(error, t)}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="audit-heading" className="stack">
      <h1 id="audit-heading">{t('audit.heading')}</h1>
      <div className="row">
        <label>
          {t('audit.action')}
          <select
            value={action}
            onChange={(event) => {
              setAction(event.target.value as AuditAction | '');
              setCursors([]);
            }}
          >
            <option value="">{t('audit.allActions')}</option>
            {ACTIONS.map((value) => (
              <option key={value} value={value}>
                {t(`auditAction.${value}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <form className="row card" onSubmit={download} aria-label={t('audit.csv')}>
        <label>
          {t('audit.since')}
          <input type="date" value={since} onChange={(event) => setSince(event.target.value)} required />
        </label>
        <label>
          {t('audit.until')}
          <input type="date" value={until} onChange={(event) => setUntil(event.target.value)} required />
        </label>
        <button type="submit">{t('audit.download')}</button>
        {csvError && <p role="alert">{csvError}</p>}
      </form>
      {data && (
        <TableScroll label={t('audit.heading')}>
          <table>
            <caption className="visually-hidden">{t('audit.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.target')}</th>
                <th scope="col">{t('audit.address')}</th>
              </tr>
            </thead>
            <tbody>
              {data.auditLog.nodes.map((record) => (
                <tr key={record.id}>
                  <td>{format.dateTime(record.at, 'UTC')}</td>
                  <td>{t(`auditAction.${record.action}`)}</td>
                  <td className="id">{record.actorId ? (emailOf.get(record.actorId) ?? record.actorId) : '–'}</td>
                  <td className="id">{record.targetType ? `${record.targetType} ${record.targetId ?? ''}` : '–'}</td>
                  <td>{record.address}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <div className="row">
        {cursors.length > 0 && (
          <button type="button" onClick={() => setCursors((current) => current.slice(0, -1))}>
            {t('audit.newer')}
          </button>
        )}
        {data?.auditLog.pageInfo.hasNextPage && data.auditLog.pageInfo.endCursor && (
          <button type="button" onClick={() => setCursors((current) => [...current, data.auditLog.pageInfo.endCursor!])}>
            {t('audit.older')}
          </button>
        )}
      </div>
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { errorMessage } from '../api/errors';
import { graphql } from '../gql';
import type { ApiScope } from '../gql/graphql';
import { useI18n } from '../i18n/I18n';
import { SecretPanel } from './SecretPanel';
import { TableScroll } from '../layout/TableScroll';

const ApiClientsDocument = graphql(`
  query ApiClients {
    apiClients {
      id
      name
      scopes
      createdAt
      revokedAt
    }
  }
`);
const CreateApiClientDocument = graphql(`
  mutation CreateApiClient($input: CreateApiClientInput!) {
    createApiClient(input: $input) {
      client {
        id
        name
        scopes
        createdAt
        revokedAt
      }
      clientSecret
    }
  }
`);
const RevokeApiClientDocument = graphql(`
  mutation RevokeApiClient($id: ID!) {
    revokeApiClient(id: $id) {
      id
      revokedAt
    }
  }
`);

const RotateApiClientSecretDocument = graphql(`
  mutation RotateApiClientSecret($id: ID!) {
    rotateApiClientSecret(id: $id) {
      client {
        id
        name
      }
      clientSecret
    }
  }
`);

const SCOPES: readonly ApiScope[] = ['FARMS_READ', 'KPI_READ', 'TELEMETRY_READ', 'BILLING_READ'];

/**
 * Partner API clients: create with read-only scopes, a new secret (each shown this once), revoke.
 */
export function ApiClientsPage() {
  const { t, format } = useI18n();
  const [{ data, error }, refetch] = useQuery({ query: ApiClientsDocument });
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiScope[]>(['FARMS_READ']);
  const [shown, setShown] = useState<{ name: string; id: string; secret: string } | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [creating, create] = useMutation(CreateApiClientDocument);
  const [, revoke] = useMutation(RevokeApiClientDocument);
  const [, rotate] = useMutation(RotateApiClientSecretDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    if (scopes.length === 0) return setMessage({ kind: 'error', text: t('clients.oneScope') });
    const result = await create({ input: { name, scopes } });
    if (result.error || !result.data) return setMessage({ kind: 'error', text: result.error ? errorMessage(result.error, t) : t('error.generic') });
    const { client, clientSecret } = result.data.createApiClient;
    setShown({ name: client.name, id: client.id, secret: clientSecret });
    setName('');
    refetch({ requestPolicy: 'network-only' });
  }

  async function rotateSecret(id: string, clientName: string) {
    if (!window.confirm(t('clients.rotateConfirm', { name: clientName }))) return;
    setMessage(null);
    const result = await rotate({ id });
    if (result.error || !result.data) return setMessage({ kind: 'error', text: result.error ? errorMessage(result.error, t) : t('error.generic') });
    const { client, clientSecret } = result.data.rotateApiClientSecret;
    setShown({ name: client.name, id: client.id, secret: clientSecret });
  }

  async function revokeClient(id: string, clientName: string) {
    if (!window.confirm(t('clients.revokeConfirm', { name: clientName }))) return;
    const result = await revoke({ id });
    setMessage(result.error ? { kind: 'error', text: errorMessage(result.error, t) } : { kind: 'ok', text: t('clients.revoked', { name: clientName }) });
  }

  if (error) {
    return (
      <section className="stack">
        <h1>{t('clients.heading')}</h1>
        <p role="alert">{errorMessage(error, t)}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="clients-heading" className="stack">
      <h1 id="clients-heading">{t('clients.heading')}</h1>
      <form className="card stack" onSubmit={submit} aria-labelledby="client-create-heading">
        <h2 id="client-create-heading">{t('clients.create')}</h2>
        <label>
          {t('clients.name')}
          <input value={name} maxLength={120} onChange={(event) => setName(event.target.value)} required />
        </label>
        <fieldset className="checks">
          <legend>{t('clients.scopes')}</legend>
          {SCOPES.map((scope) => (
            <label key={scope} className="check">
              <input
                type="checkbox"
                checked={scopes.includes(scope)}
                onChange={(event) => setScopes((current) => (event.target.checked ? [...current, scope] : current.filter((value) => value !== scope)))}
              />
              {t(`scope.${scope}`)}
            </label>
          ))}
        </fieldset>
        <div>
          <button type="submit" className="primary" disabled={creating.fetching}>
            {t('clients.createSubmit')}
          </button>
        </div>
      </form>
      {shown && (
        <SecretPanel
          heading={t('clients.secretHeading', { name: shown.name })}
          fields={[
            { label: t('clients.clientId'), value: shown.id },
            { label: t('clients.clientSecret'), value: shown.secret, secret: true },
          ]}
          onClose={() => setShown(null)}
        />
      )}
      {message && <p role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
      {data && data.apiClients.length === 0 && <p>{t('clients.none')}</p>}
      {data && data.apiClients.length > 0 && (
        <TableScroll label={t('clients.heading')}>
          <table>
            <caption className="visually-hidden">{t('clients.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('clients.name')}</th>
                <th scope="col">{t('clients.scopes')}</th>
                <th scope="col">{t('clients.created')}</th>
                <th scope="col">{t('users.state')}</th>
                <th scope="col">{t('users.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.apiClients.map((client) => (
                <tr key={client.id}>
                  <th scope="row">{client.name}</th>
                  <td>{client.scopes.map((scope) => t(`scope.${scope}`)).join(', ')}</td>
                  <td>{format.dateTime(client.createdAt, 'UTC')}</td>
                  <td>
                    {client.revokedAt ? (
                      <span className="status bad">{t('clients.revokedAt', { at: format.dateTime(client.revokedAt, 'UTC') })}</span>
                    ) : (
                      <span className="status ok">{t('users.active')}</span>
                    )}
                  </td>
                  <td>
                    {!client.revokedAt && (
                      <div className="row">
                        <button type="button" onClick={() => void rotateSecret(client.id, client.name)}>
                          {t('clients.rotate')}
                          <span className="visually-hidden"> {client.name}</span>
                        </button>
                        <button type="button" className="danger" onClick={() => void revokeClient(client.id, client.name)}>
                          {t('clients.revoke')}
                          <span className="visually-hidden"> {client.name}</span>
                        </button>
                      </div>
                    )}
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

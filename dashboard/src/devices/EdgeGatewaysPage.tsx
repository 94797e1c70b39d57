import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { errorMessage } from '../api/errors';
import { SecretPanel } from '../admin/SecretPanel';
import { graphql } from '../gql';
import { useI18n } from '../i18n/I18n';
import { usePermissions } from '../session/Viewer';
import { TableScroll } from '../layout/TableScroll';

const EdgeGatewaysDocument = graphql(`
  query EdgeGateways($farmId: ID!) {
    farm(id: $farmId) {
      id
      name
      timeZone
      edgeGateways {
        id
        name
        createdAt
        revokedAt
        keys {
          keyId
          issuedAt
          validUntil
          revokedAt
        }
      }
    }
  }
`);
const RegisterEdgeGatewayDocument = graphql(`
  mutation RegisterEdgeGateway($input: RegisterEdgeGatewayInput!) {
    registerEdgeGateway(input: $input) {
      gateway {
        id
        name
      }
      keyId
      secret
      previousValidUntil
    }
  }
`);
const RotateEdgeGatewayKeyDocument = graphql(`
  mutation RotateEdgeGatewayKey($input: RotateEdgeGatewayKeyInput!) {
    rotateEdgeGatewayKey(input: $input) {
      gateway {
        id
        name
      }
      keyId
      secret
      previousValidUntil
    }
  }
`);
const RevokeEdgeGatewayDocument = graphql(`
  mutation RevokeEdgeGateway($gatewayId: ID!) {
    revokeEdgeGateway(gatewayId: $gatewayId) {
      id
      revokedAt
    }
  }
`);

interface ShownKey {
  gateway: string;
  keyId: string;
  secret: string;
  previousValidUntil?: string | null;
}

/** A farm's edge gateways (the ingestors that sign what they forward): register, rotate the key, revoke. Keys are shown once. */
export function EdgeGatewaysPage() {
  const { farmId = '' } = useParams();
  const { t, format } = useI18n();
  const { canManageFarm } = usePermissions();
  const [{ data, error }, refetch] = useQuery({ query: EdgeGatewaysDocument, variables: { farmId } });
  const [name, setName] = useState('');
  const [shown, setShown] = useState<ShownKey | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [registering, registerGateway] = useMutation(RegisterEdgeGatewayDocument);
  const [, rotate] = useMutation(RotateEdgeGatewayKeyDocument);
  const [, revoke] = useMutation(RevokeEdgeGatewayDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    const result = await registerGateway({ input: { farmId, name } });
    if (result.error || !result.data) return setMessage({ kind: 'error', text: result.error ? errorMessage(result.error, t) : t('error.generic') });
    const key = result.data.registerEdgeGateway;
    setShown({ gateway: key.gateway.name, keyId: key.keyId, secret: key.secret });
    setName('');
    refetch({ requestPolicy: 'network-only' });
  }

  async function rotateKey(gatewayId: string) {
    setMessage(null);
    const result = await rotate({ input: { gatewayId } });
    if (result.error || !result.data) return setMessage({ kind: 'error', text: result.error ? errorMessage(result.error, t) : t('error.generic') });
    const key = result.data.rotateEdgeGatewayKey;
    setShown({ gateway: key.gateway.name, keyId: key.keyId, secret: key.secret, previousValidUntil: key.previousValidUntil });
    refetch({ requestPolicy: 'network-only' });
  }

  async function revokeGateway(gatewayId: string, gatewayName: string) {
    if (!window.confirm(t('gateways.revokeConfirm', { name: gatewayName }))) return;
    const result = await revoke({ gatewayId });
    setMessage(result.error ? { kind: 'error', text: errorMessage(result.error, t) } : { kind: 'ok', text: t('gateways.revoked', { name: gatewayName }) });
  }

  if (error) return <p role="alert">{errorMessage(error, t)}</p>;
  const farm = data?.farm;
  if (!data) return <p role="status">{t('common.loading')}</p>;
  if (!farm) return <p role="alert">{t('error.notFound')}</p>;
  return (
    <section aria-labelledby="gateways-heading" className="stack">
      <h1 id="gateways-heading">{t('gateways.heading', { farm: farm.name })}</h1>
      {canManageFarm && (
        <form className="card row" onSubmit={submit} aria-labelledby="gateway-create-heading">
          <h2 id="gateway-create-heading" className="visually-hidden">
            {t('gateways.register')}
          </h2>
          <label>
            {t('gateways.name')}
            <input value={name} maxLength={120} onChange={(event) => setName(event.target.value)} required />
          </label>
          <button type="submit" className="primary" disabled={registering.fetching}>
            {t('gateways.register')}
          </button>
        </form>
      )}
      {shown && (
        <SecretPanel
          heading={t('gateways.keyHeading', { name: shown.gateway })}
          fields={[
            { label: 'EDGE_KEY_ID', value: shown.keyId },
            { label: 'EDGE_KEY_SECRET', value: shown.secret, secret: true },
          ]}
          onClose={() => setShown(null)}
        />
      )}
      {shown?.previousValidUntil && <p>{t('gateways.overlap', { until: format.dateTime(shown.previousValidUntil, 'UTC') })}</p>}
      {message && <p role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
      {farm.edgeGateways.length === 0 ? (
        <p>{t('gateways.none')}</p>
      ) : (
        <TableScroll label={t('gateways.heading', { farm: farm.name })}>
          <table>
            <caption className="visually-hidden">{t('gateways.heading', { farm: farm.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('gateways.name')}</th>
                <th scope="col">{t('gateways.keys')}</th>
                <th scope="col">{t('users.state')}</th>
                {canManageFarm && <th scope="col">{t('users.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {farm.edgeGateways.map((gateway) => (
                <tr key={gateway.id}>
                  <th scope="row">{gateway.name}</th>
                  <td>
                    <ul className="plain">
                      {gateway.keys.map((key) => (
                        <li key={key.keyId}>
                          <code>{key.keyId}</code> {t('gateways.keyIssued', { at: format.dateTime(key.issuedAt, farm.timeZone) })}
                          {key.validUntil && ` · ${t('gateways.keyUntil', { at: format.dateTime(key.validUntil, farm.timeZone) })}`}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    {gateway.revokedAt ? (
                      <span className="status bad">{t('deviceStatus.REVOKED')}</span>
                    ) : (
                      <span className="status ok">{t('users.active')}</span>
                    )}
                  </td>
                  {canManageFarm && (
                    <td>
                      {!gateway.revokedAt && (
                        <div className="row">
                          <button type="button" onClick={() => void rotateKey(gateway.id)}>
                            {t('gateways.rotate')}
                            <span className="visually-hidden"> {gateway.name}</span>
                          </button>
                          <button type="button" className="danger" onClick={() => void revokeGateway(gateway.id, gateway.name)}>
                            {t('devices.revoke')}
                            <span className="visually-hidden"> {gateway.name}</span>
                          </button>
                        </div>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { errorMessage } from '../api/errors';
import { graphql } from '../gql';
import type { DevicesPageQuery } from '../gql/graphql';
import { useI18n } from '../i18n/I18n';
import { usePermissions } from '../session/Viewer';
import { CredentialsPanel, type ShownCredentials } from './CredentialsPanel';
import { decodeQrImage } from './decodeQrImage';

const DevicesPageDocument = graphql(`
  query DevicesPage {
    devices(first: 100) {
      nodes {
        id
        serialNumber
        kind
        status
        name
        credentialsIssuedAt
        barn {
          id
          name
        }
      }
    }
    me {
      tenant {
        id
        farms {
          id
          name
          barns {
            id
            name
          }
        }
      }
    }
  }
`);

const ClaimDeviceDocument = graphql(`
  mutation ClaimDevice($input: ClaimDeviceInput!) {
    claimDevice(input: $input) {
      id
      serialNumber
      status
    }
  }
`);

const ActivateDeviceDocument = graphql(`
  mutation ActivateDevice($input: ActivateDeviceInput!) {
    activateDevice(input: $input) {
      mqttUsername
      mqttPassword
      mqttTopic
      previousValidUntil
      device {
        id
        status
        name
        credentialsIssuedAt
        barn {
          id
          name
        }
      }
    }
  }
`);

const RotateDeviceCredentialsDocument = graphql(`
  mutation RotateDeviceCredentials($input: RotateDeviceCredentialsInput!) {
    rotateDeviceCredentials(input: $input) {
      mqttUsername
      mqttPassword
      mqttTopic
      previousValidUntil
      device {
        id
        credentialsIssuedAt
      }
    }
  }
`);

const RevokeDeviceDocument = graphql(`
  mutation RevokeDevice($deviceId: ID!) {
    revokeDevice(deviceId: $deviceId) {
      id
      status
    }
  }
`);

type DeviceRow = DevicesPageQuery['devices']['nodes'][number];
type Barn = { id: string; label: string };

/** The tenant's devices: claim from a label (typed, pasted link or QR photo), place and activate, rotate, revoke. */
export function DevicesPage() {
  const { t } = useI18n();
  const { canManageFarm } = usePermissions();
  const [{ data, error }] = useQuery({ query: DevicesPageDocument });
  const [shown, setShown] = useState<ShownCredentials | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [, rotate] = useMutation(RotateDeviceCredentialsDocument);
  const [, revoke] = useMutation(RevokeDeviceDocument);
  const barns: Barn[] = (data?.me.tenant?.farms ?? []).flatMap((farm) => farm.barns.map((barn) => ({ id: barn.id, label: `${farm.name} · ${barn.name}` })));
  const devices = data?.devices.nodes ?? [];

  async function onRotate(device: DeviceRow) {
    setFailure(null);
    const result = await rotate({ input: { deviceId: device.id } });
    if (result.error || !result.data) return setFailure(result.error ? errorMessage(result.error, t) : t('error.generic'));
    setShown({ deviceName: device.name ?? device.serialNumber, ...result.data.rotateDeviceCredentials });
  }

  async function onRevoke(device: DeviceRow) {
    if (!window.confirm(t('devices.revokeConfirm', { device: device.name ?? device.serialNumber }))) return;
    setFailure(null);
    const result = await revoke({ deviceId: device.id });
    if (result.error) setFailure(errorMessage(result.error, t));
  }

  return (
    <section aria-labelledby="devices-heading" className="stack">
      <h1 id="devices-heading">{t('devices.heading')}</h1>
      {error && <p role="alert">{errorMessage(error, t)}</p>}
      {shown && <CredentialsPanel credentials={shown} onClose={() => setShown(null)} />}
      {canManageFarm && !shown && <ClaimForm />}
      {failure && <p role="alert">{failure}</p>}
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('device.name')}</th>
              <th scope="col">{t('device.kind')}</th>
              <th scope="col">{t('device.status')}</th>
              <th scope="col">{t('devices.barn')}</th>
              {canManageFarm && <th scope="col">{t('rules.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {devices.map((device) => (
              <tr key={device.id}>
                <th scope="row">
                  {device.name ?? device.serialNumber}
                  <br />
                  <span className="muted">{device.serialNumber}</span>
                </th>
                <td>{t(`deviceKind.${device.kind}`)}</td>
                <td>{t(`deviceStatus.${device.status}`)}</td>
                <td>{device.barn?.name ?? '–'}</td>
                {canManageFarm && (
                  <td>
                    {device.status === 'CLAIMED' && <ActivateForm device={device} barns={barns} onActivated={setShown} />}
                    {device.status === 'ACTIVE' && (
                      <div className="row">
                        <button type="button" onClick={() => void onRotate(device)}>
                          {t('devices.rotate')}
                        </button>
                        <button type="button" className="danger" onClick={() => void onRevoke(device)}>
                          {t('devices.revoke')}
                        </button>
                      </div>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** What a label gives: the farmiq://claim link (QR or pasted), or a serial and code typed in. */
function ClaimForm() {
  const { t } = useI18n();
  const [link, setLink] = useState('');
  const [serialNumber, setSerialNumber] = useState('');
  const [claimCode, setClaimCode] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [{ fetching }, claim] = useMutation(ClaimDeviceDocument);

  async function submit(input: { claimLink: string } | { serialNumber: string; claimCode: string }) {
    setMessage(null);
    const result = await claim({ input });
    if (result.error || !result.data) return setMessage({ kind: 'error', text: result.error ? errorMessage(result.error, t) : t('error.generic') });
    setMessage({ kind: 'ok', text: t('devices.claimed', { serial: result.data.claimDevice.serialNumber }) });
    setLink('');
    setSerialNumber('');
    setClaimCode('');
  }

  async function onImage(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const text = await decodeQrImage(file).catch(() => null);
    if (!text) return setMessage({ kind: 'error', text: t('devices.noQr') });
    setLink(text);
    await submit({ claimLink: text });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (link.trim()) void submit({ claimLink: link.trim() });
    else void submit({ serialNumber: serialNumber.trim(), claimCode: claimCode.trim() });
  }

  return (
    <form className="card stack" onSubmit={onSubmit} aria-labelledby="claim-heading">
      <h2 id="claim-heading">{t('devices.claimHeading')}</h2>
      <label>
        {t('devices.scan')}
        {/* capture opens the phone's camera; on a desktop it picks a file. */}
        <input type="file" accept="image/*" capture="environment" onChange={(event) => void onImage(event)} />
      </label>
      <label>
        {t('devices.link')}
        <input type="text" value={link} onChange={(event) => setLink(event.target.value)} placeholder="farmiq://claim?serial=…&code=…" />
      </label>
      <p className="muted">{t('devices.orTyped')}</p>
      <div className="row">
        <label>
          {t('devices.serial')}
          <input type="text" value={serialNumber} onChange={(event) => setSerialNumber(event.target.value)} autoCapitalize="characters" />
        </label>
        <label>
          {t('devices.code')}
          <input
            type="text"
            value={claimCode}
            onChange={(event) => setClaimCode(event.target.value)}
            autoCapitalize="characters"
            placeholder="XXXX-XXXX-XXXX-XXXX-XXXX"
          />
        </label>
      </div>
      {message && <p role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
      <div>
        <button type="submit" className="primary" disabled={fetching}>
          {t('devices.claim')}
        </button>
      </div>
    </form>
  );
}

function ActivateForm({ device, barns, onActivated }: { device: DeviceRow; barns: readonly Barn[]; onActivated: (credentials: ShownCredentials) => void }) {
  const { t } = useI18n();
  const [barnId, setBarnId] = useState(barns[0]?.id ?? '');
  const [name, setName] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, activate] = useMutation(ActivateDeviceDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const result = await activate({ input: { deviceId: device.id, barnId, name } });
    if (result.error || !result.data) return setFailure(result.error ? errorMessage(result.error, t) : t('error.generic'));
    onActivated({ deviceName: name, ...result.data.activateDevice });
  }

  return (
    <form className="row" onSubmit={submit} aria-label={t('devices.activateFor', { serial: device.serialNumber })}>
      <label>
        {t('devices.barn')}
        <select value={barnId} onChange={(event) => setBarnId(event.target.value)} required>
          {barns.map((barn) => (
            <option key={barn.id} value={barn.id}>
              {barn.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('devices.deviceName')}
        <input type="text" value={name} onChange={(event) => setName(event.target.value)} required maxLength={120} />
      </label>
      <button type="submit" className="primary" disabled={fetching}>
        {t('devices.activate')}
      </button>
      {failure && <p role="alert">{failure}</p>}
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { errorMessage } from '../api/errors';
import type { DeviceKind } from '../gql/graphql';
import { graphql } from '../gql';
import { useI18n } from '../i18n/I18n';

const RegisterDevicesDocument = graphql(`
  mutation RegisterDevices($input: RegisterDevicesInput!) {
    registerDevices(input: $input) {
      device {
        id
        serialNumber
        kind
      }
      claimCode
      claimLink
      qrCodeSvg
    }
  }
`);

const ReissueClaimCodesDocument = graphql(`
  mutation ReissueClaimCodes($input: ReissueClaimCodesInput!) {
    reissueClaimCodes(input: $input) {
      device {
        id
        serialNumber
        kind
      }
      claimCode
      claimLink
      qrCodeSvg
    }
  }
`);

type Registered = {
  device: { id: string; serialNumber: string; kind: DeviceKind };
  claimCode: string;
  claimLink: string;
  qrCodeSvg: string;
};

const KINDS: readonly DeviceKind[] = ['CLIMATE', 'WATER_METER', 'FEED_BIN', 'SCALE', 'GENERIC'];

/**
 * Pre-registers devices by serial (typed, one per line, or a factory CSV) and shows the label
 * sheet at once: the claim codes exist only in this answer, so the sheet is printed now. A lost
 * sheet is made again with new codes for the devices nobody has claimed yet.
 */
export function DeviceRegistrationPage() {
  const { t } = useI18n();
  const [serials, setSerials] = useState('');
  const [kind, setKind] = useState<DeviceKind>('CLIMATE');
  const [csv, setCsv] = useState<string | null>(null);
  const [validDays, setValidDays] = useState('365');
  const [error, setError] = useState<string | null>(null);
  const [labels, setLabels] = useState<Registered[] | null>(null);
  const [{ fetching }, register] = useMutation(RegisterDevicesDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const typed = serialsOf(serials);
    if (!csv && typed.length === 0) return setError(t('registration.nothing'));
    const input = csv
      ? { csv, claimCodeValidDays: Number(validDays) }
      : { devices: typed.map((serialNumber) => ({ serialNumber, kind })), claimCodeValidDays: Number(validDays) };
    const result = await register({ input });
    if (result.error || !result.data) return setError(result.error ? errorMessage(result.error, t) : t('error.generic'));
    setLabels(result.data.registerDevices);
    setSerials('');
    setCsv(null);
  }

  if (labels) return <LabelSheet labels={labels} onDone={() => setLabels(null)} />;
  return (
    <div className="stack">
      <section aria-labelledby="registration-heading" className="stack">
        <h1 id="registration-heading">{t('registration.heading')}</h1>
        <form className="card stack" onSubmit={submit} aria-labelledby="registration-heading">
          <label>
            {t('registration.serials')}
            <textarea rows={5} value={serials} onChange={(event) => setSerials(event.target.value)} disabled={csv != null} />
          </label>
          <label>
            {t('device.kind')}
            <select value={kind} onChange={(event) => setKind(event.target.value as DeviceKind)} disabled={csv != null}>
              {KINDS.map((value) => (
                <option key={value} value={value}>
                  {t(`deviceKind.${value}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('registration.csv')}
            <input type="file" accept=".csv,text/csv" onChange={(event) => void event.target.files?.[0]?.text().then(setCsv)} />
          </label>
          <label>
            {t('registration.validDays')}
            <input type="number" inputMode="numeric" min="1" max="1825" value={validDays} onChange={(event) => setValidDays(event.target.value)} required />
          </label>
          {error && <p role="alert">{error}</p>}
          <div>
            <button type="submit" className="primary" disabled={fetching}>
              {t('registration.submit')}
            </button>
          </div>
        </form>
      </section>
      <ReissueForm onLabels={setLabels} />
    </div>
  );
}

const serialsOf = (typed: string) =>
  typed
    .split(/[\s,]+/)
    .map((serial) => serial.trim())
    .filter(Boolean);

/** New claim codes (and labels) for registered devices that are not claimed yet. */
function ReissueForm({ onLabels }: { onLabels: (labels: Registered[]) => void }) {
  const { t } = useI18n();
  const [serials, setSerials] = useState('');
  const [validDays, setValidDays] = useState('365');
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, reissue] = useMutation(ReissueClaimCodesDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const serialNumbers = serialsOf(serials);
    if (serialNumbers.length === 0) return setError(t('reissue.nothing'));
    const result = await reissue({ input: { serialNumbers, claimCodeValidDays: Number(validDays) } });
    if (result.error || !result.data) return setError(result.error ? errorMessage(result.error, t) : t('error.generic'));
    setSerials('');
    onLabels(result.data.reissueClaimCodes);
  }

  return (
    <section aria-labelledby="reissue-heading" className="stack">
      <h2 id="reissue-heading">{t('reissue.heading')}</h2>
      <form className="card stack" onSubmit={submit} aria-labelledby="reissue-heading">
        <p>{t('reissue.hint')}</p>
        <label>
          {t('reissue.serials')}
          <textarea rows={3} value={serials} onChange={(event) => setSerials(event.target.value)} />
        </label>
        <label>
          {t('registration.validDays')}
          <input type="number" inputMode="numeric" min="1" max="1825" value={validDays} onChange={(event) => setValidDays(event.target.value)} required />
        </label>
        {error && <p role="alert">{error}</p>}
        <div>
          <button type="submit" className="primary" disabled={fetching}>
            {t('reissue.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

function LabelSheet({ labels, onDone }: { labels: Registered[]; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="labels-heading" className="stack">
      <div className="page-heading no-print">
        <h1 id="labels-heading">{t('labels.heading', { count: labels.length })}</h1>
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('labels.print')}
        </button>
        <button type="button" onClick={onDone}>
          {t('labels.done')}
        </button>
      </div>
      <p role="note" className="warning-box no-print">
        <strong>{t('labels.onceWarning')}</strong>
      </p>
      <ul className="label-sheet" aria-label={t('labels.sheet')}>
        {labels.map((label) => (
          <li key={label.device.id} className="label">
            <img
              src={`data:image/svg+xml;base64,${btoa(label.qrCodeSvg)}`}
              alt={t('labels.qrAlt', { serial: label.device.serialNumber })}
              width={120}
              height={120}
            />
            <div>
              <p className="label-serial">{label.device.serialNumber}</p>
              <p>{t(`deviceKind.${label.device.kind}`)}</p>
              <p>
                {t('devices.code')}: <code data-claim-code={label.device.serialNumber}>{label.claimCode}</code>
              </p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

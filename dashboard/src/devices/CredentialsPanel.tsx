import { useState } from 'react';
import { useI18n } from '../i18n/I18n';

export interface ShownCredentials {
  deviceName: string;
  mqttUsername: string;
  mqttPassword: string;
  mqttTopic: string;
  previousValidUntil: string | null | undefined;
}

/**
 * A device's MQTT credentials, shown this once: FarmIQ keeps only the password's hash, so the
 * panel says so and offers copy buttons; closing it forgets them.
 */
export function CredentialsPanel({ credentials, onClose }: { credentials: ShownCredentials; onClose: () => void }) {
  const { t, format } = useI18n();
  const [copied, setCopied] = useState<string | null>(null);
  const rows: Array<[string, string]> = [
    [t('credentials.username'), credentials.mqttUsername],
    [t('credentials.password'), credentials.mqttPassword],
    [t('credentials.topic'), credentials.mqttTopic],
  ];
  async function copy(label: string, value: string) {
    await navigator.clipboard.writeText(value);
    setCopied(label);
  }
  return (
    <section className="warning-box stack" aria-labelledby="credentials-heading">
      <h2 id="credentials-heading">{t('credentials.heading', { device: credentials.deviceName })}</h2>
      <p role="note">
        <strong>{t('credentials.onceWarning')}</strong>
      </p>
      {credentials.previousValidUntil && <p>{t('credentials.overlap', { until: format.dateTime(credentials.previousValidUntil, 'UTC') })}</p>}
      <dl className="stack">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className="row">
              <code className="secret" data-credential={label}>
                {value}
              </code>
              <button type="button" onClick={() => void copy(label, value)}>
                {copied === label ? t('common.copied') : t('common.copy')}
                <span className="visually-hidden"> {label}</span>
              </button>
            </dd>
          </div>
        ))}
      </dl>
      <div>
        <button type="button" className="primary" onClick={onClose}>
          {t('credentials.done')}
        </button>
      </div>
    </section>
  );
}

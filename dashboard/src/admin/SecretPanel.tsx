import { useState } from 'react';
import { useI18n } from '../i18n/I18n';

export interface SecretField {
  label: string;
  value: string;
  /** The value is a secret (masked in nothing, but named so tests and people find it). */
  secret?: boolean;
}

/**
 * Credentials shown this once (an API client's secret, an edge gateway's key, a temporary
 * password): FarmIQ keeps only a hash, so the panel says so, offers copy buttons, and closing it
 * forgets them. The device credentials panel is the MQTT-specific sibling.
 */
export function SecretPanel({ heading, fields, onClose }: { heading: string; fields: SecretField[]; onClose: () => void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<string | null>(null);
  async function copy(label: string, value: string) {
    await navigator.clipboard.writeText(value);
    setCopied(label);
  }
  return (
    <section className="warning-box stack" aria-labelledby="secret-heading">
      <h2 id="secret-heading">{heading}</h2>
      <p role="note">
        <strong>{t('secret.onceWarning')}</strong>
      </p>
      <dl className="stack">
        {fields.map(({ label, value }) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className="row">
              <code className="secret" data-secret={label}>
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
          {t('secret.done')}
        </button>
      </div>
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import { useSecurityText } from './securityText';

/** The 6-digit code field and its button; `onCode` answers an error to show, or null. */
export function TotpCodeForm({ label, onCode, busy }: { label: string; onCode: (code: string) => Promise<string | null>; busy: boolean }) {
  const text = useSecurityText();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(await onCode(code.trim()));
  }
  return (
    <form onSubmit={submit} className="stack">
      <label>
        {label}
        <input
          name="totp"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]{6,7}"
          value={code}
          onChange={(event) => setCode(event.target.value)}
          required
        />
      </label>
      {error && <p role="alert">{error}</p>}
      <button type="submit" className="primary" disabled={busy}>
        {text('mfa.submit')}
      </button>
    </form>
  );
}

/** Recovery codes, shown once. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const text = useSecurityText();
  return (
    <section className="stack" aria-labelledby="recovery-heading">
      <h2 id="recovery-heading">{text('mfa.recoveryHeading')}</h2>
      <p>{text('mfa.recoveryIntro')}</p>
      <ul className="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <button type="button" className="primary" onClick={onDone}>
        {text('mfa.recoveryDone')}
      </button>
    </section>
  );
}

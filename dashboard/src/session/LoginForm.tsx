import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { errorCode, errorMessage } from '../api/errors';
import { graphql } from '../gql';
import { useI18n } from '../i18n/I18n';
import { LocaleSwitch } from '../layout/LocaleSwitch';
import { MfaLoginStep, type MfaChallenge } from './MfaLoginStep';

// useCookies: the tokens go into HttpOnly cookies; this page never sees them.
const LoginDocument = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      accessTokenExpiresAt
    }
  }
`);

/** Email and password; asks for a new password when the current one is temporary. */
export function LoginForm({ onLoggedIn }: { onLoggedIn: () => void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [mustChange, setMustChange] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [challenge, setChallenge] = useState<MfaChallenge | null>(null);
  const [{ fetching }, login] = useMutation(LoginDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const result = await login({ input: { email, password, useCookies: true, ...(mustChange ? { newPassword } : {}) } });
    if (!result.error) return onLoggedIn();
    const code = errorCode(result.error);
    const mfaChallenge = result.error.graphQLErrors[0]?.extensions?.mfaChallenge as Omit<MfaChallenge, 'enrol'> | undefined;
    if ((code === 'MFA_REQUIRED' || code === 'MFA_ENROLMENT_REQUIRED') && mfaChallenge) {
      setChallenge({ ...mfaChallenge, enrol: code === 'MFA_ENROLMENT_REQUIRED' });
    } else if (code === 'PASSWORD_CHANGE_REQUIRED') {
      setMustChange(true);
      setError(t('login.temporary'));
    } else if (code === 'UNAUTHENTICATED') {
      setError(t('login.wrong'));
    } else {
      setError(errorMessage(result.error, t));
    }
  }

  if (challenge) {
    return (
      <main className="page login-page">
        <MfaLoginStep challenge={challenge} onLoggedIn={onLoggedIn} onRestart={() => setChallenge(null)} />
      </main>
    );
  }
  return (
    <main className="page login-page">
      <div className="login-top">
        <p className="brand">FarmIQ</p>
        <LocaleSwitch />
      </div>
      <form onSubmit={submit} aria-labelledby="login-heading" className="stack login">
        <h1 id="login-heading">{t('login.heading')}</h1>
        <label>
          {t('login.email')}
          <input type="email" autoComplete="username" value={email} onChange={(event) => setEmail(event.target.value)} required />
        </label>
        <label>
          {t('login.password')}
          <input type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} required />
        </label>
        {mustChange && (
          <label>
            {t('login.newPassword')}
            <input
              type="password"
              autoComplete="new-password"
              minLength={12}
              value={newPassword}
              onChange={(event) => setNewPassword(event.target.value)}
              required
            />
          </label>
        )}
        {error && <p role="alert">{error}</p>}
        <button type="submit" className="primary" disabled={fetching}>
          {t('login.submit')}
        </button>
        <a href="/reset-password">{t('link.forgot')}</a>
      </form>
    </main>
  );
}

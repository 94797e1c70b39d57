import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { errorMessage } from '../api/errors';
import { graphql } from '../gql';
import { useI18n } from '../i18n/I18n';
import { LocaleSwitch } from '../layout/LocaleSwitch';

const RequestPasswordResetDocument = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);
const ResetPasswordDocument = graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword)
  }
`);
const AcceptInvitationDocument = graphql(`
  mutation AcceptInvitation($token: String!, $newPassword: String!) {
    acceptInvitation(token: $token, newPassword: $newPassword)
  }
`);

/** The pages the account emails link to; they work without a session. */
export const ACCOUNT_LINK_PAGES = ['/reset-password', '/accept-invitation'] as const;
export type AccountLinkPath = (typeof ACCOUNT_LINK_PAGES)[number];

export function accountLinkPath(pathname: string): AccountLinkPath | undefined {
  return ACCOUNT_LINK_PAGES.find((page) => pathname === page || pathname === `${page}/`);
}

/**
 * `/reset-password?token=…` and `/accept-invitation?token=…`: choose a password with the token
 * from the email. `/reset-password` without a token asks for the email to send a link to. The
 * token leaves the address bar at once, so it stays out of the history and of screenshots.
 */
export function AccountLinkPage({ path }: { path: AccountLinkPath }) {
  const { t } = useI18n();
  const [token] = useState(() => {
    const value = new URLSearchParams(window.location.search).get('token');
    if (value) window.history.replaceState(null, '', path);
    return value;
  });
  const invitation = path === '/accept-invitation';
  return (
    <main className="page login-page">
      <div className="login-top">
        <p className="brand">FarmIQ</p>
        <LocaleSwitch />
      </div>
      {token ? (
        <ChoosePassword token={token} invitation={invitation} />
      ) : invitation ? (
        <section className="stack">
          <h1>{t('link.invitationHeading')}</h1>
          <p role="alert">{t('link.noToken')}</p>
          <a href="/">{t('link.toLogin')}</a>
        </section>
      ) : (
        <RequestReset />
      )}
    </main>
  );
}

function ChoosePassword({ token, invitation }: { token: string; invitation: boolean }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [reset, resetPassword] = useMutation(ResetPasswordDocument);
  const [accept, acceptInvitation] = useMutation(AcceptInvitationDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (password !== repeated) return setError(t('link.mismatch'));
    const result = invitation ? await acceptInvitation({ token, newPassword: password }) : await resetPassword({ token, newPassword: password });
    if (result.error) return setError(errorMessage(result.error, t));
    setDone(true);
  }

  const heading = invitation ? t('link.invitationHeading') : t('link.resetHeading');
  if (done) {
    return (
      <section className="stack" aria-labelledby="link-heading">
        <h1 id="link-heading">{heading}</h1>
        <p role="status">{invitation ? t('link.invitationDone') : t('link.resetDone')}</p>
        <a href="/" className="button-link primary">
          {t('link.toLogin')}
        </a>
      </section>
    );
  }
  return (
    <form onSubmit={submit} aria-labelledby="link-heading" className="stack login">
      <h1 id="link-heading">{heading}</h1>
      <p>{t('link.policy')}</p>
      <label>
        {t('login.newPassword')}
        <input type="password" autoComplete="new-password" minLength={12} value={password} onChange={(event) => setPassword(event.target.value)} required />
      </label>
      <label>
        {t('link.repeat')}
        <input type="password" autoComplete="new-password" minLength={12} value={repeated} onChange={(event) => setRepeated(event.target.value)} required />
      </label>
      {error && <p role="alert">{error}</p>}
      <button type="submit" className="primary" disabled={reset.fetching || accept.fetching}>
        {invitation ? t('link.acceptSubmit') : t('link.resetSubmit')}
      </button>
    </form>
  );
}

function RequestReset() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, request] = useMutation(RequestPasswordResetDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const result = await request({ email });
    if (result.error) return setError(errorMessage(result.error, t));
    setSent(true);
  }
  return (
    <form onSubmit={submit} aria-labelledby="link-heading" className="stack login">
      <h1 id="link-heading">{t('link.forgotHeading')}</h1>
      <p>{t('link.forgotHelp')}</p>
      <label>
        {t('login.email')}
        <input type="email" autoComplete="username" value={email} onChange={(event) => setEmail(event.target.value)} required />
      </label>
      {error && <p role="alert">{error}</p>}
      {sent && <p role="status">{t('link.sent')}</p>}
      <button type="submit" className="primary" disabled={fetching}>
        {t('link.send')}
      </button>
      <a href="/">{t('link.toLogin')}</a>
    </form>
  );
}

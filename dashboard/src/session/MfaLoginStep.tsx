import { lazy, Suspense, useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { errorCode } from '../api/errors';
import { graphql } from '../gql';
import { useSecurityText } from '../security/securityText';
import { RecoveryCodes, TotpCodeForm } from '../security/TotpSetup';
import { createPasskey, signWithPasskey } from '../security/webauthnJson';

// The QR code library loads only when someone has to enrol.
const TotpQr = lazy(async () => ({ default: (await import('../security/TotpQr')).TotpQr }));

const CompleteMfaLoginDocument = graphql(`
  mutation CompleteMfaLogin($challengeToken: String!, $totpCode: String, $recoveryCode: String, $passkeyResponse: String) {
    completeMfaLogin(challengeToken: $challengeToken, totpCode: $totpCode, recoveryCode: $recoveryCode, passkeyResponse: $passkeyResponse) {
      accessTokenExpiresAt
    }
  }
`);

const StartPasskeyLoginDocument = graphql(`
  mutation StartPasskeyLogin($challengeToken: String!) {
    startPasskeyLogin(challengeToken: $challengeToken)
  }
`);

const StartEnrolmentAtLoginDocument = graphql(`
  mutation StartEnrolmentAtLogin($challengeToken: String) {
    startTotpEnrolment(challengeToken: $challengeToken) {
      secret
      otpauthUri
    }
  }
`);

const ConfirmEnrolmentAtLoginDocument = graphql(`
  mutation ConfirmEnrolmentAtLogin($totpCode: String!, $challengeToken: String) {
    confirmTotpEnrolment(totpCode: $totpCode, challengeToken: $challengeToken) {
      recoveryCodes
      session {
        accessTokenExpiresAt
      }
    }
  }
`);

const StartPasskeyAtLoginDocument = graphql(`
  mutation StartPasskeyAtLogin($challengeToken: String) {
    startPasskeyRegistration(challengeToken: $challengeToken)
  }
`);

const FinishPasskeyAtLoginDocument = graphql(`
  mutation FinishPasskeyAtLogin($name: String!, $response: String!, $challengeToken: String) {
    finishPasskeyRegistration(name: $name, response: $response, challengeToken: $challengeToken) {
      recoveryCodes
      session {
        accessTokenExpiresAt
      }
    }
  }
`);

/** What a login answered MFA_REQUIRED or MFA_ENROLMENT_REQUIRED carries (`extensions.mfaChallenge`). */
export interface MfaChallenge {
  token: string;
  methods: string[];
  enrol: boolean;
}

/** The login's second step: a code, a recovery code or a passkey; or, where the tenant requires it, enrolling. */
export function MfaLoginStep({ challenge, onLoggedIn, onRestart }: { challenge: MfaChallenge; onLoggedIn: () => void; onRestart: () => void }) {
  const text = useSecurityText();
  const [useRecovery, setUseRecovery] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, complete] = useMutation(CompleteMfaLoginDocument);
  const [, startPasskey] = useMutation(StartPasskeyLoginDocument);

  const refusal = (code: string): string =>
    code === 'UNAUTHENTICATED' ? text('mfa.wrong') : code === 'RATE_LIMITED' ? text('mfa.expired') : text('mfa.wrong');

  async function answer(variables: { totpCode?: string; recoveryCode?: string; passkeyResponse?: string }): Promise<string | null> {
    const result = await complete({ challengeToken: challenge.token, ...variables });
    if (!result.error) {
      onLoggedIn();
      return null;
    }
    return refusal(errorCode(result.error));
  }

  async function passkey() {
    setError(null);
    const options = await startPasskey({ challengeToken: challenge.token });
    if (options.error || !options.data) return setError(text('mfa.expired'));
    try {
      setError(await answer({ passkeyResponse: await signWithPasskey(options.data.startPasskeyLogin) }));
    } catch {
      setError(text('mfa.passkeyFailed'));
    }
  }

  if (challenge.enrol) return <EnrolAtLogin challengeToken={challenge.token} onLoggedIn={onLoggedIn} onRestart={onRestart} />;
  const canUseCode = challenge.methods.includes('TOTP');
  return (
    <section className="stack login" aria-labelledby="mfa-heading">
      <h1 id="mfa-heading">{text('mfa.heading')}</h1>
      {(canUseCode || useRecovery) && (
        <TotpCodeForm
          key={useRecovery ? 'recovery' : 'totp'}
          label={useRecovery ? text('mfa.recoveryLabel') : text('mfa.codeLabel')}
          busy={fetching}
          onCode={(code) => answer(useRecovery ? { recoveryCode: code } : { totpCode: code })}
        />
      )}
      {challenge.methods.includes('PASSKEY') && (
        <button type="button" onClick={() => void passkey()} disabled={fetching}>
          {text('mfa.usePasskey')}
        </button>
      )}
      {challenge.methods.includes('RECOVERY_CODE') && (
        <button type="button" className="link" onClick={() => setUseRecovery(!useRecovery)}>
          {useRecovery ? text('mfa.useCode') : text('mfa.useRecovery')}
        </button>
      )}
      {error && <p role="alert">{error}</p>}
    </section>
  );
}

/** Enrolment the tenant requires, done with the login's challenge; it completes the login. */
function EnrolAtLogin({ challengeToken, onLoggedIn, onRestart }: { challengeToken: string; onLoggedIn: () => void; onRestart: () => void }) {
  const text = useSecurityText();
  const [{ data, error }, start] = useMutation(StartEnrolmentAtLoginDocument);
  const [{ fetching }, confirm] = useMutation(ConfirmEnrolmentAtLoginDocument);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [, startPasskey] = useMutation(StartPasskeyAtLoginDocument);
  const [, finishPasskey] = useMutation(FinishPasskeyAtLoginDocument);
  const [passkeyName, setPasskeyName] = useState('');
  const [passkeyError, setPasskeyError] = useState<string | null>(null);

  async function enrolPasskey(event: FormEvent) {
    event.preventDefault();
    setPasskeyError(null);
    const options = await startPasskey({ challengeToken });
    if (options.error || !options.data) return setPasskeyError(text('mfa.expired'));
    let response: string;
    try {
      response = await createPasskey(options.data.startPasskeyRegistration);
    } catch {
      return setPasskeyError(text('mfa.passkeyFailed'));
    }
    const result = await finishPasskey({ name: passkeyName, response, challengeToken });
    if (result.error || !result.data) return setPasskeyError(errorCode(result.error!) === 'BAD_USER_INPUT' ? text('mfa.passkeyFailed') : text('mfa.expired'));
    const codes = result.data.finishPasskeyRegistration.recoveryCodes;
    if (codes) setRecoveryCodes(codes);
    else onLoggedIn();
  }
  // Once per challenge: a second start would replace the secret the QR code shows.
  const startedFor = useRef<string | null>(null);
  useEffect(() => {
    if (startedFor.current === challengeToken) return;
    startedFor.current = challengeToken;
    void start({ challengeToken });
  }, [challengeToken, start]);
  if (error) {
    return (
      <section className="stack login">
        <p role="alert">{text('mfa.expired')}</p>
        <button type="button" onClick={onRestart}>
          {text('mfa.submit')}
        </button>
      </section>
    );
  }
  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} onDone={onLoggedIn} />;
  const enrolment = data?.startTotpEnrolment;
  return (
    <section className="stack login" aria-labelledby="enrol-heading">
      <h1 id="enrol-heading">{text('mfa.enrolHeading')}</h1>
      <p>{text('mfa.enrolIntro')}</p>
      {enrolment && (
        <Suspense fallback={null}>
          <TotpQr secret={enrolment.secret} otpauthUri={enrolment.otpauthUri} />
        </Suspense>
      )}
      <TotpCodeForm
        label={text('mfa.codeLabel')}
        busy={fetching}
        onCode={async (code) => {
          const result = await confirm({ totpCode: code, challengeToken });
          if (result.error) return errorCode(result.error) === 'BAD_USER_INPUT' ? text('mfa.wrong') : text('mfa.expired');
          const codes = result.data?.confirmTotpEnrolment.recoveryCodes;
          if (codes) setRecoveryCodes(codes);
          else onLoggedIn();
          return null;
        }}
      />
      <form className="stack" onSubmit={(event) => void enrolPasskey(event)}>
        <p>{text('mfa.enrolPasskeyIntro')}</p>
        <label>
          {text('security.passkeyName')}
          <input value={passkeyName} onChange={(event) => setPasskeyName(event.target.value)} required maxLength={120} />
        </label>
        <button type="submit">{text('security.addPasskey')}</button>
        {passkeyError && <p role="alert">{passkeyError}</p>}
      </form>
    </section>
  );
}

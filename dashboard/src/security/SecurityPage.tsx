import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { errorMessage } from '../api/errors';
import { graphql } from '../gql';
import { useI18n } from '../i18n/I18n';
import { useSecurityText } from './securityText';
import { TotpQr } from './TotpQr';
import { RecoveryCodes, TotpCodeForm } from './TotpSetup';
import { createPasskey } from './webauthnJson';

const SecuritySettingsDocument = graphql(`
  query SecuritySettings {
    me {
      roles
      user {
        id
        mfa {
          totpEnabled
          recoveryCodesLeft
          passkeys {
            id
            name
            createdAt
          }
        }
      }
      tenant {
        id
        requireMfa
      }
    }
  }
`);

const StartTotpDocument = graphql(`
  mutation StartTotp {
    startTotpEnrolment {
      secret
      otpauthUri
    }
  }
`);

const ConfirmTotpDocument = graphql(`
  mutation ConfirmTotp($totpCode: String!) {
    confirmTotpEnrolment(totpCode: $totpCode) {
      recoveryCodes
    }
  }
`);

const DisableTotpDocument = graphql(`
  mutation DisableTotp($password: String!, $code: String!) {
    disableTotp(password: $password, code: $code)
  }
`);

const RegenerateRecoveryCodesDocument = graphql(`
  mutation RegenerateRecoveryCodes($password: String!, $code: String!) {
    regenerateRecoveryCodes(password: $password, code: $code)
  }
`);

const StartPasskeyRegistrationDocument = graphql(`
  mutation StartPasskeyRegistration {
    startPasskeyRegistration
  }
`);

const FinishPasskeyRegistrationDocument = graphql(`
  mutation FinishPasskeyRegistration($name: String!, $response: String!) {
    finishPasskeyRegistration(name: $name, response: $response) {
      passkey {
        id
      }
      recoveryCodes
    }
  }
`);

const RemovePasskeyDocument = graphql(`
  mutation RemovePasskey($id: ID!, $password: String!) {
    removePasskey(id: $id, password: $password)
  }
`);

const SetTenantMfaRequiredDocument = graphql(`
  mutation SetTenantMfaRequired($required: Boolean!) {
    setTenantMfaRequired(required: $required) {
      id
      requireMfa
    }
  }
`);

/** The caller's second factors: the authenticator app, passkeys, recovery codes; a tenant admin's MFA requirement. */
export function SecurityPage() {
  const text = useSecurityText();
  const { t, format } = useI18n();
  const [{ data, error }, refetch] = useQuery({ query: SecuritySettingsDocument });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [enrolment, startTotp] = useMutation(StartTotpDocument);
  const [, confirmTotp] = useMutation(ConfirmTotpDocument);
  const [, disableTotp] = useMutation(DisableTotpDocument);
  const [, regenerate] = useMutation(RegenerateRecoveryCodesDocument);
  const [, startPasskey] = useMutation(StartPasskeyRegistrationDocument);
  const [, finishPasskey] = useMutation(FinishPasskeyRegistrationDocument);
  const [, removePasskey] = useMutation(RemovePasskeyDocument);
  const [, setRequired] = useMutation(SetTenantMfaRequiredDocument);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [passkeyName, setPasskeyName] = useState('');

  if (error) return <p role="alert">{errorMessage(error, t)}</p>;
  const me = data?.me;
  const mfa = me?.user?.mfa;
  if (!me || !mfa) return <p role="status">{t('common.loading')}</p>;
  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} />;

  async function reauthenticated(event: FormEvent, action: 'disable' | 'regenerate') {
    event.preventDefault();
    setProblem(null);
    const result = action === 'disable' ? await disableTotp({ password, code }) : await regenerate({ password, code });
    if (result.error) return setProblem(errorMessage(result.error, t));
    setPassword('');
    setCode('');
    if (result.data && 'regenerateRecoveryCodes' in result.data) setRecoveryCodes(result.data.regenerateRecoveryCodes);
    reload();
  }

  async function addPasskey(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const options = await startPasskey({});
    if (options.error || !options.data) return setProblem(options.error ? errorMessage(options.error, t) : null);
    let response: string;
    try {
      response = await createPasskey(options.data.startPasskeyRegistration);
    } catch {
      return setProblem(text('mfa.passkeyFailed'));
    }
    const finished = await finishPasskey({ name: passkeyName, response });
    if (finished.error) return setProblem(errorMessage(finished.error, t));
    setPasskeyName('');
    if (finished.data?.finishPasskeyRegistration.recoveryCodes) setRecoveryCodes(finished.data.finishPasskeyRegistration.recoveryCodes);
    reload();
  }

  const pending = enrolment.data?.startTotpEnrolment;
  return (
    <div className="stack">
      <h1>{text('security.heading')}</h1>
      {problem && <p role="alert">{problem}</p>}
      {(mfa.totpEnabled || mfa.passkeys.length > 0) && (
        // Turning protection down asks for the password again (the API re-authenticates).
        <label>
          {text('security.password')}
          <input type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} />
        </label>
      )}

      <section className="stack" aria-labelledby="totp-heading">
        <h2 id="totp-heading">
          {text('security.totp')}: <span data-testid="totp-state">{mfa.totpEnabled ? text('security.totpOn') : text('security.totpOff')}</span>
        </h2>
        {!mfa.totpEnabled && !pending && (
          <button type="button" className="primary" onClick={() => void startTotp({})}>
            {text('security.enrol')}
          </button>
        )}
        {!mfa.totpEnabled && pending && (
          <>
            <p>{text('mfa.enrolIntro')}</p>
            <TotpQr secret={pending.secret} otpauthUri={pending.otpauthUri} />
            <TotpCodeForm
              label={text('mfa.codeLabel')}
              busy={false}
              onCode={async (totpCode) => {
                const result = await confirmTotp({ totpCode });
                if (result.error) return text('mfa.wrong');
                if (result.data?.confirmTotpEnrolment.recoveryCodes) setRecoveryCodes(result.data.confirmTotpEnrolment.recoveryCodes);
                reload();
                return null;
              }}
            />
          </>
        )}
        {mfa.totpEnabled && <p>{text('security.codesLeft', { count: mfa.recoveryCodesLeft })}</p>}
        {mfa.totpEnabled && (
          <form className="stack" onSubmit={(event) => void reauthenticated(event, 'disable')}>
            <label>
              {text('security.currentCode')}
              <input autoComplete="one-time-code" value={code} onChange={(event) => setCode(event.target.value)} required />
            </label>
            <div className="actions">
              <button type="submit">{text('security.disable')}</button>
              <button type="button" onClick={(event) => void reauthenticated(event, 'regenerate')}>
                {text('security.regenerate')}
              </button>
            </div>
          </form>
        )}
      </section>

      <section className="stack" aria-labelledby="passkeys-heading">
        <h2 id="passkeys-heading">{text('security.passkeys')}</h2>
        {mfa.passkeys.length === 0 && <p>{text('security.noPasskeys')}</p>}
        <ul>
          {mfa.passkeys.map((key) => (
            <li key={key.id}>
              {key.name} ({format.dateTime(key.createdAt, Intl.DateTimeFormat().resolvedOptions().timeZone)}){' '}
              <button
                type="button"
                onClick={() =>
                  void removePasskey({ id: key.id, password }).then((result) => (result.error ? setProblem(errorMessage(result.error, t)) : reload()))
                }
              >
                {text('security.remove')}
              </button>
            </li>
          ))}
        </ul>
        <form className="stack" onSubmit={(event) => void addPasskey(event)}>
          <label>
            {text('security.passkeyName')}
            <input value={passkeyName} maxLength={120} onChange={(event) => setPasskeyName(event.target.value)} required />
          </label>
          <button type="submit">{text('security.addPasskey')}</button>
        </form>
      </section>

      {me.tenant && me.roles.includes('TENANT_ADMIN') && (
        <section className="stack" aria-labelledby="tenant-mfa-heading">
          <h2 id="tenant-mfa-heading">{text('security.tenantHeading')}</h2>
          <label>
            <input type="checkbox" checked={me.tenant.requireMfa} onChange={(event) => void setRequired({ required: event.target.checked })} />{' '}
            {text('security.requireMfa')}
          </label>
        </section>
      )}
    </div>
  );
}

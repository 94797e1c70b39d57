import { useState, type FormEvent } from 'react';
import { graphql } from '../gql';
import { ApiError, request } from '../graphqlClient';

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
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [mustChange, setMustChange] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await request(LoginDocument, { input: { email, password, useCookies: true, ...(mustChange ? { newPassword } : {}) } });
      onLoggedIn();
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'PASSWORD_CHANGE_REQUIRED') {
        setMustChange(true);
        setError('Your password is temporary: choose a new one of at least 12 characters.');
      } else {
        setError((failure as Error).message);
      }
    }
  }

  return (
    <form onSubmit={submit} aria-labelledby="login-heading" className="login">
      <h2 id="login-heading">Log in</h2>
      <label>
        Email <input type="email" autoComplete="username" value={email} onChange={(event) => setEmail(event.target.value)} required />
      </label>
      <label>
        Password <input type="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} required />
      </label>
      {mustChange && (
        <label>
          New password <input type="password" autoComplete="new-password" minLength={12} value={newPassword} onChange={(event) => setNewPassword(event.target.value)} required />
        </label>
      )}
      {error && <p role="alert">{error}</p>}
      <button type="submit">Log in</button>
    </form>
  );
}

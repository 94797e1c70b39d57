import { useCallback, useEffect, useState } from 'react';
import { graphql } from './gql';
import type { MyTenantQuery } from './gql/graphql';
import { ApiError, request } from './graphqlClient';
import { LoginForm } from './session/LoginForm';
import { TenantOverview } from './tenant/TenantOverview';

const MyTenantDocument = graphql(`
  query MyTenant {
    me {
      roles
      user {
        email
      }
      tenant {
        id
        name
        activeSubscription {
          plan
        }
        farms {
          id
          name
          timeZone
          batches {
            id
            headCountPlaced
          }
          alertRules {
            id
          }
        }
      }
    }
  }
`);

// The refresh token travels in its HttpOnly cookie; the new pair comes back the same way.
const RefreshDocument = graphql(`
  mutation RefreshSession {
    refreshSession {
      accessTokenExpiresAt
    }
  }
`);

const LogoutDocument = graphql(`
  mutation Logout {
    logout
  }
`);

/** The caller; when the 15-minute access token has lapsed, the refresh cookie renews the session once. */
async function whoAmI(): Promise<MyTenantQuery['me']> {
  try {
    return (await request(MyTenantDocument, {})).me;
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'UNAUTHENTICATED')) throw error;
    await request(RefreshDocument, {});
    return (await request(MyTenantDocument, {})).me;
  }
}

type State = { status: 'loading' } | { status: 'anonymous' } | { status: 'error'; message: string } | { status: 'ready'; me: MyTenantQuery['me'] };

export function App() {
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(async () => {
    try {
      setState({ status: 'ready', me: await whoAmI() });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') setState({ status: 'anonymous' });
      else setState({ status: 'error', message: (error as Error).message });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  async function logout() {
    await request(LogoutDocument, {});
    setState({ status: 'anonymous' });
  }

  return (
    <main>
      <header>
        <h1>FarmIQ</h1>
        {state.status === 'ready' && (
          <p>
            {state.me.user?.email} ({state.me.roles.join(', ')}) <button onClick={logout}>Log out</button>
          </p>
        )}
      </header>
      {state.status === 'loading' && <p role="status">Loading…</p>}
      {state.status === 'error' && <p role="alert">{state.message}</p>}
      {state.status === 'anonymous' && <LoginForm onLoggedIn={load} />}
      {state.status === 'ready' && (state.me.tenant ? <TenantOverview tenant={state.me.tenant} /> : <p>You act outside any tenant.</p>)}
    </main>
  );
}

import { useCallback, useEffect, useMemo, useState } from 'react';
import { Provider, useQuery } from 'urql';
import { RouterProvider } from 'react-router';
import { AccountLinkPage, accountLinkPath } from './account/AccountLinkPage';
import { createApiClient } from './api/client';
import { errorCode, errorMessage } from './api/errors';
import { graphql } from './gql';
import { useI18n } from './i18n/I18n';
import { createAppRouter } from './routes';
import { LoginForm } from './session/LoginForm';
import { ViewerContext } from './session/Viewer';
import { SessionActions } from './session/sessionActions';

const ViewerDocument = graphql(`
  query Viewer {
    me {
      roles
      user {
        id
        email
      }
      tenant {
        id
        name
        farms {
          id
          name
          timeZone
        }
      }
    }
  }
`);

/**
 * The session gate: asks who is logged in (the cookies answer), shows the login form to
 * nobody, and the routed dashboard to a user. Each login gets a fresh API client (cache and
 * socket), so nothing of a previous user's data outlives a logout.
 */
export function App() {
  const [generation, setGeneration] = useState(0);
  const api = useMemo(() => createApiClient(), [generation]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => api.dispose, [api]);
  const restart = useCallback(() => setGeneration((value) => value + 1), []);
  // The emailed links open without a session: they are how one gets a password.
  const linkPath = accountLinkPath(window.location.pathname);
  return (
    <Provider value={api.client}>
      {linkPath ? (
        <AccountLinkPage path={linkPath} />
      ) : (
        <SessionActions.Provider value={restart}>
          <Session onSessionChange={restart} />
        </SessionActions.Provider>
      )}
    </Provider>
  );
}

function Session({ onSessionChange }: { onSessionChange: () => void }) {
  const { t } = useI18n();
  const [{ data, error, fetching }] = useQuery({ query: ViewerDocument, requestPolicy: 'network-only' });
  const router = useMemo(() => createAppRouter(), []);
  if (fetching && !data)
    return (
      <p role="status" className="page">
        {t('common.loading')}
      </p>
    );
  if (error && errorCode(error) === 'UNAUTHENTICATED') return <LoginForm onLoggedIn={onSessionChange} />;
  if (error || !data)
    return (
      <p role="alert" className="page">
        {error ? errorMessage(error, t) : t('error.generic')}
      </p>
    );
  return (
    <ViewerContext.Provider value={data.me}>
      <RouterProvider router={router} />
    </ViewerContext.Provider>
  );
}

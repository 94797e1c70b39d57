import { graphql } from '../gql';
import { documentHash } from './documentHash';

// The refresh token travels in its HttpOnly cookie; the new pair comes back the same way.
const RefreshSessionDocument = graphql(`
  mutation RefreshSession {
    refreshSession {
      accessTokenExpiresAt
    }
  }
`);

/** Operations that must never trigger a refresh themselves (or a wrong password would loop). */
const NO_REFRESH_OPERATIONS = new Set(['Login', 'RefreshSession', 'Logout']);

let pending: Promise<boolean> | undefined;

/**
 * Spends the refresh cookie for a new access cookie. Concurrent callers share one request: a
 * refresh token is single-use, so two refreshes at once would revoke the whole session family.
 */
export function refreshSession(): Promise<boolean> {
  pending ??= fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    // By id, like every operation of the dashboard (trusted documents).
    body: JSON.stringify({ operationName: 'RefreshSession', extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(RefreshSessionDocument) } } }),
  })
    .then(async (response) => response.ok && !((await response.json()) as { errors?: unknown[] }).errors)
    .catch(() => false)
    .finally(() => {
      pending = undefined;
    });
  return pending;
}

function operationNameOf(init: RequestInit | undefined): string | undefined {
  if (typeof init?.body !== 'string') return undefined;
  try {
    return (JSON.parse(init.body) as { operationName?: string }).operationName;
  } catch {
    return undefined;
  }
}

/** True when the gateway refused the caller as not logged in (status 401, or code UNAUTHENTICATED in a 200). */
async function isUnauthenticated(response: Response): Promise<boolean> {
  if (response.status === 401) return true;
  try {
    const body = (await response.clone().json()) as { errors?: Array<{ extensions?: { code?: unknown } }> };
    return body.errors?.some((error) => error.extensions?.code === 'UNAUTHENTICATED') ?? false;
  } catch {
    return false;
  }
}

/**
 * fetch for the GraphQL client: an answer UNAUTHENTICATED (the 15-minute access cookie lapsed)
 * renews the session once with the refresh cookie and sends the request again.
 */
export const fetchRenewingSession: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (NO_REFRESH_OPERATIONS.has(operationNameOf(init) ?? '') || !(await isUnauthenticated(response))) return response;
  if (!(await refreshSession())) return response;
  return fetch(input, init);
};

import { Client, fetchExchange, subscriptionExchange } from 'urql';
import { cacheExchange } from '@urql/exchange-graphcache';
import { persistedExchange } from '@urql/exchange-persisted';
import { createClient as createWsClient } from 'graphql-ws';
import { cacheConfig } from './cacheConfig';
import { documentHash } from './documentHash';
import { fetchRenewingSession, refreshSession } from './session';

/** The gateway closes a socket whose token is bad or expired with this code. */
const FORBIDDEN_CLOSE_CODE = 4403;

/**
 * One GraphQL client per login: queries and mutations over fetch (cookies carry the session),
 * subscriptions over one graphql-ws socket on the same origin (the cookie again), all results in
 * one normalised cache so an alert acknowledged in the inbox is acknowledged on every page.
 * A new login makes a new client, so nothing of the previous user survives in memory.
 */
export function createApiClient(): { client: Client; dispose: () => void } {
  let renewBeforeConnecting = false;
  const url = new URL('/graphql', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const sockets = createWsClient({
    url: url.toString(),
    lazy: true,
    retryAttempts: Number.POSITIVE_INFINITY,
    // Barn networks drop: keep trying, with graphql-ws's randomised exponential back-off.
    shouldRetry: () => true,
    connectionParams: async () => {
      if (renewBeforeConnecting) {
        renewBeforeConnecting = false;
        await refreshSession();
      }
      return {};
    },
    on: {
      closed: (event) => {
        if ((event as CloseEvent).code === FORBIDDEN_CLOSE_CODE) renewBeforeConnecting = true;
      },
    },
  });
  const client = new Client({
    url: '/graphql',
    fetch: fetchRenewingSession,
    fetchOptions: { credentials: 'same-origin', headers: { accept: 'application/graphql-response+json, application/json' } },
    requestPolicy: 'cache-and-network',
    // POST only: the gateway's CSRF prevention refuses simple GET requests from browsers.
    preferGetMethod: false,
    exchanges: [
      cacheExchange(cacheConfig),
      // A production build sends each query's and mutation's id only: the gateway runs no other
      // document for a browser session (trusted documents, supergraph/trustedDocuments/).
      ...(import.meta.env.PROD
        ? [
            persistedExchange({
              enforcePersistedQueries: true,
              enableForMutation: true,
              preferGetForPersistedQueries: false,
              generateHash: (_text, document) => Promise.resolve(documentHash(document)),
            }),
          ]
        : []),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: sockets.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
  });
  return { client, dispose: () => void sockets.dispose() };
}

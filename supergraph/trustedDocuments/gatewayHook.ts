import type { ApolloServer } from '@apollo/server';
import type { RequestHandler } from 'express';
import type { TokenVerifier } from '../../lib/auth/accessToken';
import type { Logger } from '../../lib/logger';
import type { GatewayContext } from '../gateway';
import { loadDashboardManifest } from './documentIds';
import { partnerDocumentLookup } from './partnerDocuments';
import { trustedDocuments } from './trustedDocuments';

/** The gateway's one hook: trusted documents in front of `POST /graphql` (see trustedDocuments.ts). */
export function trustedDocumentsFor(
  apollo: ApolloServer<GatewayContext>,
  options: { production: boolean; verifyToken: TokenVerifier; log: Logger },
): RequestHandler {
  const dashboardDocuments = loadDashboardManifest();
  if (dashboardDocuments.size === 0)
    options.log.warn('no dashboard/src/gql/persisted-documents.json: browser sessions can run no document in production (run `npm run codegen`)');
  return trustedDocuments({
    dashboardDocuments,
    browserSessionsRegisteredOnly: options.production,
    secureCookies: options.production,
    verifyToken: options.verifyToken,
    log: options.log,
    partnerDocument: partnerDocumentLookup(async (query, variables, contextValue) => {
      const response = await apollo.executeOperation({ query, variables }, { contextValue });
      if (response.body.kind !== 'single') throw new Error('registeredDocument answered incrementally');
      return response.body.singleResult;
    }),
  });
}

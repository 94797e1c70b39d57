import { recordAudit } from '../audit/auditLog';
import type { MutationResolvers, QueryResolvers, RegisteredDocumentResolvers } from '../__generated__/resolvers-types';
import { registerDocument, registeredDocument, registeredDocuments, setDocumentPolicy } from '../registeredDocuments';
import type { IdentityDependencies } from '../sessions';

export const RegisteredDocument: RegisteredDocumentResolvers = {
  id: (document) => document.sha256Hash,
};

export const registeredDocumentQueries: Pick<QueryResolvers, 'registeredDocuments' | 'registeredDocument'> = {
  registeredDocuments: (_parent, _args, { db, principal }) => registeredDocuments(db, principal!),
  registeredDocument: (_parent, { sha256Hash }, { db, principal }) => registeredDocument(db, principal!, sha256Hash),
};

export function createRegisteredDocumentMutations(deps: IdentityDependencies): Pick<MutationResolvers, 'registerDocument' | 'setApiClientDocumentPolicy'> {
  return {
    registerDocument: async (_parent, { document }, ctx) => {
      const registered = await registerDocument(ctx.db, ctx.principal!, document);
      ctx.log.info({ apiClientId: registered.clientId, documentId: registered.sha256Hash }, 'document registered');
      return registered;
    },
    setApiClientDocumentPolicy: async (_parent, { id, requireRegisteredDocuments }, ctx) => {
      const { client, changed } = await setDocumentPolicy(ctx.db, ctx.principal!, id, requireRegisteredDocuments);
      // Tokens carry the policy: the ones issued under the old one stop working now (a revoked
      // client's tokens are dead already, and must stay so).
      if (!client.revokedAt) await deps.revocations.revokeSubjectTokensIssuedBefore(client.id, new Date());
      ctx.log.info({ apiClientId: client.id, requireRegisteredDocuments }, 'API client document policy changed');
      if (changed) await recordAudit(ctx, { action: 'API_CLIENT_DOCUMENT_POLICY_CHANGED', tenantId: client.tenantId, targetType: 'ApiClient', targetId: client.id, detail: `requireRegisteredDocuments=${requireRegisteredDocuments}` });
      return client;
    },
  };
}

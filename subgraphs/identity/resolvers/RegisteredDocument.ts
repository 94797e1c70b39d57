import type { MutationResolvers, QueryResolvers, RegisteredDocumentResolvers } from '../__generated__/resolvers-types';
import { recordAudit } from '../audit/auditLog';
import { ownerTenantOf, registerDocument, registeredDocument, registeredDocuments, setDocumentPolicy, unregisterDocument } from '../registeredDocuments';
import type { IdentityDependencies } from '../sessions';

export const RegisteredDocument: RegisteredDocumentResolvers = {
  id: (document) => document.sha256Hash,
};

export const registeredDocumentQueries: Pick<QueryResolvers, 'registeredDocuments' | 'registeredDocument'> = {
  registeredDocuments: (_parent, _args, { db, principal }) => registeredDocuments(db, principal!),
  registeredDocument: (_parent, { sha256Hash }, { db, principal }) => registeredDocument(db, principal!, sha256Hash),
};

export function createRegisteredDocumentMutations(
  deps: IdentityDependencies,
): Pick<MutationResolvers, 'registerDocument' | 'unregisterDocument' | 'setApiClientDocumentPolicy'> {
  return {
    registerDocument: async (_parent, { document }, ctx) => {
      const { document: registered, created } = await registerDocument(ctx.db, ctx.principal!, document);
      if (created) {
        // The client's own tenant keeps the record: its admins answer for what the client may send.
        await recordAudit(ctx, {
          action: 'DOCUMENT_REGISTERED',
          tenantId: await ownerTenantOf(ctx.db, registered.clientId),
          targetType: 'RegisteredDocument',
          targetId: registered.sha256Hash,
        });
        ctx.log.info({ apiClientId: registered.clientId, documentId: registered.sha256Hash }, 'document registered');
      }
      return registered;
    },
    unregisterDocument: async (_parent, { sha256Hash }, ctx) => {
      const removed = await unregisterDocument(ctx.db, ctx.principal!, sha256Hash);
      if (removed) {
        await recordAudit(ctx, {
          action: 'DOCUMENT_UNREGISTERED',
          tenantId: await ownerTenantOf(ctx.db, ctx.principal!.subject),
          targetType: 'RegisteredDocument',
          targetId: sha256Hash.toLowerCase(),
        });
        ctx.log.info({ apiClientId: ctx.principal!.subject, documentId: sha256Hash.toLowerCase() }, 'document unregistered');
      }
      return removed;
    },
    setApiClientDocumentPolicy: async (_parent, { id, requireRegisteredDocuments }, ctx) => {
      const { client, changed } = await setDocumentPolicy(ctx.db, ctx.principal!, id, requireRegisteredDocuments);
      // Tokens carry the policy: the ones issued under the old one stop working now (a revoked
      // client's tokens are dead already, and must stay so).
      if (!client.revokedAt) await deps.revocations.revokeSubjectTokensIssuedBefore(client.id, new Date());
      ctx.log.info({ apiClientId: client.id, requireRegisteredDocuments }, 'API client document policy changed');
      if (changed)
        await recordAudit(ctx, {
          action: 'API_CLIENT_DOCUMENT_POLICY_CHANGED',
          tenantId: client.tenantId,
          targetType: 'ApiClient',
          targetId: client.id,
          detail: `requireRegisteredDocuments=${requireRegisteredDocuments}`,
        });
      return client;
    },
  };
}

import { createHash } from 'node:crypto';
import { GraphQLError, Kind, parse, type DocumentNode } from 'graphql';
import type { Principal } from '../../lib/auth/principal';
import type { ApiClient, PrismaClient, RegisteredDocument } from '../../lib/db/generated/client';
import { badInput, notFound, userError, ErrorCode } from '../../lib/errors';
import { isUuid } from '../../lib/validation';

/** Longer documents are refused: the gateway's token limit refuses them anyway. */
export const MAX_DOCUMENT_LENGTH = 20_000;
/** A client registers what its integration sends, not a stream of generated queries. */
export const MAX_DOCUMENTS_PER_CLIENT = 500;

/** A document's id: the SHA-256 of its exact text, lowercase hex (what Apollo's persisted-query extension carries). */
export const documentId = (text: string): string => createHash('sha256').update(text).digest('hex');

function parsed(text: string): DocumentNode {
  if (text.length === 0 || text.length > MAX_DOCUMENT_LENGTH) throw badInput(`document: 1 to ${MAX_DOCUMENT_LENGTH} characters`, 'document');
  try {
    return parse(text, { noLocation: true });
  } catch (error) {
    throw badInput(`document: not GraphQL (${(error as GraphQLError).message})`, 'document');
  }
}

/** Registers `text` for the calling client; the same text again answers the document already registered (`created: false`). */
export async function registerDocument(db: PrismaClient, caller: Principal, text: string): Promise<{ document: RegisteredDocument; created: boolean }> {
  const document = parsed(text);
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (!operation) throw badInput('document: no operation in it', 'document');
  const key = { clientId: caller.subject, sha256Hash: documentId(text) };
  const existing = await db.registeredDocument.findUnique({ where: { clientId_sha256Hash: key } });
  if (existing) return { document: existing, created: false };
  if ((await db.registeredDocument.count({ where: { clientId: caller.subject } })) >= MAX_DOCUMENTS_PER_CLIENT) {
    throw userError(ErrorCode.Conflict, `A client registers at most ${MAX_DOCUMENTS_PER_CLIENT} documents`);
  }
  const stored = await db.registeredDocument.upsert({
    where: { clientId_sha256Hash: key },
    create: { ...key, tenantId: caller.tenantId!, document: text, operationName: operation.name?.value ?? null },
    update: {},
  });
  return { document: stored, created: true };
}

/** Removes one of the calling client's documents; false when it had none by that hash (another client's included). */
export async function unregisterDocument(db: PrismaClient, caller: Principal, sha256Hash: string): Promise<boolean> {
  const removed = await db.registeredDocument.deleteMany({ where: { clientId: caller.subject, sha256Hash: sha256Hash.toLowerCase() } });
  return removed.count > 0;
}

/** The tenant that owns an API client (its developer account), whose admins read the client's audit records. */
export async function ownerTenantOf(db: PrismaClient, clientId: string): Promise<string | null> {
  return (await db.apiClient.findUnique({ where: { id: clientId }, select: { tenantId: true } }))?.tenantId ?? null;
}

export const registeredDocuments = (db: PrismaClient, caller: Principal): Promise<RegisteredDocument[]> =>
  db.registeredDocument.findMany({ where: { clientId: caller.subject }, orderBy: [{ createdAt: 'desc' }, { sha256Hash: 'asc' }], take: 100 });

export const registeredDocument = (db: PrismaClient, caller: Principal, sha256Hash: string): Promise<RegisteredDocument | null> =>
  db.registeredDocument.findUnique({ where: { clientId_sha256Hash: { clientId: caller.subject, sha256Hash: sha256Hash.toLowerCase() } } });

/** The operator switch; the caller revokes the client's issued tokens so the next one carries the policy. */
/** Sets the client's policy; `changed` is false when it already had it (nothing to audit). */
export async function setDocumentPolicy(
  db: PrismaClient,
  admin: Principal,
  id: string,
  requireRegisteredDocuments: boolean,
): Promise<{ client: ApiClient; changed: boolean }> {
  const client = isUuid(id) ? await db.apiClient.findFirst({ where: { id, tenantId: admin.tenantId! } }) : null;
  if (!client) throw notFound('API client');
  const { count } = await db.apiClient.updateMany({
    where: { id: client.id, requireRegisteredDocuments: !requireRegisteredDocuments },
    data: { requireRegisteredDocuments },
  });
  return { client: await db.apiClient.findUniqueOrThrow({ where: { id: client.id } }), changed: count === 1 };
}

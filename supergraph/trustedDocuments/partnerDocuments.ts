import { randomUUID } from 'node:crypto';
import type { PartnerDocumentLookup } from './trustedDocuments';

const LOOKUP = 'query RegisteredDocumentText($id: String!) { registeredDocument(sha256Hash: $id) { document } }';
/** Documents never change under their id (it is their hash): what was found once stays true. */
const MAX_CACHED = 10_000;

type Execute = (
  query: string,
  variables: Record<string, unknown>,
  context: { requestId: string; accessToken: string },
) => Promise<{ data?: Record<string, unknown> | null; errors?: readonly unknown[] }>;

/**
 * Reads an API client's registered documents from identity (which owns them) through the
 * gateway's own request pipeline, as the client: identity answers a client its own documents
 * only. Found documents are cached by client and id; misses are not, so a document registered a
 * moment ago is found at once.
 */
export function partnerDocumentLookup(execute: Execute): PartnerDocumentLookup {
  const cache = new Map<string, string>();
  return async (accessToken, principal, id) => {
    const key = `${principal.subject}:${id}`;
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const result = await execute(LOOKUP, { id }, { requestId: randomUUID(), accessToken });
    if (result.errors?.length) throw new Error(`registeredDocument lookup failed: ${JSON.stringify(result.errors)}`);
    const document = (result.data?.registeredDocument as { document?: string } | null | undefined)?.document;
    if (document === undefined) return undefined;
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    cache.set(key, document);
    return document;
  };
}

import type { DocumentNode } from 'graphql';

/**
 * The id codegen gave a document (its `__meta__.hash`, `sha256:<hex>`, also the key of
 * dashboard/src/gql/persisted-documents.json) as Apollo's persisted-query extension carries it:
 * the hex alone.
 */
export function documentHash(document: DocumentNode): string {
  const hash = (document as DocumentNode & { __meta__?: { hash?: unknown } }).__meta__?.hash;
  if (typeof hash !== 'string') throw new Error('a document without a codegen hash: run `npm run codegen`');
  return hash.replace(/^sha256:/, '');
}

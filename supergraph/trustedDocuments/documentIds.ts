import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** codegen's manifest of the dashboard's operations (codegen.ts, `persistedDocuments`): `sha256:<hex>` → text. */
export const DASHBOARD_MANIFEST_PATH = path.join(__dirname, '..', '..', 'dashboard', 'src', 'gql', 'persisted-documents.json');

/** A document's id: the SHA-256 of its exact text, lowercase hex. */
export const documentIdOf = (text: string): string => createHash('sha256').update(text).digest('hex');

const HEX_SHA256 = /^[0-9a-f]{64}$/;

/**
 * The document id a request body names, as hex, or undefined when it names none: Apollo's
 * persisted-query extension (`extensions.persistedQuery.sha256Hash`, hex) or the GraphQL over
 * HTTP draft's `documentId` (`sha256:<hex>`). Returns null for an id that is not a SHA-256.
 */
export function requestedDocumentId(body: Record<string, unknown>): string | null | undefined {
  const extensions = body.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined;
  const named = extensions?.persistedQuery?.sha256Hash ?? body.documentId;
  if (named === undefined) return undefined;
  if (typeof named !== 'string') return null;
  const hex = named.replace(/^sha256:/, '').toLowerCase();
  return HEX_SHA256.test(hex) ? hex : null;
}

/** The dashboard's documents by hex id; empty (with every browser document refused in production) when the manifest is missing. */
export function loadDashboardManifest(file: string = DASHBOARD_MANIFEST_PATH): Map<string, string> {
  if (!fs.existsSync(file)) return new Map();
  const entries = Object.entries(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>);
  return new Map(entries.map(([id, text]) => [id.replace(/^sha256:/, ''), text]));
}

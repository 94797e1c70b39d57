import type { RequestHandler, Response } from 'express';
import type { TokenVerifier } from '../../lib/auth/accessToken';
import { cookieNames, readCookie } from '../../lib/auth/cookiesAndBearer';
import type { Principal } from '../../lib/auth/principal';
import { ErrorCode } from '../../lib/errors';
import type { Logger } from '../../lib/logger';
import { REQUEST_ID_HEADER, requestIdFrom } from '../../lib/http/requestId';
import { documentIdOf, requestedDocumentId } from './documentIds';

/**
 * Trusted documents at the edge, before Apollo reads the request.
 *
 * - A request may name a document by id instead of sending its text: the dashboard's documents
 *   (codegen's manifest, built with the dashboard) for anyone, an API client's own registered
 *   documents (identity's `registeredDocument`) for that client. The text replaces the id here,
 *   so Apollo, the limits and the planner see an ordinary request. An unknown id is Apollo's
 *   `PERSISTED_QUERY_NOT_FOUND` (HTTP 200, message `PersistedQueryNotFound`), so APQ clients
 *   resend it with its text.
 * - A browser session (the access or refresh cookie, no `Authorization` header) in production
 *   runs only the dashboard's documents: anything else is `DOCUMENT_NOT_REGISTERED` (HTTP 400).
 *   A stolen session or an injected script cannot explore the API with it.
 * - An API client whose token carries `docs: registered` (its tenant admin's switch) runs only
 *   its own registered documents. Other clients, scripts with a user's Bearer token and
 *   anonymous callers (login, the client credentials exchange) keep sending any document within
 *   the query limits.
 */

/** Reads an API client's registered document by id through identity, as that client. */
export type PartnerDocumentLookup = (accessToken: string, principal: Principal, id: string) => Promise<string | undefined>;

export interface TrustedDocumentsOptions {
  dashboardDocuments: ReadonlyMap<string, string>;
  /** Production: browser sessions may run the dashboard's documents only. */
  browserSessionsRegisteredOnly: boolean;
  secureCookies: boolean;
  verifyToken: TokenVerifier;
  partnerDocument: PartnerDocumentLookup;
  log: Logger;
}

type Caller = { kind: 'browser' } | { kind: 'client'; principal: Principal; accessToken: string } | { kind: 'other' };

async function callerOf(headers: Parameters<typeof requestIdFrom>[0], options: TrustedDocumentsOptions): Promise<Caller> {
  const authorization = headers.authorization;
  if (authorization?.startsWith('Bearer ')) {
    const accessToken = authorization.slice('Bearer '.length).trim();
    // A bad token is refused with 401 by the request's context right after this.
    const principal = await options.verifyToken(accessToken).catch(() => undefined);
    return principal?.kind === 'client' ? { kind: 'client', principal, accessToken } : { kind: 'other' };
  }
  const names = cookieNames(options.secureCookies);
  return readCookie(headers, names.access) !== undefined || readCookie(headers, names.refresh) !== undefined ? { kind: 'browser' } : { kind: 'other' };
}

function refuse(res: Response, status: number, code: ErrorCode, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

export function trustedDocuments(options: TrustedDocumentsOptions): RequestHandler {
  const { dashboardDocuments } = options;
  const ownDocument = (caller: Caller, id: string) =>
    caller.kind === 'client' ? options.partnerDocument(caller.accessToken, caller.principal, id) : Promise.resolve(undefined);

  return async (req, res, next) => {
    try {
      const body = req.body as Record<string, unknown> | undefined;
      if (!body || typeof body !== 'object' || Array.isArray(body)) return next();
      res.setHeader(REQUEST_ID_HEADER, requestIdFrom(req.headers));
      const caller = await callerOf(req.headers, options);
      const registeredOnly = caller.kind === 'client' && caller.principal.registeredDocumentsOnly === true;
      const text = typeof body.query === 'string' ? body.query : undefined;
      const id = requestedDocumentId(body);
      if (id === null) return refuse(res, 400, ErrorCode.BadRequest, 'The document id is not a SHA-256 (64 hex digits, or sha256:<64 hex digits>)');

      if (id !== undefined && (text === undefined || documentIdOf(text) !== id)) {
        if (text !== undefined) return refuse(res, 400, ErrorCode.BadRequest, 'The query text does not match its document id');
        const registered = (registeredOnly ? undefined : dashboardDocuments.get(id)) ?? (await ownDocument(caller, id));
        // Apollo's words: persisted-query clients recognise the message and resend the text.
        if (registered === undefined) return refuse(res, 200, ErrorCode.PersistedQueryNotFound, 'PersistedQueryNotFound');
        body.query = registered;
      } else if (text !== undefined) {
        const textId = documentIdOf(text);
        if (caller.kind === 'browser' && options.browserSessionsRegisteredOnly && !dashboardDocuments.has(textId)) {
          return refuse(res, 400, ErrorCode.DocumentNotRegistered, "Browser sessions run the dashboard's registered documents only");
        }
        if (registeredOnly && (await ownDocument(caller, textId)) === undefined) {
          return refuse(
            res,
            400,
            ErrorCode.DocumentNotRegistered,
            'This API client may send registered documents only: register the document (while the client is unlocked) and send its id',
          );
        }
      }
      // Resolved here: Apollo's own (automatic) persisted queries are off.
      delete body.documentId;
      if (body.extensions && typeof body.extensions === 'object') delete (body.extensions as Record<string, unknown>).persistedQuery;
      next();
    } catch (error) {
      options.log.error({ err: error }, "trusted documents: could not resolve the request's document");
      refuse(res, 503, ErrorCode.InternalServerError, 'The document could not be resolved; try again');
    }
  };
}

import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import { parse, type DocumentNode } from 'graphql';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { applyMiddleware } from 'graphql-middleware';
import type { TokenVerifier } from '../auth/accessToken';
import { readCookie } from '../auth/cookiesAndBearer';
import { verifyForwarded } from '../auth/forwardedHeaders';
import { principalFrom } from '../auth/requestAuth';
import type { Database } from '../db/database';
import type { Logger } from '../logger';
import { errorAnswer, errorHandler, notFoundHandler } from '../http/errorHandler';
import { isPlainJsonRequest, jsonBodyReader } from '../http/jsonBody';
import { mountHealth } from '../http/health';
import { REQUEST_ID_HEADER } from '../http/requestId';
import { createHttpService, labelRoute, type HttpService } from '../http/service';
import { httpRequestDuration } from '../metrics';
import { traceServed } from '../tracing/httpSpans';
import type { InProcessSubgraph } from './inProcessSubgraph';
import type { SubgraphContext } from './context';
import { maskError } from './maskError';
import { metricsPlugin } from './metricsPlugin';
import { tracingPlugin } from './tracingPlugin';
import { inputLiteralsRule, requestHygienePlugin } from './requestHygiene';
import { idArgumentMiddleware, type IdArgumentChecks } from './idArguments';
import type { subgraphShield } from './permissions';

/** What a subgraph contributes: its contract, its resolvers and its authorization rules. */
export interface SubgraphDefinition {
  name: string;
  typeDefs: DocumentNode;
  // Typed per subgraph by codegen (Resolvers); federation's own map type is looser.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  resolvers: GraphQLResolverMap<any>;
  permissions: ReturnType<typeof subgraphShield>;
  /** Whose ids each operation takes: checked before any resolver runs (idArguments.ts). */
  idArguments: IdArgumentChecks;
}

export interface SubgraphServerOptions {
  db: Database;
  log: Logger;
  production: boolean;
  /** Verifies the caller's access token again here: subgraphs trust no one, not even the gateway. */
  verifyToken: TokenVerifier;
  /** Checks the request id and client address the gateway signed (FARMIQ_INTERNAL_KEY). */
  forwardingKey: Buffer;
  /** Extra routes (identity's JWKS), mounted before GraphQL. */
  mount?: (app: Express) => void;
}

/** Reads the `schema.graphql` that sits beside a subgraph's code. */
export function loadSchemaFile(dir: string): DocumentNode {
  return parse(fs.readFileSync(path.join(dir, 'schema.graphql'), 'utf8'));
}

/**
 * A subgraph from the folder holding its `schema.graphql`, its resolvers (typed by codegen
 * against that schema), its shield and the checks of the ids its operations take.
 */
export function defineSubgraph(
  name: string,
  dir: string,
  resolvers: object,
  permissions: SubgraphDefinition['permissions'],
  idArguments: IdArgumentChecks,
): SubgraphDefinition {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { name, typeDefs: loadSchemaFile(dir), resolvers: resolvers as GraphQLResolverMap<any>, permissions, idArguments };
}

/**
 * The executable subgraph schema: federation + resolvers, wrapped in the subgraph's shield (who
 * may call an operation at all) and then its id checks (whose ids it may name).
 */
export function buildSchema(definition: SubgraphDefinition) {
  const schema = buildSubgraphSchema({ typeDefs: definition.typeDefs, resolvers: definition.resolvers });
  return applyMiddleware(schema, definition.permissions, idArgumentMiddleware(definition.name, schema, definition.idArguments));
}

/** A subgraph's HTTP service, and its entry point for a gateway in the same process. */
export interface SubgraphService extends HttpService {
  /** The `POST /graphql` pipeline without HTTP (lib/graphql/inProcessSubgraph.ts). */
  executeInProcess: InProcessSubgraph;
}

const GRAPHQL_PATH = '/graphql';
/** The largest request body, on both the Express route and the direct one. */
const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Builds (does not listen) a subgraph's HTTP service: `POST /graphql`, `/healthz`, `/readyz`.
 * Tests call this and listen on port 0.
 */
export async function createSubgraphServer(definition: SubgraphDefinition, options: SubgraphServerOptions): Promise<SubgraphService> {
  const log = options.log.child({ component: definition.name });
  let apollo: ApolloServer<SubgraphContext> | undefined;
  const service = createHttpService(definition.name, async () => {
    await apollo?.stop();
  });
  apollo = new ApolloServer<SubgraphContext>({
    schema: buildSchema(definition),
    // Only the gateway talks to a subgraph; it needs neither introspection nor a landing page.
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    formatError: maskError(log, options.production),
    validationRules: [inputLiteralsRule],
    csrfPrevention: true,
    // The process shuts down in order itself (bin/farmiq.ts); Apollo must not re-raise the signal.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: service.httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // Inline traces feed Apollo Studio, which we do not use; they would expose resolver timings.
      ApolloServerPluginInlineTraceDisabled(),
      // No schema has cache hints; Apollo's default cache-control plugin would still wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      metricsPlugin(definition.name),
      tracingPlugin(),
      requestHygienePlugin(log),
    ],
  });
  await apollo.start();
  const server = apollo;
  /** The same context over HTTP and in process: what the request's headers prove. */
  const contextFrom = async (headers: IncomingHttpHeaders, socketAddress: string | undefined, setCookie: (value: string) => void): Promise<SubgraphContext> => {
    // Believed only when the gateway signed them; anyone else gets a fresh id and its socket's address.
    const forwarded = verifyForwarded(options.forwardingKey, headers);
    const requestId = forwarded?.requestId ?? randomUUID();
    const principal = await principalFrom(headers, options.verifyToken, options.production);
    return {
      db: options.db.prisma,
      sql: options.db.sql,
      log: log.child({ requestId, ...(principal ? { subject: principal.subject } : {}) }),
      requestId,
      principal,
      clientAddress: forwarded?.clientAddress || socketAddress || 'unknown',
      secureCookies: options.production,
      cookie: (name) => readCookie(headers, name),
      setCookie,
    };
  };
  mountHealth(service.app, () => [{ name: 'database', check: () => options.db.ping() }]);
  options.mount?.(service.app);
  service.app.use(
    GRAPHQL_PATH,
    labelRoute(GRAPHQL_PATH),
    express.json({ limit: BODY_LIMIT_BYTES }),
    expressMiddleware(server, {
      context: async ({ req, res }): Promise<SubgraphContext> => {
        const context = await contextFrom(req.headers, req.socket.remoteAddress, (value) => {
          res.append('set-cookie', value);
        });
        res.setHeader(REQUEST_ID_HEADER, context.requestId);
        return context;
      },
    }),
  );
  service.app.use(notFoundHandler, errorHandler(log));

  /** The request duration and server span every `POST /graphql` records, however it arrived. */
  const measured = async (headers: IncomingHttpHeaders, serve: () => Promise<number>): Promise<void> => {
    const endTimer = httpRequestDuration.startTimer({ component: definition.name, route: GRAPHQL_PATH });
    const status = await traceServed(definition.name, GRAPHQL_PATH, headers, serve);
    endTimer({ status: String(status) });
  };
  const executePost = async (headers: HeaderMap, body: unknown, context: () => Promise<SubgraphContext>) => {
    const response = await server.executeHTTPGraphQLRequest({ httpGraphQLRequest: { method: 'POST', headers, search: '', body }, context });
    if (response.body.kind !== 'complete') throw new Error(`${definition.name}: a POST /graphql answered incrementally`);
    return { status: response.status ?? 200, headers: response.headers, body: response.body.string };
  };

  /**
   * `POST /graphql` with a plain JSON body straight from node's `http`: Express's routing and
   * response helpers were ≈ 18% of a direct lookup's CPU with body parsing. The same body
   * parser (express.json, lib/http/jsonBody.ts) and answers to bad bodies (errorAnswer), the same Apollo pipeline (CSRF prevention,
   * token, gateway signature, shield, masked errors), request id, span and duration as the
   * Express route, which still serves every other request (GET, other bodies, other paths).
   */
  const readJsonBody = jsonBodyReader(BODY_LIMIT_BYTES);
  const serveHttpPost = async (req: IncomingMessage, res: ServerResponse): Promise<number> => {
    const send = (status: number, body: string): number => {
      res.statusCode = status;
      if (!res.hasHeader('content-type')) res.setHeader('content-type', 'application/json; charset=utf-8');
      res.setHeader('content-length', Buffer.byteLength(body));
      res.end(body);
      return status;
    };
    try {
      const read = await readJsonBody(req, res);
      if ('error' in read) {
        const answer = errorAnswer(read.error, log);
        return send(answer.status, JSON.stringify(answer.body));
      }
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const response = await executePost(headers, read.body, async () => {
        const context = await contextFrom(req.headers, req.socket.remoteAddress, (value) => {
          res.appendHeader('set-cookie', value);
        });
        res.setHeader(REQUEST_ID_HEADER, context.requestId);
        return context;
      });
      for (const [name, value] of response.headers) res.setHeader(name, value);
      return send(response.status, response.body);
    } catch (error) {
      // What Express's error handler answers when its route throws.
      const answer = errorAnswer(error, log);
      return send(answer.status, JSON.stringify(answer.body));
    }
  };
  service.serveFirst((req, res) => {
    if (req.method !== 'POST' || req.url !== GRAPHQL_PATH || !isPlainJsonRequest(req.headers)) return false;
    measured(req.headers, () => serveHttpPost(req, res)).catch((error: Error) => {
      log.error({ err: error }, 'could not answer a POST /graphql');
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
    return true;
  });

  const executeInProcess: InProcessSubgraph = async ({ headers, body }) => {
    const incoming: Record<string, string> = Object.fromEntries(headers);
    const headerMap = new HeaderMap();
    for (const [name, value] of headers) headerMap.set(name, value);
    const setCookies: string[] = [];
    let answer: { status: number; headers: Headers; body: string } | undefined;
    await measured(incoming, async () => {
      const response = await executePost(headerMap, body, () =>
        // A socket address only HTTP has: a caller without the gateway's signature is "loopback".
        contextFrom(incoming, '127.0.0.1', (value) => setCookies.push(value)),
      );
      const responseHeaders = new Headers();
      for (const [name, value] of response.headers) responseHeaders.set(name, value);
      for (const cookie of setCookies) responseHeaders.append('set-cookie', cookie);
      answer = { status: response.status, headers: responseHeaders, body: response.body };
      return answer.status;
    });
    return answer!;
  };
  return { ...service, executeInProcess };
}

import type http from 'node:http';
import type { Duplex } from 'node:stream';
import {
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationRule,
} from 'graphql';
import { CloseCode, GRAPHQL_TRANSPORT_WS_PROTOCOL, type SubscribePayload } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { TokenVerifier } from '../../lib/auth/accessToken';
import { accessTokenFrom } from '../../lib/auth/cookiesAndBearer';
import type { Principal } from '../../lib/auth/principal';
import { ErrorCode, userError } from '../../lib/errors';
import { withoutSuggestions } from '../../lib/graphql/maskError';
import type { Logger } from '../../lib/logger';
import { concurrencyLimit } from '../../lib/process/concurrencyLimit';
import type { PubSub } from '../../lib/pubsub/pubsub';
import { QuotaExceededError, type ClientQuotas } from '../../lib/quotas/clientQuotas';
import { rateLimited } from '../quotas/quotaPlugin';
import type { AnyLiveField } from './liveField';
import { LiveHub } from './liveHub';
import { liveConnectionsRefused, liveEventsDropped, trackLiveHub } from './liveMetrics';
import { liveOperation, type LiveOperation } from './liveOperation';
import type { ExecuteQuery } from './resolutionGroup';

export interface LiveEndpointOptions {
  httpServer: http.Server;
  /** The path graphql-ws is served on (the same as HTTP GraphQL). */
  path: string;
  allowedOrigins: readonly string[];
  /** Production reads only the `__Host-` session cookie. */
  secure: boolean;
  verifyToken: TokenVerifier;
  pubsub: PubSub;
  /** The supergraph's API schema as the gateway last loaded it (undefined before the first load). */
  apiSchema: () => GraphQLSchema | undefined;
  /** The gateway's query limits (graphql-armor's depth, cost, alias and directive rules). */
  validationRules: readonly ValidationRule[];
  maxTokens: number;
  execute: ExecuteQuery;
  fields: readonly AnyLiveField[];
  log: Logger;
  /**
   * Partner API clients' quotas. A client's subscription is metered like its queries: opening it
   * is one request costing the operation's cost points, and each frame delivered costs those
   * points again (not a request). Over quota, opening is refused with RATE_LIMITED, and an open
   * subscription ends with a RATE_LIMITED error instead of its next frame.
   */
  quotas?: ClientQuotas;
  /** The operation's cost as the gateway's cost limit computed it while validating (supergraph/quotas/operationCost.ts). */
  costOf?: (document: DocumentNode, operation: OperationDefinitionNode) => number;
}

/** Subscriptions one connection may hold at once. */
const MAX_SUBSCRIPTIONS_PER_CONNECTION = 50;
/** Frames larger than this close the connection (a subscribe message is a query and a few variables). */
const MAX_PAYLOAD_BYTES = 64 * 1024;
/** Unsent bytes a connection may hold before its events are dropped (a client not reading). */
const MAX_BUFFERED_BYTES = 1024 * 1024;
/** Distinct subscription texts kept parsed and validated. */
const MAX_CACHED_DOCUMENTS = 500;
/**
 * Subject checks (a query through the planner per new subscription) under way at once. A burst of
 * thousands (dashboards reconnecting after a restart) waits here instead of timing out on the
 * subgraphs' connection pools, which answered some of them INTERNAL_SERVER_ERROR.
 */
const MAX_CONCURRENT_SUBJECT_CHECKS = 8;
/** The answer for a subscription whose connection closed while it waited: nobody will read it. */
const closedWhileWaiting: GraphQLError[] = [userError(ErrorCode.BadRequest, 'The connection closed')];

interface Connection {
  principal: Principal & { tenantId: string };
  accessToken: string;
  subscriptions: number;
  expiry: NodeJS.Timeout;
}

interface LiveContext {
  operation: LiveOperation;
  /** Set when the subject the subscription names is not the subscriber's: answered once, then complete. */
  refusal?: GraphQLError[];
  connection: Connection;
  /** graphql-ws's id of the subscription, for the `next` messages. */
  id: string;
  socket: WebSocket;
  /** The connection's TCP socket (the upgrade request's), corked while a batch of frames is written. */
  stream: { cork(): void; uncork(): void };
  /** A partner client's subscription: the cost points each frame is charged. */
  costPerFrame?: number;
}

/**
 * GraphQL subscriptions over graphql-ws (`graphql-transport-ws`) on the gateway's own HTTP server
 * and path. @apollo/gateway does not execute subscriptions, so this does: the handshake is
 * refused for a foreign Origin (as CORS refuses it over HTTP), `connection_init` must carry a
 * valid access token (else close 4403), each operation is validated against the supergraph with
 * the gateway's limits, and each event is resolved through the query planner with the subscriber's
 * token, only ever for the subscriber's own tenant.
 */
export function attachLiveEndpoint(options: LiveEndpointOptions): { hub: LiveHub; close(): Promise<void> } {
  const { log } = options;
  const allowed = new Set(options.allowedOrigins);
  const fields = new Map(options.fields.map((field) => [field.field, field]));
  // The holder's token checked as the subgraphs would (revocations: a suspended tenant, a closed session) before a batch is answered from the entity cache.
  const tokenStillGood = (token: string) =>
    options.verifyToken(token).then(
      () => true,
      () => false,
    );
  const hub = new LiveHub(options.pubsub, options.execute, log, tokenStillGood);
  const untrack = trackLiveHub(hub);
  const connections = new WeakMap<WebSocket, Connection>();
  const subjectChecks = concurrencyLimit(MAX_CONCURRENT_SUBJECT_CHECKS);
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_PAYLOAD_BYTES,
    handleProtocols: (protocols) => (protocols.has(GRAPHQL_TRANSPORT_WS_PROTOCOL) ? GRAPHQL_TRANSPORT_WS_PROTOCOL : false),
  });

  const onUpgrade = (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const { pathname } = new URL(request.url ?? '/', 'http://gateway');
    if (pathname !== options.path) return refuse(socket, 404, 'Not Found', 'path');
    if (!originAllowed(request, allowed)) return refuse(socket, 403, 'Forbidden', 'origin');
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };
  options.httpServer.on('upgrade', onUpgrade);

  // Dashboards open the same few subscriptions over and over: parse and validate each text once.
  const documents = new Map<string, { document: DocumentNode } | { errors: GraphQLError[] }>();
  let documentsSchema: GraphQLSchema | undefined;
  const checkedDocument = (query: string) => {
    const schema = options.apiSchema()!;
    if (documentsSchema !== schema || documents.size >= MAX_CACHED_DOCUMENTS) {
      documents.clear();
      documentsSchema = schema;
    }
    let checked = documents.get(query);
    if (!checked) {
      checked = parseAndValidate(schema, query, options.validationRules, options.maxTokens, options.secure);
      documents.set(query, checked);
    }
    return checked;
  };

  const server = useServer<Record<string, unknown> | undefined, { socket: WebSocket; request: http.IncomingMessage }>(
    {
      onConnect: async (ctx) => {
        const header = ctx.connectionParams?.authorization;
        const token =
          typeof header === 'string' && header.startsWith('Bearer ')
            ? header.slice('Bearer '.length).trim()
            : accessTokenFrom({ cookie: ctx.extra.request.headers.cookie }, options.secure);
        const close = (reason: string) => {
          liveConnectionsRefused.inc({ reason: 'token' });
          ctx.extra.socket.close(CloseCode.Forbidden, reason);
          return false;
        };
        if (!token) return close('Send an access token in connectionParams.authorization');
        let principal: Principal;
        try {
          principal = await options.verifyToken(token);
        } catch (error) {
          return close((error as GraphQLError).message ?? 'The access token is invalid');
        }
        if (!principal.tenantId) return close('Log in to a tenant first');
        // A token is good for 15 minutes; at its expiry the client reconnects with a fresh one.
        const expiry = setTimeout(
          () => ctx.extra.socket.close(CloseCode.Forbidden, 'The access token has expired'),
          Math.max(0, principal.expiresAt.getTime() - Date.now()),
        );
        expiry.unref();
        connections.set(ctx.extra.socket, { principal: principal as Principal & { tenantId: string }, accessToken: token, subscriptions: 0, expiry });
        return true;
      },
      onClose: (ctx) => {
        const connection = connections.get(ctx.extra.socket);
        if (connection) clearTimeout(connection.expiry);
      },
      onSubscribe: async (ctx, id, payload): Promise<ExecutionArgs | readonly GraphQLError[]> => {
        const connection = connections.get(ctx.extra.socket)!;
        if (connection.subscriptions >= MAX_SUBSCRIPTIONS_PER_CONNECTION) {
          return [userError(ErrorCode.BadRequest, `At most ${MAX_SUBSCRIPTIONS_PER_CONNECTION} subscriptions per connection`)];
        }
        // Counted before anything is awaited, so subscriptions still waiting for their subject
        // check count too: one connection can never queue more than its limit of checks ahead of
        // everyone else's. graphql-ws calls onComplete only for an accepted subscription, so a
        // refused or failed one gives its place back here.
        connection.subscriptions += 1;
        try {
          const accepted = await acceptedSubscription(ctx.extra, connection, id, payload);
          if (Array.isArray(accepted)) connection.subscriptions -= 1;
          return accepted;
        } catch (error) {
          connection.subscriptions -= 1;
          throw error;
        }
      },
      onComplete: (ctx) => {
        const connection = connections.get(ctx.extra.socket);
        if (connection) connection.subscriptions -= 1;
      },
      subscribe: (args) => {
        const { operation, connection, id, socket, stream, refusal, costPerFrame } = args.contextValue as LiveContext;
        // One result, then graphql-ws completes the operation: what the query would have answered.
        if (refusal) return { data: null, errors: refusal };
        // `next` messages are written here rather than yielded to graphql-ws, which would
        // serialize every event once per subscriber; the payload JSON is shared (see
        // ResolutionGroup) and the message is exactly what graphql-ws would send.
        const prefix = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
        const write = (payloadJson: string) => {
          if (socket.readyState !== socket.OPEN) return;
          // A client that stopped reading loses events instead of growing the gateway's memory.
          if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
            liveEventsDropped.inc();
            return;
          }
          socket.send(`${prefix}${payloadJson}}`);
        };
        if (costPerFrame === undefined) return hub.subscribe(operation, connection.principal, connection.accessToken, write, stream);
        return meteredSubscription(operation, connection, id, socket, costPerFrame, write);
      },
      execute: () => {
        throw userError(ErrorCode.BadRequest, 'Only subscriptions are served over WebSocket');
      },
    },
    wss,
  );

  /** Validates, charges and checks a new subscription: its execution arguments, or why it is refused. */
  async function acceptedSubscription(
    extra: { socket: WebSocket; request: http.IncomingMessage },
    connection: Connection,
    id: string,
    payload: SubscribePayload,
  ): Promise<ExecutionArgs | readonly GraphQLError[]> {
    const schema = options.apiSchema();
    if (!schema) return [userError(ErrorCode.BadRequest, 'The gateway is starting; try again shortly')];
    const checked = checkedDocument(payload.query);
    if ('errors' in checked) return checked.errors;
    const { document } = checked;
    let operation: LiveOperation;
    try {
      operation = liveOperation(schema, document, payload.operationName, payload.variables, fields);
      operation.field.filterFrom(operation.args);
    } catch (error) {
      const code = (error as GraphQLError).extensions?.code;
      return [userError(typeof code === 'string' ? (code as ErrorCode) : ErrorCode.BadUserInput, (error as GraphQLError).message)];
    }
    // Charged once validated and before any subgraph is asked (as over HTTP).
    const metered = meteredCost(connection.principal, document, payload.operationName);
    if (metered !== undefined) {
      try {
        await options.quotas!.charge(connection.principal.subject, metered, connection.principal.clientTenantId);
      } catch (error) {
        if (error instanceof QuotaExceededError) return [rateLimited(error, 'websocket')];
        throw error;
      }
    }
    const refusal = await subjectChecks(() =>
      // A connection that closed while its check waited in line is not checked at all.
      extra.socket.readyState === extra.socket.OPEN ? subjectRefusal(options.execute, operation, connection.accessToken) : Promise.resolve(closedWhileWaiting),
    );
    if (refusal === closedWhileWaiting) return closedWhileWaiting;
    const contextValue: LiveContext = {
      operation,
      connection,
      id,
      socket: extra.socket,
      stream: extra.request.socket,
      ...(refusal ? { refusal } : {}),
      ...(metered !== undefined ? { costPerFrame: metered } : {}),
    };
    return { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
  }

  /** The cost points a partner client's subscription is charged (undefined: not metered). */
  function meteredCost(principal: Principal, document: DocumentNode, operationName: string | null | undefined): number | undefined {
    if (!options.quotas || !options.costOf || principal.kind !== 'client') return undefined;
    const definition = getOperationAST(document, operationName);
    return definition ? options.costOf(document, definition) : undefined;
  }

  /**
   * A partner's subscription whose frames are charged before they are written, one after another
   * (so they keep their order). The first frame that does not fit is not sent: the subscription
   * ends with a RATE_LIMITED `error` message saying when to retry.
   */
  async function meteredSubscription(
    operation: LiveOperation,
    connection: Connection,
    id: string,
    socket: WebSocket,
    costPerFrame: number,
    write: (payloadJson: string) => void,
  ) {
    const { principal } = connection;
    let ended = false;
    let queue = Promise.resolve();
    let subscription: AsyncGenerator<ExecutionResult, undefined, unknown> | undefined;
    const chargeThenWrite = async (payloadJson: string) => {
      if (ended) return;
      try {
        await options.quotas!.charge(principal.subject, costPerFrame, principal.clientTenantId, { countsAsRequest: false });
      } catch (error) {
        if (!(error instanceof QuotaExceededError)) {
          // The counters are unreachable: the frame is not sent unmetered (as a request would fail).
          log.error({ err: (error as Error).message, apiClientId: principal.subject }, 'live: could not charge a frame; dropped');
          liveEventsDropped.inc();
          return;
        }
        ended = true;
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ id, type: 'error', payload: [rateLimited(error, 'websocket').toJSON()] }));
        await subscription?.return(undefined);
        return;
      }
      write(payloadJson);
    };
    subscription = await hub.subscribe(operation, principal, connection.accessToken, (payloadJson) => {
      queue = queue.then(() => chargeThenWrite(payloadJson));
    });
    return subscription;
  }

  return {
    hub,
    async close() {
      options.httpServer.off('upgrade', onUpgrade);
      untrack();
      await server.dispose();
      await hub.close();
    },
  };
}

/**
 * Asks the query the subscription's subject is read by (`barn(id:)`, `device(id:)`, `farm(id:)`),
 * with the subscriber's token, through the planner: the subgraph that owns it applies the same
 * tenant checks as for the query. Undefined when found; else the errors to answer with.
 */
async function subjectRefusal(execute: ExecuteQuery, operation: LiveOperation, accessToken: string): Promise<GraphQLError[] | undefined> {
  const subject = operation.field.subjectOf(operation.args);
  const found = await execute(`query ($id: ID!) { subject: ${subject.field}(id: $id) { __typename } }`, { id: subject.id }, accessToken);
  if (found.data?.subject) return undefined;
  const codes = (found.errors ?? []).map((error) => error.extensions?.code);
  if (codes.includes(ErrorCode.InternalServerError)) return [userError(ErrorCode.InternalServerError, 'Internal server error')];
  const refusal = found.errors?.find((error) => error.extensions?.code !== ErrorCode.NotFound && typeof error.extensions?.code === 'string');
  if (refusal) return [userError(refusal.extensions!.code as ErrorCode, refusal.message)];
  return [userError(ErrorCode.NotFound, `${subject.what} not found`)];
}

/**
 * Browsers always send Origin on a WebSocket handshake and CORS does not apply to it, so this is
 * where a page of a foreign site is kept from riding the user's session cookie. Allowed: no
 * Origin (not a browser: a partner's script or a server, which must send a token anyway), the
 * gateway's own host (the dashboard it serves), and ALLOWED_ORIGINS.
 */
export function originAllowed(request: http.IncomingMessage, allowed: ReadonlySet<string>): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (allowed.has(origin)) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

function parseAndValidate(
  schema: GraphQLSchema,
  query: string,
  rules: readonly ValidationRule[],
  maxTokens: number,
  production: boolean,
): { document: DocumentNode } | { errors: GraphQLError[] } {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens });
  } catch (error) {
    return { errors: [userError(ErrorCode.GraphqlParseFailed, (error as GraphQLError).message)] };
  }
  const errors = validate(schema, document, [...specifiedRules, ...rules]);
  if (errors.length > 0)
    return { errors: errors.map((error) => userError(ErrorCode.GraphqlValidationFailed, production ? withoutSuggestions(error.message) : error.message)) };
  return { document };
}

function refuse(socket: Duplex, status: number, text: string, reason: string): void {
  liveConnectionsRefused.inc({ reason });
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

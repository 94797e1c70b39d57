import fs from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { mountPassThroughs } from './signedPassThrough';
import { mountAlertAckProxy } from './alertAckProxy';
import type { PassThroughTarget } from '../lib/process/module';
import { inProcessFetch, type InProcessSubgraph } from '../lib/graphql/inProcessSubgraph';
import { randomUUID } from 'node:crypto';
import type { GraphQLError, GraphQLSchema } from 'graphql';
import type { Config } from '../lib/config';
import type { TokenVerifier } from '../lib/auth/accessToken';
import { accessTokenFrom } from '../lib/auth/cookiesAndBearer';
import { signForwarded } from '../lib/auth/forwardedHeaders';
import type { Principal } from '../lib/auth/principal';
import { principalFrom } from '../lib/auth/requestAuth';
import type { ClientQuotas } from '../lib/quotas/clientQuotas';
import { ErrorCode, userError } from '../lib/errors';
import { maskError } from '../lib/graphql/maskError';
import { metricsPlugin } from '../lib/graphql/metricsPlugin';
import { tracingPlugin } from '../lib/graphql/tracingPlugin';
import { injectTraceContext } from '../lib/tracing/httpSpans';
import { inputLiteralsRule, requestHygienePlugin } from '../lib/graphql/requestHygiene';
import { clientAddressOf } from '../lib/http/clientAddress';
import { errorHandler, notFoundHandler } from '../lib/http/errorHandler';
import { mountHealth, type ReadinessCheck } from '../lib/http/health';
import { mountJwks, mountMetrics } from '../lib/http/publicEndpoints';
import { requestIdFrom, REQUEST_ID_HEADER } from '../lib/http/requestId';
import { createHttpService, labelRoute, type HttpService } from '../lib/http/service';
import type { Logger } from '../lib/logger';
import type { PubSub } from '../lib/pubsub/pubsub';
import { SUPERGRAPH_PATH } from './compose';
import { mountDashboard } from './dashboard';
import { mountPartnerDocs } from './partnerDocs';
import { trustedDocumentsFor } from './trustedDocuments/gatewayHook';
import { callerKindOfToken, deprecatedUsagePlugin } from './versioning/deprecatedUsage';
import { corsAllowList, securityHeaders } from './httpSecurity';
import { queryLimits } from './queryLimits';
import { OperationCosts } from './quotas/operationCost';
import { quotaPlugin } from './quotas/quotaPlugin';
import { adoptSubgraphScalars } from './subgraphScalars';
import { attachLiveEndpoint } from './live/liveEndpoint';
import { LIVE_FIELDS } from './live/liveFields';

/** Per-request gateway context: what the gateway forwards to the subgraphs it plans calls to. */
export interface GatewayContext {
  requestId: string;
  /** The caller's access token, already verified here; each subgraph verifies it again. */
  accessToken?: string;
  clientAddress?: string;
  /** The client's cookies, forwarded to identity only (session refresh and logout). */
  cookieHeader?: string;
  /** Passes a session cookie identity set (login, refresh, logout) on to the client. */
  appendSetCookie?: (value: string) => void;
  /** The verified caller, for the quotas of partner API clients. */
  principal?: Principal | null;
}

class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    options: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0],
    private readonly forwardsSession: boolean,
    private readonly forwardingKey: Buffer,
  ) {
    super(options);
  }

  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]) {
    const headers = request.http?.headers;
    if (!headers) return;
    // Signed, so the subgraph can tell the gateway's word from anyone else's (lib/auth/forwardedHeaders.ts).
    const facts = signForwarded(this.forwardingKey, { requestId: context.requestId, clientAddress: context.clientAddress ?? '' });
    for (const [name, value] of Object.entries(facts)) headers.set(name, value);
    if (context.accessToken) headers.set('authorization', `Bearer ${context.accessToken}`);
    if (this.forwardsSession && context.cookieHeader) headers.set('cookie', context.cookieHeader);
    // Runs inside the gateway.fetch span, so the subgraph's spans become its children.
    injectTraceContext(headers);
  }

  override didReceiveResponse({ response, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse']>>[0]) {
    if (this.forwardsSession) {
      const cookies = (response.http?.headers as unknown as Headers | undefined)?.getSetCookie?.() ?? [];
      for (const cookie of cookies) context.appendSetCookie?.(cookie);
    }
    return response;
  }

  /**
   * A subgraph answers HTTP 400 when its own scalars refuse a variable (an impossible date):
   * that is the caller's mistake, so its first error passes on with its message and stable
   * code instead of being masked as an internal error.
   */
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]): Promise<GraphQLError> {
    const error = await super.errorFromResponse(response);
    const body = (error.extensions.response as { body?: unknown } | undefined)?.body as
      { errors?: Array<{ message?: unknown; extensions?: { code?: unknown } }> } | undefined;
    const first = body?.errors?.[0];
    if (response.status === 400 && first && typeof first.message === 'string' && first.extensions?.code === ErrorCode.BadUserInput) {
      return userError(ErrorCode.BadUserInput, first.message);
    }
    return error;
  }
}

export interface GatewayOptions {
  config: Config;
  log: Logger;
  /** The URL of each subgraph; defaults to what the composed supergraph names. */
  subgraphUrls: Partial<Record<string, string>>;
  /**
   * The subgraphs running in this process (all-in-one): called directly, not over HTTP
   * (lib/graphql/inProcessSubgraph.ts). Their URLs still serve health checks and pass-throughs.
   */
  inProcessSubgraphs?: Partial<Record<string, InProcessSubgraph>>;
  /** Readiness of what this process runs besides the gateway (database, broker). */
  readinessChecks?: ReadinessCheck[];
  verifyToken: TokenVerifier;
  /** Signs the request id and client address forwarded to subgraphs (FARMIQ_INTERNAL_KEY). */
  forwardingKey: Buffer;
  /** The public keys tokens are verified with, served at `/.well-known/jwks.json`. */
  publicJwks: () => Promise<{ keys: unknown[] }>;
  supergraphSdl?: string;
  /** Routes the subgraph modules declare for the public port (edge batches, payment webhooks), raw and signed. */
  passThroughs?: readonly PassThroughTarget[];
  /**
   * The process's event bus (in memory, or Redis when REDIS_URL is set): with it the gateway
   * serves GraphQL subscriptions over graphql-ws on `/graphql`.
   */
  pubsub?: PubSub;
  /** Partner API clients' quotas, charged per request (supergraph/quotas/). */
  quotas?: ClientQuotas;
}

const BODY_LIMIT = '100kb';

/**
 * The public API port: the composed supergraph at `POST /graphql` behind security headers, CORS
 * allow-list, CSRF prevention, query limits and masked errors; `/healthz`, `/readyz`, `/metrics`.
 */
export async function createGateway(options: GatewayOptions): Promise<HttpService> {
  const { config, log: processLog } = options;
  const log = processLog.child({ component: 'gateway' });
  const production = config.isProduction;
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl ?? fs.readFileSync(SUPERGRAPH_PATH, 'utf8'),
    buildService: ({ name, url }) => {
      const configured = Object.hasOwn(options.subgraphUrls, name) ? options.subgraphUrls[name] : undefined;
      const inProcess = options.inProcessSubgraphs?.[name];
      // Node's own fetch (undici, pooled keep-alive) costs less per subgraph call than the
      // default make-fetch-happen, whose proxy and cache layers we do not use.
      const fetcher = (inProcess ? inProcessFetch(inProcess) : fetch) as unknown as RemoteGraphQLDataSource['fetcher'];
      return new SubgraphDataSource({ url: configured ?? url, fetcher }, name === 'identity', options.forwardingKey);
    },
    logger: log,
  });
  let apollo: ApolloServer<GatewayContext> | undefined;
  let live: ReturnType<typeof attachLiveEndpoint> | undefined;
  const service = createHttpService('gateway', async () => {
    await live?.close();
    await apollo?.stop();
  });
  let apiSchema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate((loaded) => {
    adoptSubgraphScalars(loaded.apiSchema);
    apiSchema = loaded.apiSchema;
  });
  const costs = new OperationCosts(config.queryLimits.maxCost);
  const armor = queryLimits(config.queryLimits, production, costs.onAccept);
  apollo = new ApolloServer<GatewayContext>({
    gateway,
    validationRules: [...armor.validationRules, inputLiteralsRule],
    parseOptions: armor.parseOptions,
    allowBatchedHttpRequests: false,
    // Documents by id are resolved before Apollo (trustedDocuments): no automatic registration.
    persistedQueries: false,
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    formatError: maskError(log, production),
    csrfPrevention: true,
    // The process shuts down in order itself (bin/farmiq.ts); Apollo must not re-raise the signal.
    stopOnTerminationSignals: false,
    logger: log,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: service.httpServer }),
      // No cache hints anywhere: Apollo's default cache-control plugin would only cost time per request.
      ApolloServerPluginCacheControlDisabled(),
      production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: true }),
      metricsPlugin('gateway'),
      tracingPlugin(),
      requestHygienePlugin(log),
      deprecatedUsagePlugin<GatewayContext>(log, (context) => callerKindOfToken(context.accessToken)),
      ...armor.plugins,
      ...(options.quotas ? [quotaPlugin(options.quotas, costs)] : []),
    ],
  });
  await apollo.start();
  if (options.pubsub) {
    const server = apollo;
    live = attachLiveEndpoint({
      httpServer: service.httpServer,
      path: '/graphql',
      allowedOrigins: config.allowedOrigins,
      secure: production,
      verifyToken: options.verifyToken,
      pubsub: options.pubsub,
      apiSchema: () => apiSchema,
      validationRules: [...armor.validationRules, inputLiteralsRule],
      maxTokens: config.queryLimits.maxTokens,
      fields: LIVE_FIELDS,
      log: log.child({ component: 'live' }),
      ...(options.quotas ? { quotas: options.quotas, costOf: (document, operation) => costs.costOf(document, operation) } : {}),
      // Through Apollo's whole request pipeline: limits, planner, subgraph calls, masked errors.
      execute: async (query, variables, accessToken) => {
        const response = await server.executeOperation({ query, variables }, { contextValue: { requestId: randomUUID(), accessToken } });
        if (response.body.kind !== 'single') throw new Error('live: an event query answered incrementally');
        return response.body.singleResult;
      },
    });
  }

  const { app } = service;
  app.use(securityHeaders(production));
  app.use(corsAllowList(config.allowedOrigins));
  mountHealth(app, () => [
    ...(options.readinessChecks ?? []),
    { name: 'subgraphs', check: () => gateway.serviceHealthCheck() as Promise<unknown> as Promise<void> },
  ]);
  mountJwks(app, options.publicJwks);
  // In production (or with METRICS_PORT) the figures are served on the internal metrics port only.
  if (config.metrics.port === undefined) mountMetrics(app);
  mountPassThroughs(app, options.passThroughs ?? []);
  // Alert emails' acknowledge links (a GET page and its form's POST): telemetry serves them.
  if (options.subgraphUrls.telemetry) mountAlertAckProxy(app, options.subgraphUrls.telemetry);
  app.use(
    '/graphql',
    labelRoute('/graphql'),
    express.json({ limit: BODY_LIMIT }),
    trustedDocumentsFor(apollo, { production, verifyToken: options.verifyToken, log }),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<GatewayContext> => {
        const requestId = requestIdFrom(req.headers);
        res.setHeader(REQUEST_ID_HEADER, requestId);
        // Verified here too, so a bad token is refused before any subgraph is called.
        const principal = await principalFrom(req.headers, options.verifyToken, production);
        return {
          requestId,
          principal,
          accessToken: accessTokenFrom(req.headers, production),
          clientAddress: clientAddressOf(req, config.gateway.trustedProxyHops),
          cookieHeader: req.headers.cookie,
          appendSetCookie: (value) => {
            res.append('set-cookie', value);
          },
        };
      },
    }),
  );
  if (!mountPartnerDocs(app)) log.warn('no partner documentation in docs/dist: run `npm run docs:build` to serve it at /docs');
  if (!mountDashboard(app)) log.warn('no dashboard build in dashboard/dist: run `npm run dashboard:build` to serve it at /');
  app.use(notFoundHandler, errorHandler(log));
  return service;
}

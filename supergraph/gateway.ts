import fs from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLError } from 'graphql';
import type { Config, SubgraphName } from '../lib/config';
import { SUBGRAPH_NAMES } from '../lib/config';
import { ErrorCode, userError } from '../lib/errors';
import { maskError } from '../lib/graphql/maskError';
import { metricsPlugin } from '../lib/graphql/metricsPlugin';
import { errorHandler, notFoundHandler } from '../lib/http/errorHandler';
import { mountHealth, type ReadinessCheck } from '../lib/http/health';
import { requestIdFrom, REQUEST_ID_HEADER } from '../lib/http/requestId';
import { createHttpService, type HttpService } from '../lib/http/service';
import type { Logger } from '../lib/logger';
import { metricsRegistry } from '../lib/metrics';
import { SUPERGRAPH_PATH } from './compose';
import { mountDashboard } from './dashboard';
import { corsAllowList, securityHeaders } from './edgeSecurity';
import { queryLimits } from './queryLimits';

/** Per-request gateway context: what the gateway forwards to the subgraphs it plans calls to. */
export interface GatewayContext {
  requestId: string;
}

class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]) {
    if (context.requestId) request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
  }

  /**
   * A subgraph answers HTTP 400 when its own scalars refuse a variable (an impossible date):
   * that is the caller's mistake, so its first error passes on with its message and stable
   * code instead of being masked as an internal error.
   */
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]): Promise<GraphQLError> {
    const error = await super.errorFromResponse(response);
    const body = (error.extensions.response as { body?: unknown } | undefined)?.body as
      | { errors?: Array<{ message?: unknown; extensions?: { code?: unknown } }> }
      | undefined;
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
  subgraphUrls: Partial<Record<SubgraphName, string>>;
  /** Readiness of what this process runs besides the gateway (database, broker). */
  readinessChecks?: ReadinessCheck[];
  supergraphSdl?: string;
}

const BODY_LIMIT = '100kb';

/**
 * The public edge: the composed supergraph at `POST /graphql` behind security headers, CORS
 * allow-list, CSRF prevention, query limits and masked errors; `/healthz`, `/readyz`, `/metrics`.
 */
export async function createGateway(options: GatewayOptions): Promise<HttpService> {
  const { config, log: processLog } = options;
  const log = processLog.child({ component: 'gateway' });
  const production = config.isProduction;
  const known = new Set<string>(SUBGRAPH_NAMES);
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl ?? fs.readFileSync(SUPERGRAPH_PATH, 'utf8'),
    buildService: ({ name, url }) => {
      const configured = known.has(name) ? options.subgraphUrls[name as SubgraphName] : undefined;
      // Node's own fetch (undici, pooled keep-alive) costs less per subgraph call than the
      // default make-fetch-happen, whose proxy and cache layers we do not use.
      return new SubgraphDataSource({ url: configured ?? url, fetcher: fetch as unknown as RemoteGraphQLDataSource['fetcher'] });
    },
    logger: log,
  });
  let apollo: ApolloServer<GatewayContext> | undefined;
  const service = createHttpService('gateway', async () => {
    await apollo?.stop();
  });
  const armor = queryLimits(config.queryLimits, production);
  apollo = new ApolloServer<GatewayContext>({
    gateway,
    validationRules: armor.validationRules,
    allowBatchedHttpRequests: false,
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    formatError: maskError(log),
    csrfPrevention: true,
    // The process shuts down in order itself (bin/farmiq.ts); Apollo must not re-raise the signal.
    stopOnTerminationSignals: false,
    logger: log,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: service.httpServer }),
      production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: true }),
      metricsPlugin('gateway'),
      ...armor.plugins,
    ],
  });
  await apollo.start();

  const { app } = service;
  app.use(securityHeaders(production));
  app.use(corsAllowList(config.allowedOrigins));
  mountHealth(app, () => [
    ...(options.readinessChecks ?? []),
    { name: 'subgraphs', check: () => gateway.serviceHealthCheck() as Promise<unknown> as Promise<void> },
  ]);
  app.get('/metrics', async (_req, res) => {
    res.type(metricsRegistry.contentType).send(await metricsRegistry.metrics());
  });
  app.use(
    '/graphql',
    express.json({ limit: BODY_LIMIT }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = requestIdFrom(req.headers);
        res.setHeader(REQUEST_ID_HEADER, requestId);
        return { requestId };
      },
    }),
  );
  if (!mountDashboard(app)) log.warn('no dashboard build in dashboard/dist: run `npm run dashboard:build` to serve it at /');
  app.use(notFoundHandler, errorHandler(log));
  return service;
}

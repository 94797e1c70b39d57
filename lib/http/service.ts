import http from 'node:http';
import express, { type Express, type Request, type RequestHandler, type Response } from 'express';
import { httpRequestDuration } from '../metrics';
import { traceRequests } from '../tracing/httpSpans';
import { listen } from './listen';

/** An HTTP component of the system (the gateway, a subgraph, the ingestor's status server). */
export interface HttpService {
  name: string;
  app: Express;
  httpServer: http.Server;
  /**
   * Lets `handler` answer a request before Express sees it (a subgraph's `POST /graphql`); it
   * returns false, before reading anything, for every request Express should serve.
   */
  serveFirst(handler: FirstHandler): void;
  /** Binds the port; `setting` is the configuration name that chose it (for error messages). */
  listen(port: number, host: string | undefined, setting: string): Promise<number>;
  /** Stops accepting connections, lets in-flight requests finish, then runs `onStop`. */
  stop(): Promise<void>;
}

export type FirstHandler = (req: http.IncomingMessage, res: http.ServerResponse) => boolean;

const ROUTE_LABEL = 'metricsRoute';
/** The `route` label of every request no route or labelled mount answered (404s, probes). */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Names the route of a handler mounted with `app.use(path, ...)` (express sets `req.route` only
 * for `app.get`/`app.post` routes), so its requests are counted under `path` in `/metrics`.
 */
export function labelRoute(path: string): RequestHandler {
  return (_req, res, next) => {
    res.locals[ROUTE_LABEL] = path;
    next();
  };
}

/**
 * The route label is the matched route's template, never the raw path: a label per raw path
 * would let anyone add series to `/metrics` without limit by requesting `/x-1`, `/x-2`, ...
 */
function routeOf(req: Request, res: Response): string {
  if (req.route) return `${req.baseUrl}${String(req.route.path)}`;
  const labelled: unknown = res.locals[ROUTE_LABEL];
  return typeof labelled === 'string' ? labelled : UNMATCHED_ROUTE;
}

function recordDuration(component: string): RequestHandler {
  return (req, res, next) => {
    const end = httpRequestDuration.startTimer({ component });
    res.on('finish', () => end({ route: routeOf(req, res), status: String(res.statusCode) }));
    next();
  };
}

export function createHttpService(name: string, onStop: () => Promise<void> = async () => undefined): HttpService {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(recordDuration(name));
  app.use(traceRequests(name));
  let first: FirstHandler | undefined;
  const httpServer = http.createServer((req, res) => {
    if (!first?.(req, res)) void app(req, res);
  });
  // Slow-loris and idle sockets must not hold the process open past a shutdown.
  httpServer.headersTimeout = 15_000;
  httpServer.requestTimeout = 30_000;
  let stopped: Promise<void> | undefined;
  return {
    name,
    app,
    httpServer,
    serveFirst: (handler) => {
      first = handler;
    },
    listen: (port, host, setting) => listen(httpServer, port, host, setting),
    stop() {
      stopped ??= (async () => {
        await onStop();
        if (httpServer.listening) {
          await new Promise<void>((resolve) => {
            httpServer.close(() => resolve());
            httpServer.closeIdleConnections();
          });
        }
      })();
      return stopped;
    },
  };
}

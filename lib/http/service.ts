import http from 'node:http';
import express, { type Express, type RequestHandler } from 'express';
import { httpRequestDuration } from '../metrics';
import { listen } from './listen';

/** An HTTP component of the system (the gateway, a subgraph, the ingestor's status server). */
export interface HttpService {
  name: string;
  app: Express;
  httpServer: http.Server;
  /** Binds the port; `setting` is the configuration name that chose it (for error messages). */
  listen(port: number, host: string | undefined, setting: string): Promise<number>;
  /** Stops accepting connections, lets in-flight requests finish, then runs `onStop`. */
  stop(): Promise<void>;
}

function recordDuration(component: string): RequestHandler {
  return (req, res, next) => {
    const end = httpRequestDuration.startTimer({ component });
    res.on('finish', () => end({ route: req.route?.path ?? req.path, status: String(res.statusCode) }));
    next();
  };
}

export function createHttpService(name: string, onStop: () => Promise<void> = async () => undefined): HttpService {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(recordDuration(name));
  const httpServer = http.createServer(app);
  // Slow-loris and idle sockets must not hold the process open past a shutdown.
  httpServer.headersTimeout = 15_000;
  httpServer.requestTimeout = 30_000;
  let stopped: Promise<void> | undefined;
  return {
    name,
    app,
    httpServer,
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

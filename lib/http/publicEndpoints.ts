import type { Express } from 'express';
import { metricsRegistry } from '../metrics';

/** `GET /metrics`: this process's Prometheus figures. */
export function mountMetrics(app: Express): void {
  app.get('/metrics', async (_req, res) => {
    res.type(metricsRegistry.contentType).send(await metricsRegistry.metrics());
  });
}

/** `GET /.well-known/jwks.json`: the public keys access tokens are verified with. */
export function mountJwks(app: Express, publicJwks: () => Promise<{ keys: unknown[] }>): void {
  app.get('/.well-known/jwks.json', async (_req, res) => {
    res.setHeader('cache-control', 'public, max-age=300');
    res.json(await publicJwks());
  });
}

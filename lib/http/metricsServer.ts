import type { Config } from '../config';
import { errorHandler, notFoundHandler } from './errorHandler';
import { mountMetrics } from './publicEndpoints';
import { createHttpService, type HttpService } from './service';
import type { Logger } from '../logger';

/**
 * `/metrics` on the internal port (METRICS_PORT): Prometheus scrapes it over the pod network,
 * while the public port (PORT, behind the ingress) does not serve it at all. The figures tell an
 * outsider the traffic, the components and the versions; nobody outside needs them.
 */
export async function startMetricsServer(metrics: Config['metrics'], log: Logger): Promise<{ port: number; service: HttpService } | undefined> {
  if (metrics.port === undefined) return undefined;
  const service = createHttpService('metrics');
  mountMetrics(service.app);
  service.app.use(notFoundHandler, errorHandler(log));
  const port = await service.listen(metrics.port, metrics.host, 'METRICS_PORT');
  return { port, service };
}

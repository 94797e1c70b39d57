import type { Config } from '../lib/config';
import { mountHealth } from '../lib/http/health';
import { mountMetrics } from '../lib/http/publicEndpoints';
import { createHttpService } from '../lib/http/service';
import type { Logger } from '../lib/logger';
import { createMemoryPubSub } from '../lib/pubsub/pubsub';
import { startIngestor } from '../edge-ingestor/ingestor';
import type { RunningSystem } from './system';

/**
 * `farmiq start --target ingestor`: the farm's edge process, on its own. It imports only the
 * ingestor (no GraphQL, no Prisma, no subgraph), which matters at the edge: it is back in well
 * under a second after a crash (the broker queues meanwhile) and its heap stays small while a
 * long outage fills the disk buffer. The all-in-one mode (`bin/system.ts`) starts the same
 * ingestor beside the cloud.
 */
export async function startEdge(config: Config, log: Logger): Promise<RunningSystem> {
  const ingestor = await startIngestor(config, log);
  const pubsub = createMemoryPubSub();
  try {
    const status = createHttpService('ingestor');
    mountHealth(status.app, () => [ingestor.readiness]);
    mountMetrics(status.app);
    const ingestorPort = await status.listen(config.ingestor.port, config.gateway.host, 'INGESTOR_PORT');
    let stopped: Promise<void> | undefined;
    return {
      target: 'ingestor',
      ports: {
        mqtt: Number(new URL(ingestor.brokerUrl).port) || undefined,
        ingestor: ingestorPort,
        ...(ingestor.vision ? { vision: ingestor.vision.port } : {}),
      },
      database: undefined,
      workers: new Map(),
      pubsub,
      stop: () =>
        (stopped ??= (async () => {
          await status.stop();
          await ingestor.stop();
          await pubsub.close();
        })()),
    };
  } catch (error) {
    await ingestor.stop();
    throw error;
  }
}

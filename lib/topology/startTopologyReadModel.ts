import type { SqlDriver } from '../db/sql';
import { startConsumer, type Consumer } from '../events/consumer';
import { TOPOLOGY_CHANGED } from '../events/topics';
import type { Logger } from '../logger';
import { applyTopologyEvent } from './applyTopology';
import { topologyConsumerName, type TopologySchema } from './schemas';

/**
 * Keeps `schema`'s topology read model: a durable consumer of `devices.topology-changed` with
 * one partition (topology is one ordered stream, and its cursor is then the read model's one
 * position, which freshness.ts compares with the outbox). Started as a worker of each module
 * that reads topology; replicas share it through the consumer's lease.
 */
export function startTopologyReadModel(options: { sql: SqlDriver; log: Logger; schema: TopologySchema; pollMs?: number; leaseMs?: number }): Promise<Consumer> {
  const { sql, schema } = options;
  return startConsumer({
    name: topologyConsumerName(schema),
    topic: TOPOLOGY_CHANGED,
    sql,
    log: options.log,
    partitions: 1,
    ...(options.pollMs ? { pollMs: options.pollMs } : {}),
    ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
    // Quick retries: reads of other subgraphs wait for this consumer (at most FRESHNESS_WAIT_MS).
    retryBaseMs: 100,
    retryMaxMs: 2_000,
    handle: (event, delivered) => applyTopologyEvent(sql, schema, event, delivered.position),
  });
}

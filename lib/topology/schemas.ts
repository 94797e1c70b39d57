import type { TopologyChangedEvent } from '../events/topics';

/**
 * The subgraphs that keep a topology read model, each in its own PostgreSQL schema (tables
 * `<schema>.topology_farm`, `topology_barn`, `topology_device`; Prisma models
 * `<Schema>Topology*`). A subgraph that needs topology adds its schema here and the tables to
 * its Prisma file and a migration.
 */
export const TOPOLOGY_SCHEMAS = ['identity', 'telemetry', 'kpi', 'billing'] as const;
export type TopologySchema = (typeof TOPOLOGY_SCHEMAS)[number];

/** The read-model table of one kind of object (names from this fixed list only: they are spliced into SQL). */
export function tableOf(schema: TopologySchema, object: TopologyChangedEvent['object']): string {
  if (!TOPOLOGY_SCHEMAS.includes(schema)) throw new Error(`topology: no read model in schema ${String(schema)}`);
  return `"${schema}"."topology_${object}"`;
}

/** The durable consumer (lib/events) that keeps `schema`'s read model: its cursor is the read model's position. */
export const topologyConsumerName = (schema: TopologySchema): string => `${schema}.topology`;

import { Counter, Gauge } from 'prom-client';
import { metricsRegistry } from '../../lib/metrics';

const openHubs = new Set<{ readonly size: number }>();

/** Counts the hub's subscriptions in `farmiq_live_subscriptions` while it is open. */
export function trackLiveHub(hub: { readonly size: number }): () => void {
  openHubs.add(hub);
  return () => openHubs.delete(hub);
}

new Gauge({
  name: 'farmiq_live_subscriptions',
  help: 'GraphQL subscriptions open on this process (graphql-ws)',
  registers: [metricsRegistry],
  collect() {
    let total = 0;
    for (const hub of openHubs) total += hub.size;
    this.set(total);
  },
});

export const liveConnectionsRefused = new Counter({
  name: 'farmiq_live_connections_refused_total',
  help: 'WebSocket connections refused, by reason (origin, token, path)',
  labelNames: ['reason'] as const,
  registers: [metricsRegistry],
});

export const liveEventsDropped = new Counter({
  name: 'farmiq_live_events_dropped_total',
  help: 'Subscription events not sent because the client was not reading (over 1 MiB unsent)',
  registers: [metricsRegistry],
});

export const liveTopologyChanges = new Counter({
  name: 'farmiq_live_topology_changes_total',
  help: 'Topology changes this gateway heard of (each makes live resolutions forget the entities they remembered)',
  registers: [metricsRegistry],
});

export const liveBatchesResolved = new Counter({
  name: 'farmiq_live_batches_resolved_total',
  help: 'Batches of live events resolved, by how: the planner (subgraphs), the entity cache, or a renewal through the planner of what the cache answered',
  labelNames: ['by'] as const,
  registers: [metricsRegistry],
});

import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * One Prometheus registry per process: in `all` mode the gateway's `/metrics` shows every
 * component's figures; a single-target process shows its own.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'farmiq_' });

export const httpRequestDuration = new Histogram({
  name: 'farmiq_http_request_duration_seconds',
  help: 'HTTP requests by component, route and status code',
  labelNames: ['component', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

export const graphqlOperations = new Counter({
  name: 'farmiq_graphql_operations_total',
  help: 'GraphQL operations by component, operation type and outcome (ok or error)',
  labelNames: ['component', 'operation_type', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const ingestBatches = new Counter({
  name: 'farmiq_ingest_batches_total',
  help: 'Signed batches at the telemetry ingest endpoint by outcome (stored, or the refusal code)',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
});

export const ingestMessages = new Counter({
  name: 'farmiq_ingest_messages_total',
  help: 'Messages in accepted batches by outcome (accepted, duplicate, rejected)',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
});

import { Counter, Gauge } from 'prom-client';
import { metricsRegistry } from '../lib/metrics';
import type { DiskBuffer } from './buffer/DiskBuffer';

/** The buffers of the ingestors running in this process (one, except in tests). */
const buffers = new Set<DiskBuffer>();
/** Epoch seconds of the last batch the cloud acknowledged, per running forwarder. */
let lastForwardSeconds = 0;

const sum = (read: (buffer: DiskBuffer) => number) => [...buffers].reduce((total, buffer) => total + read(buffer), 0);

new Gauge({
  name: 'farmiq_ingestor_buffer_messages',
  help: 'Messages in the disk buffer, waiting for the cloud',
  registers: [metricsRegistry],
  collect() {
    this.set(sum((buffer) => buffer.depthMessages));
  },
});
new Gauge({
  name: 'farmiq_ingestor_buffer_bytes',
  help: 'Payload bytes in the disk buffer',
  registers: [metricsRegistry],
  collect() {
    this.set(sum((buffer) => buffer.depthBytes));
  },
});
new Gauge({
  name: 'farmiq_ingestor_buffer_oldest_age_seconds',
  help: 'Age of the oldest buffered message (0 when the buffer is empty)',
  registers: [metricsRegistry],
  collect() {
    const oldest = Math.min(...[...buffers].map((buffer) => buffer.oldestReceivedAtMs ?? Infinity));
    this.set(Number.isFinite(oldest) ? Math.max(0, (Date.now() - oldest) / 1000) : 0);
  },
});
new Gauge({
  name: 'farmiq_ingestor_quarantine_messages',
  help: 'Messages the cloud refused for good, waiting in the quarantine for an operator (farmiq ingestor quarantine list|replay|purge)',
  registers: [metricsRegistry],
  collect() {
    this.set(sum((buffer) => buffer.quarantinedMessages));
  },
});
new Gauge({
  name: 'farmiq_ingestor_last_forward_timestamp_seconds',
  help: 'When the cloud last acknowledged a batch (unix seconds; 0: never since start)',
  registers: [metricsRegistry],
  collect() {
    this.set(lastForwardSeconds);
  },
});

export const ingestorMetrics = {
  received: new Counter({
    name: 'farmiq_ingestor_messages_received_total',
    help: 'Valid device messages written to the disk buffer',
    registers: [metricsRegistry],
  }),
  invalid: new Counter({
    name: 'farmiq_ingestor_messages_invalid_total',
    help: 'Device messages dropped as malformed, by reason',
    labelNames: ['reason'] as const,
    registers: [metricsRegistry],
  }),
  forwarded: new Counter({
    name: 'farmiq_ingestor_messages_forwarded_total',
    help: 'Messages the cloud acknowledged, by lane (live, or backlog from before a restart or outage)',
    labelNames: ['lane'] as const,
    registers: [metricsRegistry],
  }),
  dropped: new Counter({
    name: 'farmiq_ingestor_messages_dropped_total',
    help: 'Buffered messages dropped: buffer_full (oldest first, over the cap)',
    labelNames: ['reason'] as const,
    registers: [metricsRegistry],
  }),
  quarantined: new Counter({
    name: 'farmiq_ingestor_messages_quarantined_total',
    help: "Messages the cloud refused for good, moved to the quarantine, by the cloud's code",
    labelNames: ['code'] as const,
    registers: [metricsRegistry],
  }),
  replayed: new Counter({
    name: 'farmiq_ingestor_quarantine_replayed_total',
    help: 'Quarantined messages an operator replayed, back in the queue to the cloud',
    registers: [metricsRegistry],
  }),
  expired: new Counter({
    name: 'farmiq_ingestor_quarantine_expired_total',
    help: 'Quarantined messages deleted after QUARANTINE_RETENTION_DAYS without a replay or purge',
    registers: [metricsRegistry],
  }),
  forwardFailures: new Counter({
    name: 'farmiq_ingestor_forward_failures_total',
    help: 'Failed forward attempts (they are retried), by kind',
    labelNames: ['kind'] as const,
    registers: [metricsRegistry],
  }),
  watchBuffer(buffer: DiskBuffer): () => void {
    buffers.add(buffer);
    return () => buffers.delete(buffer);
  },
  forwardSucceeded(at: Date): void {
    lastForwardSeconds = at.getTime() / 1000;
  },
};

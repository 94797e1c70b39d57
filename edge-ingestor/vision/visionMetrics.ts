import { Counter, Gauge } from 'prom-client';
import { metricsRegistry } from '../../lib/metrics';
import type { InferencePool } from './InferencePool';

const pools = new Set<InferencePool>();
const sum = (read: (pool: InferencePool) => number) => [...pools].reduce((total, pool) => total + read(pool), 0);

new Gauge({
  name: 'farmiq_vision_frames_queued',
  help: 'Camera frames waiting for an inference worker',
  registers: [metricsRegistry],
  collect() {
    this.set(sum((pool) => pool.queued));
  },
});
new Gauge({
  name: 'farmiq_vision_frames_dropped',
  help: 'Camera frames dropped from the full inference queue (the oldest waiting) since start',
  registers: [metricsRegistry],
  collect() {
    this.set(sum((pool) => pool.dropped));
  },
});

/** The vision component's counters (one registry per process, like the ingestor's). */
export const visionMetrics = {
  frames: new Counter({
    name: 'farmiq_vision_frames_total',
    help: 'Camera frames by outcome: weighed, invalid, timeout, dropped, unauthenticated, failed',
    labelNames: ['outcome'],
    registers: [metricsRegistry],
  }),
  birds: new Counter({
    name: 'farmiq_vision_birds_total',
    help: 'Birds found in frames: weighed (their weights sent), or low_confidence (touching, edge of frame, occluded; kept out)',
    labelNames: ['outcome'],
    registers: [metricsRegistry],
  }),
  calibrations: new Counter({
    name: 'farmiq_vision_calibrations_total',
    help: "Asks for a camera's barn's latest platform-scale session, by outcome: calibrated, already_applied, none, too_old, not_fitted (too few birds seen or weights), refused, unreachable",
    labelNames: ['outcome'],
    registers: [metricsRegistry],
  }),
  /** Counts a pool's queue and drops in the gauges until the returned function is called. */
  watchPool(pool: InferencePool): () => void {
    pools.add(pool);
    return () => pools.delete(pool);
  },
};

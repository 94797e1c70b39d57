/**
 * What each kind of device reports, with units: part of the contract between devices, the
 * edge ingestor (which validates payloads against it) and telemetry (which stores readings).
 * A reading outside [min, max] is physically impossible for the sensor and is refused.
 */
export interface MetricDefinition {
  /** The reading's key in a device payload; the unit is part of the name. */
  name: string;
  unit: string;
  description: string;
  min: number;
  max: number;
}

export const DEVICE_KINDS = ['CLIMATE', 'WATER_METER', 'FEED_BIN', 'SCALE', 'GENERIC', 'CAMERA'] as const;
export type DeviceKindName = (typeof DEVICE_KINDS)[number];

const metric = (name: string, unit: string, description: string, min: number, max: number): MetricDefinition => ({ name, unit, description, min, max });

export const METRICS_BY_KIND: Record<DeviceKindName, readonly MetricDefinition[]> = {
  CLIMATE: [
    metric('temperatureC', '°C', 'Air temperature', -40, 70),
    metric('relativeHumidityPercent', '%', 'Relative humidity', 0, 100),
    metric('co2Ppm', 'ppm', 'Carbon dioxide concentration', 0, 20_000),
    metric('ammoniaPpm', 'ppm', 'Ammonia concentration', 0, 500),
  ],
  WATER_METER: [metric('waterLitres', 'L', 'Water delivered since the previous reading', 0, 1_000_000)],
  FEED_BIN: [metric('feedKg', 'kg', 'Feed in the bin', 0, 100_000)],
  SCALE: [metric('weightKg', 'kg', 'Live weight of one weighing', 0, 1_000)],
  // A generic device reports any of the metrics above, each in its own unit.
  GENERIC: [],
  // A barn camera (top view) with the farm box's vision: one message per bird it weighed clearly.
  CAMERA: [
    metric('birdWeightKg', 'kg', 'Live weight of one bird, estimated from a camera frame', 0.001, 1_000),
    metric('birdConfidence', 'ratio', 'How sure the estimate of that bird is, 0 to 1', 0, 1),
  ],
};

const ALL_METRICS = new Map(
  Object.values(METRICS_BY_KIND)
    .flat()
    .map((definition) => [definition.name, definition]),
);

/** The metrics a device of `kind` may report: a generic device may report any known metric. */
export function metricsFor(kind: DeviceKindName): readonly MetricDefinition[] {
  return kind === 'GENERIC' ? [...ALL_METRICS.values()] : METRICS_BY_KIND[kind];
}

/** The unit of a known metric ('' for an unknown one: ingest stores only known metrics). */
export const unitOf = (metric: string): string => ALL_METRICS.get(metric)?.unit ?? '';

/** The definition of `name` when a device of `kind` may report it, else undefined (per message at ingest: no list built). */
export const metricOf = (kind: DeviceKindName, name: string): MetricDefinition | undefined =>
  kind === 'GENERIC' ? ALL_METRICS.get(name) : METRICS_BY_KIND[kind].find((definition) => definition.name === name);

import type { MessageKey } from '../i18n/en';

/** The climate metrics a barn card shows, in order, as the devices name them. */
export const CLIMATE_METRICS = ['temperatureC', 'relativeHumidityPercent', 'ammoniaPpm', 'co2Ppm'] as const;

const METRIC_LABELS: Record<string, MessageKey> = {
  temperatureC: 'metric.temperatureC',
  relativeHumidityPercent: 'metric.relativeHumidityPercent',
  ammoniaPpm: 'metric.ammoniaPpm',
  co2Ppm: 'metric.co2Ppm',
  waterLitres: 'metric.waterLitres',
  feedKg: 'metric.feedKg',
  weightKg: 'metric.weightKg',
  temperatureHumidityIndex: 'metric.temperatureHumidityIndex',
  waterIntakeDropPercent: 'metric.waterIntakeDropPercent',
};

/** The catalogue key naming a metric, or undefined for a metric this dashboard does not know yet. */
export const metricLabelKey = (metric: string): MessageKey | undefined => METRIC_LABELS[metric];

/** Decimals worth showing per metric: CO2 in whole ppm, temperatures to a tenth. */
export const metricDecimals = (metric: string): number => (metric === 'co2Ppm' || metric === 'waterLitres' ? 0 : metric === 'weightKg' ? 2 : 1);

/**
 * A value older than this is drawn grey and says so: the simulator and real climate sensors
 * report every few seconds to a minute, so five minutes of silence means something is wrong.
 */
export const STALE_AFTER_MS = 5 * 60_000;

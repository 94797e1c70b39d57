import { badInput } from '../../../lib/errors';
import { metricsFor, type MetricDefinition } from '../../../lib/deviceKinds';
import { requireNumberInRange } from '../../../lib/validation';
import type { Comparison } from './conditionState';

export const MAX_MIN_DURATION_SECONDS = 86_400;

/** A metric some device kind reports: rules on anything else could never fire. */
export function requireKnownMetric(name: string, field = 'metric'): MetricDefinition {
  const known = metricsFor('GENERIC');
  const definition = known.find((metric) => metric.name === name);
  if (!definition)
    throw badInput(`${field}: expected a metric devices report (${known.map((metric) => metric.name).join(', ')}), got ${JSON.stringify(name)}`, field);
  return definition;
}

export interface RuleSettings {
  comparison: Comparison;
  threshold: number;
  clearThreshold: number;
  minDurationSeconds: number;
}

/**
 * Checks a rule's numbers: thresholds within the metric's range, the clear threshold on the safe
 * side of the threshold (or equal to it), the minimum duration within a day.
 */
export function requireRuleSettings(metric: MetricDefinition, settings: RuleSettings): RuleSettings {
  const unit = `${metric.unit} (the range of ${metric.name})`;
  requireNumberInRange(settings.threshold, 'threshold', metric.min, metric.max, unit);
  requireNumberInRange(settings.clearThreshold, 'clearThreshold', metric.min, metric.max, unit);
  const { comparison, threshold, clearThreshold } = settings;
  if (comparison === 'ABOVE' ? clearThreshold > threshold : clearThreshold < threshold) {
    const side = comparison === 'ABOVE' ? 'at or below' : 'at or above';
    throw badInput(`clearThreshold: for ${comparison} it must be ${side} the threshold ${threshold}, got ${clearThreshold}`, 'clearThreshold');
  }
  if (!Number.isInteger(settings.minDurationSeconds) || settings.minDurationSeconds < 0 || settings.minDurationSeconds > MAX_MIN_DURATION_SECONDS) {
    throw badInput(`minDurationSeconds: expected 0 to ${MAX_MIN_DURATION_SECONDS} seconds, got ${settings.minDurationSeconds}`, 'minDurationSeconds');
  }
  return settings;
}

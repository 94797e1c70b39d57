import { badInput } from '../../lib/errors';

/** Metric names carry their unit (temperatureC, ammoniaPpm, waterLitres): a letter, then letters and digits. */
const METRIC_NAME = /^[a-z][A-Za-z0-9]{0,63}$/;

export function requireMetricName(value: string, field = 'metric'): string {
  if (!METRIC_NAME.test(value)) {
    throw badInput(
      `${field}: expected a metric name like temperatureC (a lower-case letter, then letters and digits, at most 64), got ${JSON.stringify(value)}`,
      field,
    );
  }
  return value;
}

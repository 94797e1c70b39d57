import { unitOf } from '../../../lib/deviceKinds';

/**
 * The unit of an alert's metric: a device metric's own, or that of the derived metrics the
 * built-ins evaluate (THI has none, the water drop is a percentage).
 */
export function alertUnit(metric: string): string {
  if (metric === 'temperatureHumidityIndex') return '';
  if (metric === 'waterIntakeDropPercent') return '%';
  return unitOf(metric);
}

import type { Alert, AlertSeverity } from '../../../lib/db/generated/client';

/**
 * How bad an alert is. Heat stress and ammonia harm animals within hours, and a farm nothing is
 * heard from may be living through either unseen: CRITICAL (quiet hours never hold them,
 * escalation applies). A drop in water intake, one silent device and a tenant's own threshold are
 * WARNINGs until rules carry a severity of their own.
 */
export function severityOf(alert: Pick<Alert, 'builtIn'>): AlertSeverity {
  return alert.builtIn === 'HEAT_STRESS_THI' || alert.builtIn === 'AMMONIA_HIGH' || alert.builtIn === 'EDGE_OFFLINE' ? 'CRITICAL' : 'WARNING';
}

/** Whether a recipient who wants `minSeverity` and worse hears about `severity`. */
export const wants = (minSeverity: AlertSeverity, severity: AlertSeverity): boolean => minSeverity === 'WARNING' || severity === 'CRITICAL';

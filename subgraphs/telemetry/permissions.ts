import { allow, and } from 'graphql-shield';
import { subgraphShield } from '../../lib/graphql/permissions';
import { actsForTenant, canRead, canWriteFarmData, hasRole } from '../../lib/graphql/rules';

/** The people who work the barns may acknowledge alerts; partners never write. */
const canAcknowledgeAlerts = and(actsForTenant, hasRole('TENANT_ADMIN', 'FARM_MANAGER', 'OPERATOR', 'PLATFORM_ADMIN'));

const readTelemetry = canRead('telemetry:read');

export const permissions = subgraphShield({
  Query: {
    alertRule: readTelemetry,
    alert: readTelemetry,
    alerts: readTelemetry,
    readingSeries: readTelemetry,
    readings: readTelemetry,
    readingsCsv: readTelemetry,
    // Hands readings given as arguments back as Readings, for the gateway's subscriptions; devices resolve only within the caller's tenant.
    readingEvents: readTelemetry,
    alertChangeEvents: readTelemetry,
  },
  Mutation: { createAlertRule: canWriteFarmData, updateAlertRule: canWriteFarmData, deleteAlertRule: canWriteFarmData, acknowledgeAlert: canAcknowledgeAlerts },
  AlertRule: allow,
  Alert: allow,
  AlertConnection: allow,
  AlertChange: allow,
  Reading: allow,
  ReadingSeries: allow,
  ReadingBucket: allow,
  ReadingConnection: allow,
  PageInfo: allow,
  User: allow,
  Farm: { '*': allow, alertRules: readTelemetry },
  Device: { '*': allow, latestReadings: readTelemetry },
  Barn: { '*': allow, currentClimate: readTelemetry, alertRules: readTelemetry },
});

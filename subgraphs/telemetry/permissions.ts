import { allow } from 'graphql-shield';
import { subgraphShield } from '../../lib/graphql/permissions';
import { canRead, canWriteFarmData } from '../../lib/graphql/rules';

const readTelemetry = canRead('telemetry:read');

export const permissions = subgraphShield({
  Query: { alertRule: readTelemetry, readingSeries: readTelemetry, readings: readTelemetry, readingsCsv: readTelemetry },
  Mutation: { createAlertRule: canWriteFarmData },
  AlertRule: allow,
  Reading: allow,
  ReadingSeries: allow,
  ReadingBucket: allow,
  ReadingConnection: allow,
  PageInfo: allow,
  Farm: { '*': allow, alertRules: readTelemetry },
  Device: { '*': allow, latestReadings: readTelemetry },
  Barn: { '*': allow, currentClimate: readTelemetry },
});

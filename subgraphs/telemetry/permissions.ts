import { allow } from 'graphql-shield';
import { subgraphShield } from '../../lib/graphql/permissions';
import { canRead, canWriteFarmData } from '../../lib/graphql/rules';

export const permissions = subgraphShield({
  Query: { alertRule: canRead('telemetry:read'), readingEvents: canRead('telemetry:read') },
  Mutation: { createAlertRule: canWriteFarmData },
  AlertRule: allow,
  // Readings are only ever reached through a field that checked the caller (readingEvents, ...).
  Reading: allow,
  Device: { id: allow },
  Farm: { '*': allow, alertRules: canRead('telemetry:read') },
});

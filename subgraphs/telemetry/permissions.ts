import { allow, and } from 'graphql-shield';
import { subgraphShield } from '../../lib/graphql/permissions';
import { actsForTenant, canRead, canWriteFarmData, hasRole } from '../../lib/graphql/rules';

/** The people who work the barns may acknowledge alerts; partners never write. */
const canAcknowledgeAlerts = and(actsForTenant, hasRole('TENANT_ADMIN', 'FARM_MANAGER', 'OPERATOR', 'PLATFORM_ADMIN'));

export const permissions = subgraphShield({
  Query: { alertRule: canRead('telemetry:read'), alert: canRead('telemetry:read'), alerts: canRead('telemetry:read') },
  Mutation: { createAlertRule: canWriteFarmData, updateAlertRule: canWriteFarmData, deleteAlertRule: canWriteFarmData, acknowledgeAlert: canAcknowledgeAlerts },
  AlertRule: allow,
  Alert: allow,
  AlertConnection: allow,
  PageInfo: allow,
  User: allow,
  Farm: { '*': allow, alertRules: canRead('telemetry:read') },
  // Only the fields alerts resolve here; the readings' Barn fields get their rules with their resolvers.
  Barn: { id: allow, alertRules: canRead('telemetry:read') },
});

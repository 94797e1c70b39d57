import { allow } from 'graphql-shield';
import { subgraphShield } from '../../lib/graphql/permissions';
import { canReadTenantData, canWriteFarmData } from '../../lib/graphql/rules';

export const permissions = subgraphShield({
  Query: { alertRule: canReadTenantData },
  Mutation: { createAlertRule: canWriteFarmData },
  AlertRule: allow,
  Farm: allow,
});

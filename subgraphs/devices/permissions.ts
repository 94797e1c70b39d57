import { allow } from 'graphql-shield';
import { subgraphShield } from '../../lib/graphql/permissions';
import { canReadTenantData, canWriteFarmData } from '../../lib/graphql/rules';

export const permissions = subgraphShield({
  Query: { farm: canReadTenantData },
  Mutation: { createFarm: canWriteFarmData },
  Farm: allow,
  Tenant: allow,
});

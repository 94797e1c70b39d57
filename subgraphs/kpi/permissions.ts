import { allow } from 'graphql-shield';
import { subgraphShield } from '../../lib/graphql/permissions';
import { canReadTenantData, canWriteFarmData } from '../../lib/graphql/rules';

export const permissions = subgraphShield({
  Query: { batch: canReadTenantData },
  Mutation: { placeBatch: canWriteFarmData },
  Batch: allow,
  Farm: allow,
});

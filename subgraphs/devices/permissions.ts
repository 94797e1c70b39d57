import { allow } from 'graphql-shield';
import { subgraphShield } from '../../lib/graphql/permissions';
import { canRead, canWriteFarmData } from '../../lib/graphql/rules';

export const permissions = subgraphShield({
  Query: { farm: canRead('farms:read') },
  Mutation: { createFarm: canWriteFarmData },
  Farm: allow,
  // A partner sees a tenant's farms only with farms:read.
  Tenant: { '*': allow, farms: canRead('farms:read') },
});

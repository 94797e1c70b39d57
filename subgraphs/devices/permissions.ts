import { allow } from 'graphql-shield';
import { subgraphShield } from '../../lib/graphql/permissions';

export const permissions = subgraphShield({
  Query: { farm: allow },
  Mutation: { createFarm: allow },
  Farm: allow,
  Tenant: allow,
});

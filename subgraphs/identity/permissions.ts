import { allow } from 'graphql-shield';
import { subgraphShield } from '../../lib/graphql/permissions';

export const permissions = subgraphShield({
  Query: { tenant: allow },
  Mutation: { createTenant: allow },
  Tenant: allow,
});

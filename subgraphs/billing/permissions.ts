import { allow } from 'graphql-shield';
import { subgraphShield } from '../../lib/graphql/permissions';

export const permissions = subgraphShield({
  Query: { billingSubscription: allow },
  Mutation: { subscribe: allow },
  BillingSubscription: allow,
  Tenant: allow,
});

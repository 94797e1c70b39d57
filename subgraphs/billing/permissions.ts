import { allow, and } from 'graphql-shield';
import { subgraphShield } from '../../lib/graphql/permissions';
import { actsForTenant, hasRole } from '../../lib/graphql/rules';
import { BILLING_ROLES } from './billingAccess';

const billingAdmin = and(actsForTenant, hasRole(...BILLING_ROLES));

export const permissions = subgraphShield({
  Query: { billingSubscription: billingAdmin },
  Mutation: { subscribe: billingAdmin },
  BillingSubscription: allow,
  Tenant: allow,
});

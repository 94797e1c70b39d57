import { defineSubgraph } from '../../lib/graphql/subgraphServer';
import { systemClock } from './clock';
import type { BillingDependencies } from './dependencies';
import { idArguments } from './idArguments';
import { permissions } from './permissions';
import { createResolvers } from './resolvers';

/** Plans, subscriptions, invoices and usage: money, exact and idempotent. */
export const billingSubgraph = (deps: BillingDependencies = { now: systemClock }) =>
  defineSubgraph('billing', __dirname, createResolvers(deps), permissions, idArguments);

export { mountPaymentWebhook } from './payments/webhook';

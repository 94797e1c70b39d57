import { defineSubgraph } from '../../lib/graphql/subgraphServer';
import { permissions } from './permissions';
import { resolvers } from './resolvers';

/** Plans, subscriptions, invoices and usage: money, exact and idempotent. */
export const billingSubgraph = defineSubgraph('billing', __dirname, resolvers, permissions);

import { defineSubgraph } from '../../lib/graphql/subgraphServer';
import { idArguments } from './idArguments';
import { permissions } from './permissions';
import { resolvers } from './resolvers';

/** Batch (cohort) performance: the numbers a farm manager runs the business on. */
export const kpiSubgraph = defineSubgraph('kpi', __dirname, resolvers, permissions, idArguments);

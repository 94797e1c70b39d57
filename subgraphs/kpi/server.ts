import { defineSubgraph } from '../../lib/graphql/subgraphServer';
import { idArguments } from './idArguments';
import { permissions } from './permissions';
import { createResolvers, type KpiDependencies } from './resolvers';

/** Batch performance and weigh sessions: the numbers a farm manager runs the business on. */
export const kpiSubgraph = (deps: KpiDependencies) => defineSubgraph('kpi', __dirname, createResolvers(deps), permissions, idArguments);

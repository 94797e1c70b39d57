import type { Resolvers } from '../__generated__/resolvers-types';
import { DateScalar, DateTimeScalar } from '../../../lib/graphql/scalars';
import type { WeighSessionDeps } from '../weighSessions/sessionCommands';
import { Batch } from './Batch';
import { Farm } from './Farm';
import { createMutation } from './Mutation';
import { Query } from './Query';
import { Subscription } from './Subscription';
import { WeighSession } from './WeighSession';

/** What the kpi subgraph needs from its process: weigh sessions write events and announce changes. */
export type KpiDependencies = Omit<WeighSessionDeps, 'db'>;

export const createResolvers = (deps: KpiDependencies): Resolvers => ({
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query,
  Mutation: createMutation(deps),
  Subscription,
  Batch,
  Farm,
  WeighSession,
});

import type { Resolvers } from '../__generated__/resolvers-types';
import { DateTimeScalar } from '../../../lib/graphql/scalars';
import type { TelemetryDependencies } from '../dependencies';
import { Alert } from './Alert';
import { AlertRule } from './AlertRule';
import { Barn } from './Barn';
import { Farm } from './Farm';
import { createMutation } from './Mutation';
import { createQuery } from './Query';

export const createResolvers = (deps: TelemetryDependencies): Resolvers => ({
  DateTime: DateTimeScalar,
  Query: createQuery(),
  Mutation: createMutation(deps),
  AlertRule,
  Alert,
  Barn,
  Farm,
});

import type { Resolvers } from '../__generated__/resolvers-types';
import { DateTimeScalar } from '../../../lib/graphql/scalars';
import type { TelemetryDependencies } from '../dependencies';
import { AlertRule } from './AlertRule';
import { createBarn } from './Barn';
import { createDevice } from './Device';
import { Farm } from './Farm';
import { Mutation } from './Mutation';
import { createQuery } from './Query';
import { Reading } from './Reading';

export const createResolvers = (deps: TelemetryDependencies): Resolvers => ({
  DateTime: DateTimeScalar,
  Query: createQuery(deps),
  Mutation,
  AlertRule,
  Farm,
  Device: createDevice(deps),
  Barn: createBarn(deps),
  Reading,
  ReadingSeries: { device: (series) => ({ id: series.deviceId }) },
});

import type { Resolvers } from '../__generated__/resolvers-types';
import { DateScalar, DateTimeScalar } from '../../../lib/graphql/scalars';
import { Batch } from './Batch';
import { Farm } from './Farm';
import { Mutation } from './Mutation';
import { Query } from './Query';

export const resolvers: Resolvers = { Date: DateScalar, DateTime: DateTimeScalar, Query, Mutation, Batch, Farm };

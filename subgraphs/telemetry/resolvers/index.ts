import type { Resolvers } from '../__generated__/resolvers-types';
import { DateTimeScalar } from '../../../lib/graphql/scalars';
import { AlertRule } from './AlertRule';
import { Farm } from './Farm';
import { Mutation } from './Mutation';
import { Query } from './Query';
import { readingEvents, Subscription } from '../live/readingEvents';

export const resolvers: Resolvers = { DateTime: DateTimeScalar, Query: { ...Query, readingEvents }, Mutation, Subscription, AlertRule, Farm };

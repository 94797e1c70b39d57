import type { QueryResolvers, ResolversTypes, SubscriptionResolvers } from '../__generated__/resolvers-types';
import { ErrorCode, badInput, userError } from '../../../lib/errors';
import { requireMetricName } from '../metricName';

/** The most readings the gateway resolves in one call (it batches events per selection). */
export const MAX_READING_EVENTS = 500;

/**
 * `Query.readingEvents`: echoes the given readings back as `Reading`s so the gateway can plan a
 * subscription event's selection like any query. Nothing is stored here; another tenant's device
 * is NOT_FOUND before this runs (idArguments.ts), and `device` resolves within the caller's tenant only.
 */
export const readingEvents: NonNullable<QueryResolvers['readingEvents']> = (_parent, { events }) => {
  if (events.length > MAX_READING_EVENTS) throw badInput(`events: at most ${MAX_READING_EVENTS} readings, got ${events.length}`, 'events');
  return events.map((event) => {
    requireMetricName(event.metric);
    // Both shapes: `device` for the default resolver, `deviceId` for a `Reading.device` resolver.
    return { ...event, device: { id: event.deviceId } } as unknown as ResolversTypes['Reading'];
  });
};

/**
 * The schema declares `Subscription` here (composition needs its owner), but the gateway
 * executes subscriptions itself over graphql-ws. A subgraph never serves one.
 */
export const Subscription: SubscriptionResolvers = {
  readingAdded: {
    subscribe: () => {
      throw userError(ErrorCode.BadRequest, 'Subscriptions are served by the gateway over graphql-ws at /graphql');
    },
  },
};

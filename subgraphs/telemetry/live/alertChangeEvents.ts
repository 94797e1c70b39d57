import type { QueryResolvers, SubscriptionResolvers } from '../__generated__/resolvers-types';
import { ErrorCode, badInput, userError } from '../../../lib/errors';
import { loadTenantRow } from '../../../lib/graphql/requestLoader';
import { MAX_READING_EVENTS } from './readingEvents';

/**
 * `Query.alertChangeEvents`: each change with its alert loaded within the caller's tenant (one
 * query for all), for the gateway's `alertChanged` subscriptions. Another tenant's alert never gets here
 * (NOT_FOUND in idArguments.ts); the tenant-scoped load stays as the second lock.
 */
export const alertChangeEvents: NonNullable<QueryResolvers['alertChangeEvents']> = async (_parent, { events }, ctx) => {
  if (events.length > MAX_READING_EVENTS) throw badInput(`events: at most ${MAX_READING_EVENTS} changes, got ${events.length}`, 'events');
  return Promise.all(
    events.map(async (event) => {
      const alert = await loadTenantRow(ctx, 'alertsById', event.alertId, (ids, tenantId) => ctx.db.alert.findMany({ where: { id: { in: ids }, tenantId } }));
      return alert ? { change: event.change, alert } : null;
    }),
  );
};

export const alertChangedSubscription: SubscriptionResolvers['alertChanged'] = {
  subscribe: () => {
    throw userError(ErrorCode.BadRequest, 'Subscriptions are served by the gateway over graphql-ws at /graphql');
  },
};

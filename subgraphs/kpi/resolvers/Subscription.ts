import type { SubscriptionResolvers } from '../__generated__/resolvers-types';
import { ErrorCode, userError } from '../../../lib/errors';

export const Subscription: SubscriptionResolvers = {
  weighSessionChanged: {
    subscribe: () => {
      throw userError(ErrorCode.BadRequest, 'Subscriptions are served by the gateway over graphql-ws at /graphql');
    },
  },
};

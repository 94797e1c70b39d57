import type { ApolloServerPlugin } from '@apollo/server';
import { nameActiveSpan } from '../tracing/httpSpans';

/** Names each request's span after its operation, so a trace reads `query FarmOverview`, not `POST /graphql`. */
export function tracingPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, operationName }) {
          if (operation) nameActiveSpan(operation.operation, operationName ?? undefined);
        },
      };
    },
  };
}

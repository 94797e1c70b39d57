import type { ApolloServerPlugin } from '@apollo/server';
import { graphqlOperations } from '../metrics';

/** Counts operations by type and outcome for `/metrics`. */
export function metricsPlugin(component: string): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, errors }) {
          graphqlOperations.inc({
            component,
            operation_type: operation?.operation ?? 'unknown',
            outcome: errors && errors.length > 0 ? 'error' : 'ok',
          });
        },
      };
    },
  };
}

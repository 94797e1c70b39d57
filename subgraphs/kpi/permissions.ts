import { allow } from 'graphql-shield';
import { subgraphShield } from '../../lib/graphql/permissions';

export const permissions = subgraphShield({
  Query: { batch: allow },
  Mutation: { placeBatch: allow },
  Batch: allow,
  Farm: allow,
});

import { allow } from 'graphql-shield';
import { subgraphShield } from '../../lib/graphql/permissions';
import { canRead, canWriteFarmData } from '../../lib/graphql/rules';

export const permissions = subgraphShield({
  Query: { batch: canRead('kpi:read') },
  Mutation: { placeBatch: canWriteFarmData },
  Batch: allow,
  Farm: { '*': allow, batches: canRead('kpi:read') },
});

import { allow } from 'graphql-shield';
import { subgraphShield } from '../../lib/graphql/permissions';

export const permissions = subgraphShield({
  Query: { alertRule: allow },
  Mutation: { createAlertRule: allow },
  AlertRule: allow,
  Farm: allow,
});

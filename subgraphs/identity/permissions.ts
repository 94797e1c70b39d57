import { allow } from 'graphql-shield';
import { subgraphShield } from '../../lib/graphql/permissions';
import { hasRole, isAuthenticated } from '../../lib/graphql/rules';

export const permissions = subgraphShield({
  Query: { me: isAuthenticated, tenant: isAuthenticated },
  Mutation: {
    // Public by nature; rate-limited inside.
    login: allow,
    refreshSession: allow,
    logout: allow,
    changePassword: isAuthenticated,
    createTenant: hasRole('PLATFORM_ADMIN'),
    inviteUser: hasRole('TENANT_ADMIN', 'PLATFORM_ADMIN'),
  },
  Tenant: allow,
  User: allow,
  Viewer: allow,
  Session: allow,
  Invitation: allow,
});

import { allow, and } from 'graphql-shield';
import { subgraphShield } from '../../lib/graphql/permissions';
import { actsForTenant, hasRole, isAuthenticated } from '../../lib/graphql/rules';

const tenantAdmin = and(actsForTenant, hasRole('TENANT_ADMIN', 'PLATFORM_ADMIN'));

export const permissions = subgraphShield({
  Query: { me: isAuthenticated, tenant: isAuthenticated, apiClients: tenantAdmin },
  Mutation: {
    // Public by nature; rate-limited inside.
    login: allow,
    refreshSession: allow,
    logout: allow,
    changePassword: isAuthenticated,
    createTenant: hasRole('PLATFORM_ADMIN'),
    inviteUser: hasRole('TENANT_ADMIN', 'PLATFORM_ADMIN'),
    createApiClient: tenantAdmin,
    revokeApiClient: tenantAdmin,
    // Public by nature; rate-limited inside.
    issueClientToken: allow,
  },
  ApiClient: allow,
  ApiClientCredentials: allow,
  ClientToken: allow,
  Tenant: allow,
  User: allow,
  Viewer: allow,
  Session: allow,
  Invitation: allow,
});

import { allow, and, or } from 'graphql-shield';
import { subgraphShield } from '../../lib/graphql/permissions';
import { actsForTenant, hasRole, isAuthenticated } from '../../lib/graphql/rules';

const tenantAdmin = and(actsForTenant, hasRole('TENANT_ADMIN', 'PLATFORM_ADMIN'));
const platformAdmin = hasRole('PLATFORM_ADMIN');
/** An API client acting for its tenant (registered documents are a client's own). */
const partnerClient = and(actsForTenant, hasRole('PARTNER'));
// A tenant admin reads its tenant's log; a platform admin its tenant's, or every record outside any.
const auditReader = hasRole('TENANT_ADMIN', 'PLATFORM_ADMIN');

export const permissions = subgraphShield({
  Query: {
    me: isAuthenticated,
    tenant: isAuthenticated,
    apiClients: tenantAdmin,
    partnerGrants: or(tenantAdmin, hasRole('PARTNER')),
    partnerWebhooks: hasRole('PARTNER'),
    partnerWebhookDeliveries: hasRole('PARTNER'),
    members: tenantAdmin,
    tenants: platformAdmin,
    auditLog: auditReader,
    auditLogCsv: auditReader,
    registeredDocuments: partnerClient,
    registeredDocument: partnerClient,
  },
  Mutation: {
    // Public by nature; rate-limited inside.
    login: allow,
    refreshSession: allow,
    logout: allow,
    changePassword: isAuthenticated,
    createTenant: platformAdmin,
    suspendTenant: platformAdmin,
    reinstateTenant: platformAdmin,
    changeMemberRole: tenantAdmin,
    disableMember: tenantAdmin,
    enableMember: tenantAdmin,
    removeMember: tenantAdmin,
    inviteUser: hasRole('TENANT_ADMIN', 'PLATFORM_ADMIN'),
    sendInvitation: hasRole('TENANT_ADMIN', 'PLATFORM_ADMIN'),
    // Public by nature: the emailed token is the credential; rate-limited inside.
    requestPasswordReset: allow,
    resetPassword: allow,
    acceptInvitation: allow,
    createApiClient: tenantAdmin,
    revokeApiClient: tenantAdmin,
    rotateApiClientSecret: tenantAdmin,
    grantPartnerAccess: tenantAdmin,
    revokePartnerAccess: tenantAdmin,
    // A partner client manages its own webhooks, and nothing of any tenant's.
    createPartnerWebhook: hasRole('PARTNER'),
    deletePartnerWebhook: hasRole('PARTNER'),
    // Public by nature; rate-limited inside.
    issueClientToken: allow,
    // The challenge token from a login's password step is the credential; rate-limited inside.
    completeMfaLogin: allow,
    startPasskeyLogin: allow,
    // A logged-in user, or a login's enrolment challenge: checked inside.
    startTotpEnrolment: allow,
    confirmTotpEnrolment: allow,
    disableTotp: isAuthenticated,
    regenerateRecoveryCodes: isAuthenticated,
    startPasskeyRegistration: allow, // the caller, or a login sent to enrol (its challenge token): checked in the resolver
    finishPasskeyRegistration: allow,
    removePasskey: isAuthenticated,
    setTenantMfaRequired: tenantAdmin,
    registerDocument: partnerClient,
    unregisterDocument: partnerClient,
    setApiClientDocumentPolicy: tenantAdmin,
  },
  ApiClient: allow,
  ApiClientUsage: allow,
  QuotaUsage: allow,
  ApiClientCredentials: allow,
  ClientToken: allow,
  PartnerGrant: allow,
  PartnerWebhook: allow,
  CreatedPartnerWebhook: allow,
  PartnerWebhookDelivery: allow,
  RegisteredDocument: allow,
  Tenant: allow,
  User: allow,
  Viewer: allow,
  Session: allow,
  Invitation: allow,
  Member: allow,
  MemberConnection: allow,
  TenantConnection: allow,
  PageInfo: allow,
  AuditRecord: allow,
  AuditRecordConnection: allow,
  MfaStatus: allow,
  Passkey: allow,
  TotpEnrolment: allow,
  MfaEnrolment: allow,
  PasskeyRegistration: allow,
});

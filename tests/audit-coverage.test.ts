import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, isEnumType } from 'graphql';

/**
 * Every mutation of the public API is either audited (with the AuditAction values it writes) or
 * named here as not security-relevant, with the reason. A new mutation fails this walk until
 * someone decides which it is; tests/audit.test.ts and tests/accounts.test.ts prove the records
 * through the gateway.
 */
const AUDITED: Record<string, string[]> = {
  subscribe: ['SUBSCRIPTION_STARTED'],
  changePlan: ['PLAN_CHANGED'],
  cancelSubscription: ['SUBSCRIPTION_CANCEL_SCHEDULED', 'SUBSCRIPTION_CANCELED'],
  renewSubscription: ['SUBSCRIPTION_RENEWED', 'SUBSCRIPTION_CANCELED'],
  setBillingProfile: ['BILLING_PROFILE_CHANGED'],
  issueCreditNote: ['CREDIT_NOTE_ISSUED'],
  recordPayment: ['PAYMENT_RECORDED'],
  refundPayment: ['PAYMENT_REFUNDED'],
  setVatRate: ['VAT_RATE_SET'],
  setExchangeRate: ['EXCHANGE_RATE_SET'],
  registerDevices: ['DEVICE_REGISTERED'],
  reissueClaimCodes: ['DEVICE_CLAIM_CODE_REISSUED'],
  claimDevice: ['DEVICE_CLAIMED'],
  activateDevice: ['DEVICE_ACTIVATED'],
  rotateDeviceCredentials: ['DEVICE_CREDENTIALS_ROTATED'],
  revokeDevice: ['DEVICE_REVOKED'],
  registerEdgeGateway: ['EDGE_GATEWAY_REGISTERED'],
  rotateEdgeGatewayKey: ['EDGE_GATEWAY_KEY_ROTATED'],
  revokeEdgeGateway: ['EDGE_GATEWAY_REVOKED'],
  login: ['LOGIN_SUCCEEDED', 'LOGIN_FAILED'],
  changePassword: ['PASSWORD_CHANGED'],
  createTenant: ['TENANT_CREATED'],
  inviteUser: ['USER_INVITED'],
  sendInvitation: ['USER_INVITED'],
  acceptInvitation: ['INVITATION_ACCEPTED'],
  resetPassword: ['PASSWORD_RESET'],
  createApiClient: ['API_CLIENT_CREATED'],
  revokeApiClient: ['API_CLIENT_REVOKED'],
  rotateApiClientSecret: ['API_CLIENT_SECRET_ROTATED'],
  issueClientToken: ['CLIENT_TOKEN_ISSUED', 'CLIENT_TOKEN_REFUSED'],
  grantPartnerAccess: ['PARTNER_ACCESS_GRANTED'],
  revokePartnerAccess: ['PARTNER_ACCESS_REVOKED'],
  createPartnerWebhook: ['PARTNER_WEBHOOK_CREATED'],
  deletePartnerWebhook: ['PARTNER_WEBHOOK_DELETED'],
  setApiClientDocumentPolicy: ['API_CLIENT_DOCUMENT_POLICY_CHANGED'],
  registerDocument: ['DOCUMENT_REGISTERED'],
  unregisterDocument: ['DOCUMENT_UNREGISTERED'],
  changeMemberRole: ['MEMBER_ROLE_CHANGED'],
  disableMember: ['MEMBER_DISABLED'],
  enableMember: ['MEMBER_ENABLED'],
  removeMember: ['MEMBER_REMOVED'],
  suspendTenant: ['TENANT_SUSPENDED'],
  reinstateTenant: ['TENANT_REINSTATED'],
  completeMfaLogin: ['LOGIN_SUCCEEDED', 'MFA_FAILED', 'MFA_RECOVERY_CODE_USED'],
  confirmTotpEnrolment: ['MFA_ENABLED'],
  disableTotp: ['MFA_DISABLED'],
  regenerateRecoveryCodes: ['MFA_RECOVERY_CODES_REGENERATED'],
  finishPasskeyRegistration: ['PASSKEY_ADDED'],
  removePasskey: ['PASSKEY_REMOVED'],
  setTenantMfaRequired: ['TENANT_MFA_REQUIREMENT_CHANGED'],
};

const FARM_RECORD = 'a farm production record: changes no one’s access, credentials or money';
const ALERTING = 'alert configuration or handling inside the tenant: changes no one’s access, credentials or money';

const NOT_SECURITY_RELEVANT: Record<string, string> = {
  recordUsage: 'the platform’s own metering count; money moves only with the invoice, payment or credit note that bills it, each audited',
  createFarm: 'topology of the caller’s own tenant; grants no access (devices placed in it are audited)',
  createBarn: 'topology of the caller’s own tenant; grants no access (devices placed in it are audited)',
  moveDevice: 'places an already activated device in another barn of the same tenant; its credentials and access do not change',
  refreshSession: 'continues a session whose login was audited; a reused refresh token ends the family',
  logout: 'ends the caller’s own session; takes access away from no one else',
  requestPasswordReset: 'only mails a link to the address’s owner; the reset itself is audited (PASSWORD_RESET)',
  startPasskeyLogin: 'hands out a WebAuthn challenge; completeMfaLogin records the outcome',
  startTotpEnrolment: 'a secret not in force until confirmTotpEnrolment, which is audited',
  startPasskeyRegistration: 'a challenge only; finishPasskeyRegistration is audited',
  placeBatch: FARM_RECORD,
  recordMortality: FARM_RECORD,
  recordFeed: FARM_RECORD,
  recordWater: FARM_RECORD,
  recordHealth: FARM_RECORD,
  recordDepletion: FARM_RECORD,
  recordWeighSession: FARM_RECORD,
  openWeighSession: FARM_RECORD,
  recordSessionWeights: FARM_RECORD,
  finalizeWeighSession: FARM_RECORD,
  cancelWeighSession: FARM_RECORD,
  setTargetCurve: FARM_RECORD,
  createAlertRule: ALERTING,
  updateAlertRule: ALERTING,
  deleteAlertRule: ALERTING,
  acknowledgeAlert: ALERTING,
  subscribeToAlerts: 'the caller’s own notification choice',
  unsubscribeFromAlerts: 'the caller’s own notification choice',
  setFarmEscalation: ALERTING,
  setFarmSilenceThreshold: ALERTING,
  registerPushSubscription: 'the caller’s own notification choice (its own browser)',
  unregisterPushSubscription: 'the caller’s own notification choice (its own browser)',
  createWebhookEndpoint: `${ALERTING}; the endpoint's host must be on the operator's WEBHOOK_ALLOWED_HOSTS list`,
  deleteWebhookEndpoint: ALERTING,
  enableWebhookEndpoint: ALERTING,
};

/** Queries that hand data out in bulk (a file to download): each writes an audit record. */
const AUDITED_EXPORTS: Record<string, string> = {
  auditLogCsv: 'AUDIT_LOG_EXPORTED',
  readingsCsv: 'READINGS_EXPORTED',
  brokerAuthFiles: 'BROKER_AUTH_FILES_EXPORTED',
};

const root = path.resolve(__dirname, '..');
const schema = buildSchema(fs.readFileSync(path.join(root, 'supergraph/api-schema.graphql'), 'utf8'));
const auditActions = (() => {
  const type = schema.getType('AuditAction');
  if (!isEnumType(type)) throw new Error('AuditAction is not an enum of the API schema');
  return type.getValues().map((value) => value.name);
})();

/** The server code of every subgraph (not tests, not generated types): where records are written. */
function serverSource(): string {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!['__tests__', '__generated__'].includes(entry.name)) walk(full);
      } else if (entry.name.endsWith('.ts')) out.push(fs.readFileSync(full, 'utf8'));
    }
  };
  walk(path.join(root, 'subgraphs'));
  return out.join('\n');
}

describe('audit coverage of the API', () => {
  const source = serverSource();

  it('should name every mutation as audited or not security-relevant, with a reason', () => {
    const mutations = Object.keys((schema.getMutationType() ?? { getFields: () => ({}) }).getFields()).sort();
    const unclassified = mutations.filter((name) => !(name in AUDITED) && !(name in NOT_SECURITY_RELEVANT));
    const both = mutations.filter((name) => name in AUDITED && name in NOT_SECURITY_RELEVANT);
    const gone = [...Object.keys(AUDITED), ...Object.keys(NOT_SECURITY_RELEVANT)].filter((name) => !mutations.includes(name));
    expect({ unclassified, both, gone }).toEqual({ unclassified: [], both: [], gone: [] });
    for (const reason of Object.values(NOT_SECURITY_RELEVANT)) expect(reason.length).toBeGreaterThan(20);
  });

  it('should name only AuditAction values, each written somewhere in the server code', () => {
    const named = [...new Set([...Object.values(AUDITED).flat(), ...Object.values(AUDITED_EXPORTS)])];
    expect(named.filter((action) => !auditActions.includes(action))).toEqual([]);
    // An action no code writes is a label nobody will ever see: either write it or drop it.
    expect(auditActions.filter((action) => !source.includes(`'${action}'`))).toEqual([]);
  });

  it('should audit every query that hands out a file (CSV, password files)', () => {
    const queries = Object.values(schema.getQueryType()!.getFields());
    const exporting = queries
      .filter((field) => /csv|files$|export/i.test(field.name) || /\bas CSV\b|\bexport/i.test(field.description ?? ''))
      .map((field) => field.name);
    expect(exporting.sort()).toEqual(Object.keys(AUDITED_EXPORTS).sort());
  });
});

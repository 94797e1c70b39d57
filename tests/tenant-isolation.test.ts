import { createECDH, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { buildSchema } from 'graphql';
import type { IdArgumentChecks } from '../lib/graphql/idArguments';
import { idArguments as billingIds } from '../subgraphs/billing/idArguments';
import { idArguments as devicesIds } from '../subgraphs/devices/idArguments';
import { idArguments as identityIds } from '../subgraphs/identity/idArguments';
import { idArguments as kpiIds } from '../subgraphs/kpi/idArguments';
import { idArguments as telemetryIds } from '../subgraphs/telemetry/idArguments';
import { API_SCHEMA_PATH } from '../supergraph/compose';
import { idProbes } from './support/idWalk';

const fail = (message: string): never => {
  throw new Error(message);
};
import { backends } from './support/postgres';
import { loginAsPlatformAdmin, tenantWithAdmin, type Session } from './support/sessions';
import { errorCode, startTestSystem, type TestSystem } from './support/testSystem';

interface Foreign {
  apiClientId: string;
  /** A document B's API client registered (its id, the text's SHA-256). */
  registeredDocumentId: string;
  tenantId: string;
  farmId: string;
  batchId: string;
  alertRuleId: string;
  alertId: string;
  subscriptionId: string;
  barnId: string;
  deviceId: string;
  deviceSerial: string;
  gatewayId: string;
  invoiceId: string;
  paymentId: string;
  adminEmail: string;
  memberUserId: string;
  notificationSubscriptionId: string;
  webhookEndpointId: string;
  /** The endpoint of a browser B's admin registered for Web Push. */
  pushEndpoint: string;
  weighSessionId: string;
  passkeyId: string;
  partnerGrantId: string;
}

type Check = (ctx: {
  asA: TestSystem['graphql'];
  a: { session: Session & { email: string; password: string }; tenantId: string };
  b: Foreign;
  farmiq: TestSystem;
}) => Promise<void>;

/**
 * The readings queries are a contract here whose resolvers land with the readings work (shield
 * denies them until then, FORBIDDEN); either way A must get an error and none of B's data.
 */

/** A new API client of the tenant whose admin `as` is, and its access token. */
async function partnerTokenOf(as: TestSystem['graphql']): Promise<string> {
  const created = (await as('mutation { createApiClient(input: { name: "Docs", scopes: [FARMS_READ] }) { client { id } clientSecret } }')).data!
    .createApiClient;
  const issued = await as('mutation ($id: ID!, $s: String!) { issueClientToken(clientId: $id, clientSecret: $s) { accessToken } }', {
    id: created.client.id,
    s: created.clientSecret,
  });
  return issued.data!.issueClientToken.accessToken;
}

/** A browser's p256dh key (a P-256 point), as PushSubscription.getKey gives it. */
const browserKey = () => {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return ecdh.getPublicKey().toString('base64url');
};

const expectNotFound = async (result: Promise<{ data?: any; errors?: any[] }>) => expect(errorCode(await result)).toBe('NOT_FOUND');

/**
 * Every query and mutation of the public API, with what tenant A's admin gets when it names
 * tenant B's objects. A field missing here fails the coverage test below: a new operation must
 * say how it keeps tenants apart.
 */
const CASES: Record<string, Check> = {
  'Query.me': async ({ asA, a }) => expect((await asA('{ me { tenant { id } } }')).data!.me.tenant.id).toBe(a.tenantId),
  'Query.tenant': ({ asA, b }) => expectNotFound(asA('query ($id: ID!) { tenant(id: $id) { name } }', { id: b.tenantId })),
  'Query.farm': ({ asA, b }) => expectNotFound(asA('query ($id: ID!) { farm(id: $id) { name } }', { id: b.farmId })),
  'Query.batch': ({ asA, b }) =>
    expectNotFound(
      asA('query ($id: ID!) { batch(id: $id) { headCountPlaced performance(asOf: "2026-11-20") { deadCount } dailySeries(asOf: "2026-11-02") { feedKg } } }', {
        id: b.batchId,
      }),
    ),
  'Query.alertRule': ({ asA, b }) => expectNotFound(asA('query ($id: ID!) { alertRule(id: $id) { threshold } }', { id: b.alertRuleId })),
  'Query.billingSubscription': ({ asA, b }) => expectNotFound(asA('query ($id: ID!) { billingSubscription(id: $id) { plan } }', { id: b.subscriptionId })),
  // Internal to subscriptions, whose events are the subscriber's tenant's: another tenant's alert or device refuses the whole call.
  'Query.alertChangeEvents': ({ asA, b }) =>
    expectNotFound(
      asA('query ($e: [AlertChangeEventInput!]!) { alertChangeEvents(events: $e) { change alert { status } } }', {
        e: [{ alertId: b.alertId, change: 'RAISED' }],
      }),
    ),
  'Query.readingEvents': ({ asA, b }) => {
    const event = {
      deviceId: b.deviceId,
      metric: 'temperatureC',
      unit: '°C',
      value: 1,
      observedAt: '2026-11-25T00:00:00Z',
      receivedAt: '2026-11-25T00:00:00Z',
    };
    return expectNotFound(asA('query ($e: [ReadingEventInput!]!) { readingEvents(events: $e) { value device { name barn { name } } } }', { e: [event] }));
  },
  'Mutation.login': async ({ farmiq, a, b }) => {
    const result = await farmiq.graphql('mutation ($input: LoginInput!) { login(input: $input) { accessToken } }', {
      input: { email: a.session.email, password: a.session.password, tenantId: b.tenantId },
    });
    expect(errorCode(result)).toBe('FORBIDDEN');
  },
  // Takes a refresh token, a bearer secret of its own session, never an id.
  'Mutation.refreshSession': async ({ farmiq, a }) => {
    const result = await farmiq.graphql('mutation ($t: String) { refreshSession(refreshToken: $t) { viewer { tenant { id } } } }', {
      t: a.session.refreshToken,
    });
    expect(result.data!.refreshSession.viewer.tenant.id).toBe(a.tenantId);
  },
  'Mutation.logout': async ({ farmiq }) => expect((await farmiq.graphql('mutation { logout(refreshToken: "not-a-token") }')).data).toEqual({ logout: true }),
  'Mutation.changePassword': async ({ asA }) =>
    expect(errorCode(await asA('mutation { changePassword(currentPassword: "wrong one xx", newPassword: "whatever it is 99") }'))).toBe('BAD_USER_INPUT'),
  'Mutation.createTenant': async ({ asA }) => expect(errorCode(await asA('mutation { createTenant(input: { name: "Takeover" }) { id } }'))).toBe('FORBIDDEN'),
  'Mutation.inviteUser': ({ asA, b }) =>
    expectNotFound(
      asA('mutation ($t: ID) { inviteUser(input: { email: "spy@a.test", role: TENANT_ADMIN, tenantId: $t }) { temporaryPassword } }', { t: b.tenantId }),
    ),
  'Mutation.createFarm': async ({ asA, a }) => {
    const created = await asA('mutation { createFarm(input: { name: "A only", timeZone: "UTC" }) { tenant { id } } }');
    expect(created.data!.createFarm.tenant.id).toBe(a.tenantId);
  },
  'Mutation.placeBatch': ({ asA, b }) =>
    expectNotFound(
      asA('mutation ($f: ID!) { placeBatch(input: { farmId: $f, species: PIG, placedOn: "2026-11-01", headCountPlaced: 5, placementWeightKg: 6 }) { id } }', {
        f: b.farmId,
      }),
    ),
  // Every record names a batch: B's batch is NOT_FOUND, and B's KPIs (in the snapshot) do not move.
  'Mutation.recordMortality': ({ asA, b }) =>
    expectNotFound(
      asA('mutation ($id: ID!) { recordMortality(input: { batchId: $id, occurredOn: "2026-11-05", kind: DEAD, headCount: 50 }) { id } }', { id: b.batchId }),
    ),
  'Mutation.recordFeed': ({ asA, b }) =>
    expectNotFound(asA('mutation ($id: ID!) { recordFeed(input: { batchId: $id, recordedOn: "2026-11-05", feedKg: 900 }) { id } }', { id: b.batchId })),
  'Mutation.recordWater': ({ asA, b }) =>
    expectNotFound(asA('mutation ($id: ID!) { recordWater(input: { batchId: $id, recordedOn: "2026-11-05", waterLitres: 900 }) { id } }', { id: b.batchId })),
  'Mutation.recordHealth': ({ asA, b }) =>
    expectNotFound(
      asA('mutation ($id: ID!) { recordHealth(input: { batchId: $id, recordedOn: "2026-11-05", sickCount: 90, treatedCount: 90 }) { id } }', { id: b.batchId }),
    ),
  'Mutation.recordDepletion': ({ asA, b }) =>
    expectNotFound(
      asA('mutation ($id: ID!) { recordDepletion(input: { batchId: $id, depletedOn: "2026-11-05", headCount: 10, totalLiveWeightKg: 20 }) { id } }', {
        id: b.batchId,
      }),
    ),
  'Mutation.recordWeighSession': ({ asA, b }) =>
    expectNotFound(asA('mutation ($id: ID!) { recordWeighSession(batchId: $id, weightsKg: [9.9, 9.9], weighedOn: "2026-11-09") { id } }', { id: b.batchId })),
  'Query.weighSession': ({ asA, b }) => expectNotFound(asA('query ($id: ID!) { weighSession(id: $id) { weightsKg } }', { id: b.weighSessionId })),
  'Query.weighSessionChangeEvents': ({ asA, b }) =>
    expectNotFound(
      asA('query ($e: [WeighSessionChangeEventInput!]!) { weighSessionChangeEvents(events: $e) { weightsKg } }', { e: [{ sessionId: b.weighSessionId }] }),
    ),
  'Mutation.openWeighSession': ({ asA, b }) =>
    expectNotFound(asA('mutation ($id: ID!) { openWeighSession(input: { batchId: $id, source: MANUAL, weighedOn: "2026-11-09" }) { id } }', { id: b.batchId })),
  // B's session stays OPEN with its one weight (SNAPSHOT_OF_B).
  'Mutation.recordSessionWeights': ({ asA, b }) =>
    expectNotFound(asA('mutation ($id: ID!) { recordSessionWeights(sessionId: $id, weightsKg: [9.9]) { id } }', { id: b.weighSessionId })),
  'Mutation.finalizeWeighSession': ({ asA, b }) =>
    expectNotFound(asA('mutation ($id: ID!) { finalizeWeighSession(sessionId: $id) { id } }', { id: b.weighSessionId })),
  'Mutation.cancelWeighSession': ({ asA, b }) =>
    expectNotFound(asA('mutation ($id: ID!) { cancelWeighSession(sessionId: $id) { id } }', { id: b.weighSessionId })),
  // Names no id: A's curve for B's breed is A's alone; B's target weight (in the snapshot) stays.
  'Mutation.setTargetCurve': async ({ asA }) => {
    const set = await asA(
      'mutation { setTargetCurve(input: { species: BROILER, breed: "Ross 308", points: [{ dayOfAge: 0, weightKg: 5 }, { dayOfAge: 20, weightKg: 50 }] }) { breed } }',
    );
    expect(set.data!.setTargetCurve.breed).toBe('Ross 308');
  },
  'Mutation.createAlertRule': ({ asA, b }) =>
    expectNotFound(
      asA('mutation ($b: ID!) { createAlertRule(input: { barnId: $b, metric: "ammoniaPpm", comparison: ABOVE, threshold: 1 }) { id } }', { b: b.barnId }),
    ),
  'Mutation.updateAlertRule': ({ asA, b }) =>
    expectNotFound(asA('mutation ($id: ID!) { updateAlertRule(id: $id, input: { enabled: false }) { id } }', { id: b.alertRuleId })),
  'Mutation.deleteAlertRule': ({ asA, b }) => expectNotFound(asA('mutation ($id: ID!) { deleteAlertRule(id: $id) }', { id: b.alertRuleId })),
  'Mutation.acknowledgeAlert': ({ asA, b }) => expectNotFound(asA('mutation ($id: ID!) { acknowledgeAlert(id: $id) { id } }', { id: b.alertId })),
  'Query.alert': ({ asA, b }) => expectNotFound(asA('query ($id: ID!) { alert(id: $id) { status } }', { id: b.alertId })),
  'Query.alerts': ({ asA, b }) => expectNotFound(asA('query ($f: ID!) { alerts(farmId: $f) { nodes { id } } }', { f: b.farmId })),
  'Query.apiClients': async ({ asA, b }) => {
    const clients = (await asA('{ apiClients { id } }')).data!.apiClients as Array<{ id: string }>;
    expect(clients.map((client) => client.id)).not.toContain(b.apiClientId);
  },
  'Mutation.createApiClient': async ({ asA, a }) => {
    const created = await asA('mutation { createApiClient(input: { name: "A feed", scopes: [FARMS_READ] }) { client { id } clientSecret } }');
    const token = await asA('mutation ($id: ID!, $secret: String!) { issueClientToken(clientId: $id, clientSecret: $secret) { accessToken } }', {
      id: created.data!.createApiClient.client.id,
      secret: created.data!.createApiClient.clientSecret,
    });
    const claims = JSON.parse(Buffer.from(token.data!.issueClientToken.accessToken.split('.')[1], 'base64url').toString());
    expect(claims.tid).toBe(a.tenantId);
  },
  // Accounts: a tenant admin manages its own tenant's people only; tenants are the platform admin's.
  'Query.members': async ({ asA, b }) => expect(JSON.stringify((await asA('{ members { nodes { user { id } email } } }')).data)).not.toContain(b.memberUserId),
  'Query.tenants': async ({ asA }) => expect(errorCode(await asA('{ tenants { nodes { id } } }'))).toBe('FORBIDDEN'),
  'Query.auditLog': async ({ asA, b }) => {
    const log = await asA('{ auditLog(first: 100) { nodes { tenantId targetId } } }');
    expect(log.errors).toBeUndefined();
    expect(JSON.stringify(log.data)).not.toContain(b.tenantId);
  },
  'Query.auditLogCsv': async ({ asA, b }) => {
    const csv = await asA('{ auditLogCsv(since: "2000-01-01T00:00:00Z", until: "2100-01-01T00:00:00Z") }');
    expect(csv.errors).toBeUndefined();
    expect(csv.data!.auditLogCsv).not.toContain(b.tenantId);
  },
  'Mutation.changeMemberRole': ({ asA, b }) =>
    expectNotFound(asA('mutation ($u: ID!) { changeMemberRole(userId: $u, role: VIEWER) { role } }', { u: b.memberUserId })),
  'Mutation.disableMember': ({ asA, b }) => expectNotFound(asA('mutation ($u: ID!) { disableMember(userId: $u) { role } }', { u: b.memberUserId })),
  'Mutation.enableMember': ({ asA, b }) => expectNotFound(asA('mutation ($u: ID!) { enableMember(userId: $u) { role } }', { u: b.memberUserId })),
  'Mutation.removeMember': ({ asA, b }) => expectNotFound(asA('mutation ($u: ID!) { removeMember(userId: $u) }', { u: b.memberUserId })),
  'Mutation.sendInvitation': ({ asA, b }) =>
    expectNotFound(asA('mutation ($t: ID) { sendInvitation(input: { email: "spy2@a.test", role: TENANT_ADMIN, tenantId: $t }) { id } }', { t: b.tenantId })),
  'Mutation.suspendTenant': async ({ asA, b }) =>
    expect(errorCode(await asA('mutation ($id: ID!) { suspendTenant(id: $id) { id } }', { id: b.tenantId }))).toBe('FORBIDDEN'),
  'Mutation.reinstateTenant': async ({ asA, b }) =>
    expect(errorCode(await asA('mutation ($id: ID!) { reinstateTenant(id: $id) { id } }', { id: b.tenantId }))).toBe('FORBIDDEN'),
  // Account links: a guessed token opens nobody's account; asking for B's admin's reset answers as for anyone.
  'Mutation.acceptInvitation': async ({ farmiq }) =>
    expect(
      errorCode(
        await farmiq.graphql('mutation { acceptInvitation(token: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", newPassword: "a long new passphrase 42") }'),
      ),
    ).toBe('BAD_USER_INPUT'),
  'Mutation.resetPassword': async ({ farmiq }) =>
    expect(
      errorCode(
        await farmiq.graphql('mutation { resetPassword(token: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", newPassword: "a long new passphrase 42") }'),
      ),
    ).toBe('BAD_USER_INPUT'),
  'Mutation.requestPasswordReset': async ({ farmiq, b }) =>
    expect((await farmiq.graphql('mutation ($e: String!) { requestPasswordReset(email: $e) }', { e: b.adminEmail })).data).toEqual({
      requestPasswordReset: true,
    }),
  // Second factors are the caller's own; a login's challenge token is the only way into another account's second step.
  'Mutation.completeMfaLogin': async ({ farmiq }) =>
    expect(errorCode(await farmiq.graphql('mutation { completeMfaLogin(challengeToken: "guessed-token", totpCode: "123456") { accessToken } }'))).toBe(
      'UNAUTHENTICATED',
    ),
  'Mutation.startPasskeyLogin': async ({ farmiq }) =>
    expect(errorCode(await farmiq.graphql('mutation { startPasskeyLogin(challengeToken: "guessed-token") }'))).toBe('UNAUTHENTICATED'),
  'Mutation.startTotpEnrolment': async ({ farmiq }) =>
    expect(errorCode(await farmiq.graphql('mutation { startTotpEnrolment(challengeToken: "guessed-token") { secret } }'))).toBe('UNAUTHENTICATED'),
  'Mutation.confirmTotpEnrolment': async ({ farmiq }) =>
    expect(errorCode(await farmiq.graphql('mutation { confirmTotpEnrolment(totpCode: "123456", challengeToken: "guessed-token") { recoveryCodes } }'))).toBe(
      'UNAUTHENTICATED',
    ),
  'Mutation.disableTotp': async ({ asA }) => expect(errorCode(await asA('mutation { disableTotp(password: "x", code: "123456") }'))).toBe('CONFLICT'),
  'Mutation.regenerateRecoveryCodes': async ({ asA }) =>
    expect(errorCode(await asA('mutation { regenerateRecoveryCodes(password: "wrong password xx", code: "123456") }'))).toBe('BAD_USER_INPUT'),
  'Mutation.startPasskeyRegistration': async ({ asA, a, b }) => {
    const options = JSON.parse((await asA('mutation { startPasskeyRegistration }')).data!.startPasskeyRegistration);
    expect(options.user.name).toBe(a.session.email);
    expect(options.user.name).not.toBe(b.adminEmail);
  },
  'Mutation.finishPasskeyRegistration': async ({ asA }) =>
    expect(errorCode(await asA('mutation { finishPasskeyRegistration(name: "Mine", response: "{}") { passkey { id } } }'))).toBe('BAD_USER_INPUT'),
  'Mutation.removePasskey': ({ asA, b }) => expectNotFound(asA('mutation ($id: ID!) { removePasskey(id: $id, password: "x") }', { id: b.passkeyId })),
  'Mutation.setTenantMfaRequired': async ({ asA, a }) =>
    expect((await asA('mutation { setTenantMfaRequired(required: false) { id } }')).data!.setTenantMfaRequired.id).toBe(a.tenantId),
  // Notifications: channels, webhooks and escalation are per tenant.
  'Query.farmNotificationSettings': ({ asA, b }) =>
    expectNotFound(asA('query ($f: ID!) { farmNotificationSettings(farmId: $f) { __typename } }', { f: b.farmId })),
  'Query.myNotificationSubscriptions': async ({ asA, b }) =>
    expect(JSON.stringify((await asA('{ myNotificationSubscriptions { id } }')).data)).not.toContain(b.notificationSubscriptionId),
  'Query.webhookEndpoints': async ({ asA, b }) => expect(JSON.stringify((await asA('{ webhookEndpoints { id } }')).data)).not.toContain(b.webhookEndpointId),
  'Query.notificationDeliveries': async ({ asA, b }) => {
    const deliveries = await asA('{ notificationDeliveries { id alert { id } } }');
    expect(deliveries.errors).toBeUndefined();
    expect(JSON.stringify(deliveries.data)).not.toContain(b.alertId);
  },
  'Mutation.subscribeToAlerts': ({ asA, b }) =>
    expectNotFound(asA('mutation ($f: ID) { subscribeToAlerts(input: { channel: EMAIL, address: "spy@a.test", farmId: $f }) { id } }', { f: b.farmId })),
  'Query.webPushPublicKey': async ({ asA }) => expect((await asA('{ webPushPublicKey }')).data!.webPushPublicKey).toMatch(/^[A-Za-z0-9_-]{87}$/),
  'Mutation.registerPushSubscription': ({ asA, b }) =>
    expectNotFound(
      asA(
        'mutation ($f: ID, $k: String!) { registerPushSubscription(input: { endpoint: "https://b.example/push/spy", p256dh: $k, auth: "AAAAAAAAAAAAAAAAAAAAAA", farmId: $f }) { id } }',
        { f: b.farmId, k: browserKey() },
      ),
    ),
  // Takes B's endpoint, not an id: A removes nothing of B's.
  'Mutation.unregisterPushSubscription': async ({ asA, b, farmiq }) => {
    expect((await asA('mutation ($e: String!) { unregisterPushSubscription(endpoint: $e) }', { e: b.pushEndpoint })).data).toEqual({
      unregisterPushSubscription: false,
    });
    const [kept] = await farmiq.system.database!.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "telemetry"."notification_subscription" WHERE address = $1`,
      [b.pushEndpoint],
    );
    expect(kept!.n).toBe(1);
  },
  'Mutation.unsubscribeFromAlerts': ({ asA, b }) =>
    expectNotFound(asA('mutation ($id: ID!) { unsubscribeFromAlerts(id: $id) }', { id: b.notificationSubscriptionId })),
  'Mutation.createWebhookEndpoint': ({ asA, b }) =>
    expectNotFound(asA('mutation ($f: ID) { createWebhookEndpoint(input: { url: "https://spy.example/hook", farmId: $f }) { __typename } }', { f: b.farmId })),
  'Mutation.deleteWebhookEndpoint': ({ asA, b }) => expectNotFound(asA('mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) }', { id: b.webhookEndpointId })),
  'Mutation.enableWebhookEndpoint': ({ asA, b }) =>
    expectNotFound(asA('mutation ($id: ID!) { enableWebhookEndpoint(id: $id) { id } }', { id: b.webhookEndpointId })),
  'Mutation.setFarmSilenceThreshold': ({ asA, b }) =>
    expectNotFound(asA('mutation ($f: ID!) { setFarmSilenceThreshold(farmId: $f, gapMultiplier: 20) { __typename } }', { f: b.farmId })),
  'Mutation.setFarmEscalation': ({ asA, b }) =>
    expectNotFound(asA('mutation ($f: ID!) { setFarmEscalation(farmId: $f, escalateAfterMinutes: 5) { __typename } }', { f: b.farmId })),
  'Mutation.revokeApiClient': ({ asA, b }) => expectNotFound(asA('mutation ($id: ID!) { revokeApiClient(id: $id) { id } }', { id: b.apiClientId })),
  'Mutation.rotateApiClientSecret': ({ asA, b }) =>
    expectNotFound(asA('mutation ($id: ID!) { rotateApiClientSecret(id: $id) { clientSecret } }', { id: b.apiClientId })),
  // Tenant consent: B granted A's own API client its farm; A's admin still reads and revokes none of B's grants.
  'Query.partnerGrants': async ({ asA, b }) => {
    const grants = await asA('{ partnerGrants { id tenant { id } } }');
    expect(grants.errors).toBeUndefined();
    expect(JSON.stringify(grants.data)).not.toContain(b.partnerGrantId);
  },
  'Mutation.grantPartnerAccess': ({ asA, b }) =>
    expectNotFound(
      asA('mutation ($c: ID!, $f: [ID!]!) { grantPartnerAccess(input: { clientId: $c, farmIds: $f, scopes: [FARMS_READ] }) { id } }', {
        c: b.apiClientId,
        f: [b.farmId],
      }),
    ),
  'Mutation.revokePartnerAccess': ({ asA, b }) => expectNotFound(asA('mutation ($id: ID!) { revokePartnerAccess(id: $id) { id } }', { id: b.partnerGrantId })),
  // Partner webhooks are a partner client's own, never a tenant's people's: A's admin reaches none of them.
  'Query.partnerWebhooks': async ({ asA }) => expect(errorCode(await asA('{ partnerWebhooks { id } }'))).toBe('FORBIDDEN'),
  'Query.partnerWebhookDeliveries': async ({ asA }) => expect(errorCode(await asA('{ partnerWebhookDeliveries { id } }'))).toBe('FORBIDDEN'),
  'Mutation.createPartnerWebhook': async ({ asA }) =>
    expect(errorCode(await asA('mutation { createPartnerWebhook(input: { url: "https://spy.example/hook", events: [INVOICE_ISSUED] }) { secret } }'))).toBe(
      'FORBIDDEN',
    ),
  'Mutation.deletePartnerWebhook': async ({ asA }) =>
    expect(errorCode(await asA('mutation ($id: ID!) { deletePartnerWebhook(id: $id) }', { id: randomUUID() }))).toBe('FORBIDDEN'),
  'Mutation.setApiClientDocumentPolicy': ({ asA, b }) =>
    expectNotFound(asA('mutation ($id: ID!) { setApiClientDocumentPolicy(id: $id, requireRegisteredDocuments: true) { id } }', { id: b.apiClientId })),
  // Registered documents are an API client's own: A's client neither lists nor reads B's client's.
  'Query.registeredDocuments': async ({ farmiq, asA, b }) => {
    const documents = (await farmiq.as(await partnerTokenOf(asA))('{ registeredDocuments { id } }')).data!.registeredDocuments as Array<{ id: string }>;
    expect(documents.map((document) => document.id)).not.toContain(b.registeredDocumentId);
  },
  'Query.registeredDocument': async ({ farmiq, asA, b }) => {
    const result = await farmiq.as(await partnerTokenOf(asA))('query ($h: String!) { registeredDocument(sha256Hash: $h) { document } }', {
      h: b.registeredDocumentId,
    });
    expect(result).toEqual({ data: { registeredDocument: null } });
  },
  'Mutation.unregisterDocument': async ({ farmiq, asA, b }) => {
    const result = await farmiq.as(await partnerTokenOf(asA))('mutation ($h: String!) { unregisterDocument(sha256Hash: $h) }', { h: b.registeredDocumentId });
    expect(result).toEqual({ data: { unregisterDocument: false } });
  },
  'Mutation.registerDocument': async ({ asA }) =>
    expect(errorCode(await asA('mutation { registerDocument(document: "{ me { roles } }") { id } }'))).toBe('FORBIDDEN'),
  'Mutation.issueClientToken': async ({ farmiq, b }) => {
    const result = await farmiq.graphql('mutation ($id: ID!) { issueClientToken(clientId: $id, clientSecret: "guessed secret") { accessToken } }', {
      id: b.apiClientId,
    });
    expect(errorCode(result)).toBe('UNAUTHENTICATED');
  },
  'Query.barn': ({ asA, b }) => expectNotFound(asA('query ($id: ID!) { barn(id: $id) { name } }', { id: b.barnId })),
  'Query.device': ({ asA, b }) => expectNotFound(asA('query ($id: ID!) { device(id: $id) { serialNumber } }', { id: b.deviceId })),
  'Query.devices': async ({ asA, b }) => expect(JSON.stringify((await asA('{ devices { nodes { id } } }')).data)).not.toContain(b.deviceId),
  'Query.devicesWithCredentialsOlderThan': async ({ asA, b }) =>
    expect(JSON.stringify((await asA('{ devicesWithCredentialsOlderThan(olderThanDays: 1) { nodes { id } } }')).data)).not.toContain(b.deviceId),
  'Query.edgeGateway': ({ asA, b }) => expectNotFound(asA('query ($id: ID!) { edgeGateway(id: $id) { name } }', { id: b.gatewayId })),
  'Query.brokerAuthFiles': ({ asA, b }) => expectNotFound(asA('query ($id: ID!) { brokerAuthFiles(farmId: $id) { passwordFile } }', { id: b.farmId })),
  'Mutation.createBarn': ({ asA, b }) =>
    expectNotFound(asA('mutation ($f: ID!) { createBarn(input: { farmId: $f, name: "Squat", species: PIG, capacityHead: 5 }) { id } }', { f: b.farmId })),
  'Mutation.registerDevices': async ({ asA }) =>
    expect(errorCode(await asA('mutation { registerDevices(input: { devices: [{ serialNumber: "A-FACTORY-1", kind: SCALE }] }) { claimCode } }'))).toBe(
      'FORBIDDEN',
    ),
  // A tenant admin cannot make new labels, not even for B's device (which would let A claim it).
  'Mutation.reissueClaimCodes': async ({ asA, b }) =>
    expect(errorCode(await asA('mutation ($s: String!) { reissueClaimCodes(input: { serialNumbers: [$s] }) { claimCode } }', { s: b.deviceSerial }))).toBe(
      'FORBIDDEN',
    ),
  // B's device is claimed and its code spent; without the code A learns nothing of it.
  'Mutation.claimDevice': async ({ asA, b }) =>
    expect(
      errorCode(
        await asA('mutation ($s: String) { claimDevice(input: { serialNumber: $s, claimCode: "AAAA-AAAA-AAAA-AAAA-AAAA" }) { id } }', { s: b.deviceSerial }),
      ),
    ).toBe('BAD_USER_INPUT'),
  'Mutation.activateDevice': ({ asA, b }) =>
    expectNotFound(
      asA('mutation ($d: ID!, $b: ID!) { activateDevice(input: { deviceId: $d, barnId: $b, name: "Mine" }) { mqttPassword } }', { d: b.deviceId, b: b.barnId }),
    ),
  'Mutation.moveDevice': ({ asA, b }) =>
    expectNotFound(asA('mutation ($d: ID!, $b: ID!) { moveDevice(input: { deviceId: $d, barnId: $b }) { id } }', { d: b.deviceId, b: b.barnId })),
  'Mutation.rotateDeviceCredentials': ({ asA, b }) =>
    expectNotFound(asA('mutation ($d: ID!) { rotateDeviceCredentials(input: { deviceId: $d }) { mqttPassword } }', { d: b.deviceId })),
  'Mutation.revokeDevice': ({ asA, b }) => expectNotFound(asA('mutation ($d: ID!) { revokeDevice(deviceId: $d) { id } }', { d: b.deviceId })),
  'Mutation.registerEdgeGateway': ({ asA, b }) =>
    expectNotFound(asA('mutation ($f: ID!) { registerEdgeGateway(input: { farmId: $f, name: "Spy" }) { secret } }', { f: b.farmId })),
  'Mutation.rotateEdgeGatewayKey': ({ asA, b }) =>
    expectNotFound(asA('mutation ($g: ID!) { rotateEdgeGatewayKey(input: { gatewayId: $g }) { secret } }', { g: b.gatewayId })),
  'Mutation.revokeEdgeGateway': ({ asA, b }) => expectNotFound(asA('mutation ($g: ID!) { revokeEdgeGateway(gatewayId: $g) { id } }', { g: b.gatewayId })),
  'Query.readingSeries': ({ asA, b }) =>
    expectNotFound(
      asA(
        'query ($d: ID!) { readingSeries(deviceId: $d, metric: "temperatureC", from: "2026-11-01T00:00:00Z", to: "2026-11-02T00:00:00Z", interval: HOUR) { unit } }',
        { d: b.deviceId },
      ),
    ),
  'Query.readings': ({ asA, b }) =>
    expectNotFound(
      asA('query ($d: ID!) { readings(deviceId: $d, from: "2026-11-01T00:00:00Z", to: "2026-11-02T00:00:00Z") { nodes { value } } }', { d: b.deviceId }),
    ),
  'Query.readingsCsv': ({ asA, b }) =>
    expectNotFound(asA('query ($d: ID!) { readingsCsv(deviceId: $d, from: "2026-11-01T00:00:00Z", to: "2026-11-02T00:00:00Z") }', { d: b.deviceId })),
  'Mutation.subscribe': async ({ asA }) => expect(errorCode(await asA('mutation { subscribe(input: { plan: STARTER }) { tenant { id } } }'))).toBeUndefined(),
  // Billing: a tenant admin only ever reads and changes its own tenant's billing; what names B's
  // invoices or payments answers NOT_FOUND, even to a platform admin acting for A.
  'Query.invoice': ({ asA, b }) => expectNotFound(asA('query ($id: ID!) { invoice(id: $id) { number } }', { id: b.invoiceId })),
  'Query.invoices': async ({ asA, b }) => {
    const invoices = (await asA('{ invoices { id } }')).data!.invoices as Array<{ id: string }>;
    expect(invoices.map((invoice) => invoice.id)).not.toContain(b.invoiceId);
  },
  'Query.billingProfile': async ({ asA }) => expect((await asA('{ billingProfile { country } }')).data!.billingProfile).toBeNull(),
  'Query.previewPlanChange': async ({ asA }) => {
    const preview = await asA('{ previewPlanChange(input: { plan: PROFESSIONAL }) { lines { description } } }');
    expect(preview.data!.previewPlanChange.lines[0].description).toContain('STARTER'); // A's plan, not B's PROFESSIONAL
  },
  'Query.previewNextInvoice': async ({ asA }) => {
    const preview = await asA('{ previewNextInvoice { lines { description } } }');
    expect(preview.data!.previewNextInvoice.lines[0].description).toContain('STARTER');
  },
  // The price list holds no tenant's data; A's own subscription makes its subscribe preview a CONFLICT, whatever B has.
  'Query.plans': async ({ asA }) => expect((await asA('{ plans { code } }')).data!.plans).toHaveLength(3),
  'Query.previewSubscribe': async ({ asA }) =>
    expect(errorCode(await asA('{ previewSubscribe(input: { plan: PROFESSIONAL }) { total { amountMinor } } }'))).toBe('CONFLICT'),
  'Query.vatRates': async ({ asA }) =>
    expect((await asA('{ vatRates(country: "TH") { rateBasisPoints } }')).data!.vatRates).toEqual([{ rateBasisPoints: 700 }]),
  'Mutation.changePlan': async ({ asA, a }) => {
    const changed = await asA('mutation { changePlan(input: { plan: ENTERPRISE, idempotencyKey: "a-change" }) { subscription { tenant { id } } } }');
    expect(changed.data!.changePlan.subscription.tenant.id).toBe(a.tenantId);
  },
  'Mutation.cancelSubscription': async ({ asA, a }) => {
    const canceled = await asA('mutation { cancelSubscription(input: { atPeriodEnd: true, idempotencyKey: "a-cancel" }) { subscription { tenant { id } } } }');
    expect(canceled.data!.cancelSubscription.subscription.tenant.id).toBe(a.tenantId);
  },
  'Mutation.setBillingProfile': async ({ asA }) =>
    expect(errorCode(await asA('mutation { setBillingProfile(input: { country: "VN", currency: "USD" }) { country } }'))).toBeUndefined(),
  'Mutation.renewSubscription': async ({ asA }) =>
    expect(errorCode(await asA('mutation { renewSubscription(input: { idempotencyKey: "r" }) { invoice { id } } }'))).toBe('FORBIDDEN'),
  'Mutation.issueCreditNote': async ({ asA, a, b, farmiq }) => {
    const query = 'mutation ($id: ID!) { issueCreditNote(input: { invoiceId: $id, reason: "take over", idempotencyKey: "cn" }) { id } }';
    expect(errorCode(await asA(query, { id: b.invoiceId }))).toBe('FORBIDDEN');
    const platformForA = farmiq.as((await loginAsPlatformAdmin(farmiq, a.tenantId)).accessToken);
    await expectNotFound(platformForA(query, { id: b.invoiceId }));
  },
  'Mutation.recordPayment': async ({ a, b, farmiq }) => {
    const platformForA = farmiq.as((await loginAsPlatformAdmin(farmiq, a.tenantId)).accessToken);
    await expectNotFound(
      platformForA('mutation ($id: ID!) { recordPayment(input: { invoiceId: $id, amountMinor: 1, currency: "USD", reference: "x" }) { id } }', {
        id: b.invoiceId,
      }),
    );
  },
  'Mutation.refundPayment': async ({ asA, a, b, farmiq }) => {
    const query = 'mutation ($id: ID!) { refundPayment(input: { paymentId: $id, amountMinor: 1, reference: "x" }) { id } }';
    expect(errorCode(await asA(query, { id: b.paymentId }))).toBe('FORBIDDEN');
    const platformForA = farmiq.as((await loginAsPlatformAdmin(farmiq, a.tenantId)).accessToken);
    await expectNotFound(platformForA(query, { id: b.paymentId }));
  },
  'Mutation.recordUsage': async ({ asA, b }) =>
    expect(
      errorCode(
        await asA(
          'mutation ($t: ID!) { recordUsage(input: { tenantId: $t, kind: TELEMETRY_MESSAGES, usageKey: "spam", quantity: 999999, occurredAt: "2026-11-25T00:00:00Z" }) { recorded } }',
          { t: b.tenantId },
        ),
      ),
    ).toBe('FORBIDDEN'),
  'Mutation.setVatRate': async ({ asA }) =>
    expect(errorCode(await asA('mutation { setVatRate(input: { country: "TH", rateBasisPoints: 0, effectiveFrom: "2026-01-01" }) { country } }'))).toBe(
      'FORBIDDEN',
    ),
  'Mutation.setExchangeRate': async ({ asA }) =>
    expect(
      errorCode(await asA('mutation { setExchangeRate(input: { baseCurrency: "USD", quoteCurrency: "THB", rate: "1", asOf: "2026-01-01" }) { rate } }')),
    ).toBe('FORBIDDEN'),
};

const B_KPIS = `performance(asOf: "2026-11-20") { deadCount headCountAlive depletedCount feedKg waterLitres averageWeightKg { value } targetWeightKg { value } health { score { value } } }`;
const SNAPSHOT_OF_B = `{
  me { tenant { name farms { id name batches { id headCountPlaced ${B_KPIS} weighSessions { id status weightsKg } } batchRanking(asOf: "2026-11-20") { rank } alertRules { id threshold enabled }
    barns { name alertRules { id enabled } devices { nodes { id status name credentialsIssuedAt } } } edgeGateways { revokedAt keys { keyId validUntil revokedAt } } }
    activeSubscription { id plan cancelAtPeriodEnd currentPeriodEnd } } }
  billingProfile { country currency }
  invoices { id number total { amountMinor } amountPaid { amountMinor } payments { id amount { amountMinor } } }
}`;

/** Every operation's declared id checks, as the five subgraphs apply them. */
const ID_CHECKS: IdArgumentChecks = { ...billingIds, ...devicesIds, ...identityIds, ...kpiIds, ...telemetryIds };
/** ID arguments no tenant scopes (a login's tenant choice, a client id proven by its secret): their cases above say what they answer. */
const UNSCOPED = new Set(
  Object.entries(ID_CHECKS).flatMap(([operation, paths]) =>
    Object.entries(paths)
      .filter(([, check]) => 'unscoped' in check)
      .map(([path]) => `${operation}(${path})`),
  ),
);

/** The silence watcher's heartbeat is written by its first pass and moves with the clock, whatever requests do: left out. */
const PROCESS_CLOCKS = new Set(['telemetry.presence_watch']);

/** Each table's row count and a digest of its rows: equal before and after means nothing was written. */
async function fingerprintOfAllTables(farmiq: TestSystem): Promise<Record<string, string>> {
  const sql = farmiq.system.database!.sql;
  const tables = await sql.query<{ name: string }>(
    `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables WHERE schemaname IN ('identity', 'devices', 'telemetry', 'kpi', 'billing') ORDER BY 1`,
  );
  const fingerprint: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await sql.query<{ rows: string; digest: string | null }>(
      `SELECT count(*)::text AS rows, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM ${name} t`,
    );
    if (!PROCESS_CLOCKS.has(name)) fingerprint[name] = `${row!.rows} ${row!.digest ?? ''}`;
  }
  return fingerprint;
}

const ALERTS_OF_B = 'query ($f: ID!) { alerts(farmId: $f) { nodes { id status acknowledgedAt } } }';

describe.each(backends())('tenant isolation on %s', (backend) => {
  let farmiq: TestSystem;
  let a: { session: Session & { email: string; password: string }; tenantId: string };
  /** A's own ids by kind, for the walk's other ID arguments. */
  let own: Record<string, string>;
  let asB: TestSystem['graphql'];
  let b: Foreign;
  let before: { snapshot: unknown; alerts: unknown };

  beforeAll(async () => {
    // b.example is a reserved name that resolves nowhere: the operator's allow-list lets its webhook be registered.
    farmiq = await startTestSystem(backend, { WEBHOOK_ALLOWED_HOSTS: 'b.example' });
    const tenantA = await tenantWithAdmin(farmiq, 'Tenant A');
    a = { session: tenantA.admin, tenantId: tenantA.tenantId };
    const asA = farmiq.as(tenantA.admin.accessToken);
    const farmOfA = (await asA('mutation { createFarm(input: { name: "A South", timeZone: "UTC" }) { id } }')).data!.createFarm.id;
    const barnOfA = (await asA('mutation ($f: ID!) { createBarn(input: { farmId: $f, name: "A1", species: PIG, capacityHead: 50 }) { id } }', { f: farmOfA }))
      .data!.createBarn.id;
    const platformAdmin = farmiq.as((await loginAsPlatformAdmin(farmiq)).accessToken);
    const labelOfA = (
      await platformAdmin('mutation { registerDevices(input: { devices: [{ serialNumber: "A-DEVICE-1", kind: CLIMATE }] }) { device { id } claimLink } }')
    ).data!.registerDevices[0];
    await asA('mutation ($l: String) { claimDevice(input: { claimLink: $l }) { id } }', { l: labelOfA.claimLink });
    own = { farm: farmOfA, barn: barnOfA, device: labelOfA.device.id, tenant: tenantA.tenantId };
    const tenantB = await tenantWithAdmin(farmiq, 'Tenant B');
    asB = farmiq.as(tenantB.admin.accessToken);
    const farmId = (await asB('mutation { createFarm(input: { name: "B North", timeZone: "Asia/Bangkok" }) { id } }')).data!.createFarm.id;
    const batchId = (
      await asB(
        'mutation ($f: ID!) { placeBatch(input: { farmId: $f, species: BROILER, breed: "Ross 308", placedOn: "2026-11-01", headCountPlaced: 100, placementWeightKg: 0.04 }) { id } }',
        { f: farmId },
      )
    ).data!.placeBatch.id;
    await asB(
      'mutation { setTargetCurve(input: { species: BROILER, breed: "Ross 308", points: [{ dayOfAge: 0, weightKg: 0.04 }, { dayOfAge: 10, weightKg: 0.3 }] }) { breed } }',
    );
    await asB('mutation ($id: ID!) { recordWeighSession(batchId: $id, weightsKg: [0.28, 0.3], weighedOn: "2026-11-08") { id } }', { id: batchId });
    await asB('mutation ($id: ID!) { recordFeed(input: { batchId: $id, recordedOn: "2026-11-02", feedKg: 30 }) { id } }', { id: batchId });
    const weighSessionId = (
      await asB('mutation ($id: ID!) { openWeighSession(input: { batchId: $id, source: MANUAL, weighedOn: "2026-11-09" }) { id } }', { id: batchId })
    ).data!.openWeighSession.id;
    await asB('mutation ($id: ID!) { recordSessionWeights(sessionId: $id, weightsKg: [0.31]) { id } }', { id: weighSessionId });
    await asB('mutation { setBillingProfile(input: { country: "SG", currency: "USD" }) { country } }');
    const subscribed = (await asB('mutation { subscribe(input: { plan: PROFESSIONAL, idempotencyKey: "b-start" }) { id invoices { id } } }')).data!.subscribe;
    const subscriptionId = subscribed.id;
    const invoiceId = subscribed.invoices[0].id;
    const platformForB = farmiq.as((await loginAsPlatformAdmin(farmiq, tenantB.tenantId)).accessToken);
    const paymentId = (
      await platformForB('mutation ($id: ID!) { recordPayment(input: { invoiceId: $id, amountMinor: 1000, currency: "USD", reference: "b-pay" }) { id } }', {
        id: invoiceId,
      })
    ).data!.recordPayment.id;
    const apiClientId = (await asB('mutation { createApiClient(input: { name: "B partner", scopes: [FARMS_READ] }) { client { id } } }')).data!.createApiClient
      .client.id;
    const registeredDocumentId = (await farmiq.as(await partnerTokenOf(asB))('mutation { registerDocument(document: "query BOnly { me { roles } }") { id } }'))
      .data!.registerDocument.id as string;
    const barnId = (
      await asB('mutation ($f: ID!) { createBarn(input: { farmId: $f, name: "B1", species: BROILER, capacityHead: 100 }) { id } }', { f: farmId })
    ).data!.createBarn.id;
    const alertRuleId = (
      await asB('mutation ($b: ID!) { createAlertRule(input: { barnId: $b, metric: "temperatureC", comparison: ABOVE, threshold: 32 }) { id } }', { b: barnId })
    ).data!.createAlertRule.id;
    // An alert of B's barn, as the evaluator stores it (ammonia over 25 ppm).
    const [{ id: alertId }] = await farmiq.system.database!.sql.query<{ id: string }>(
      `INSERT INTO "telemetry"."alert" (id, tenant_id, farm_id, barn_id, built_in, source, metric, comparison, threshold, raised_at, peak_value, last_value)
       VALUES (gen_random_uuid(), $1, $2, $3, 'AMMONIA_HIGH', 'AMMONIA_HIGH', 'ammoniaPpm', 'ABOVE', 25, now(), 30, 30) RETURNING id::text AS id`,
      [tenantB.tenantId, farmId, barnId],
    );
    const platform = farmiq.as((await loginAsPlatformAdmin(farmiq)).accessToken);
    const label = (
      await platform(
        'mutation { registerDevices(input: { devices: [{ serialNumber: "B-DEVICE-1", kind: CLIMATE }] }) { device { id serialNumber } claimLink } }',
      )
    ).data!.registerDevices[0];
    await asB('mutation ($l: String) { claimDevice(input: { claimLink: $l }) { id } }', { l: label.claimLink });
    await asB('mutation ($d: ID!, $b: ID!) { activateDevice(input: { deviceId: $d, barnId: $b, name: "B climate" }) { mqttPassword } }', {
      d: label.device.id,
      b: barnId,
    });
    const gatewayId = (await asB('mutation ($f: ID!) { registerEdgeGateway(input: { farmId: $f, name: "B edge" }) { gateway { id } } }', { f: farmId })).data!
      .registerEdgeGateway.gateway.id;
    const memberUserId = (await asB('{ me { user { id } } }')).data!.me.user.id as string;
    const notificationSubscriptionId = (
      await asB('mutation ($f: ID) { subscribeToAlerts(input: { channel: EMAIL, address: "b-admin@b.test", farmId: $f }) { id } }', { f: farmId })
    ).data!.subscribeToAlerts.id;
    const webhookEndpointId = (await asB('mutation { createWebhookEndpoint(input: { url: "https://b.example/hook" }) { endpoint { id } } }')).data!
      .createWebhookEndpoint.endpoint.id;
    const pushEndpoint = (
      await asB(
        'mutation ($k: String!) { registerPushSubscription(input: { endpoint: "https://b.example/push/b-phone", p256dh: $k, auth: "AAAAAAAAAAAAAAAAAAAAAA" }) { address } }',
        { k: browserKey() },
      )
    ).data!.registerPushSubscription.address as string;
    // A passkey of B's admin, as registration stores it (the walk needs its id, not a working key).
    const [{ id: passkeyId }] = await farmiq.system.database!.sql.query<{ id: string }>(
      `INSERT INTO "identity"."passkey" (id, user_id, credential_id, public_key, name) VALUES (gen_random_uuid(), $1, 'b-credential', 'AA', 'B key') RETURNING id::text AS id`,
      [memberUserId],
    );
    // B lets A's own API client read B's farm: what A's people may do must not grow with it.
    const clientOfA = (await asA('mutation { createApiClient(input: { name: "A partner", scopes: [FARMS_READ] }) { client { id } } }')).data!.createApiClient
      .client.id;
    own.apiClient = clientOfA;
    const granted = await asB('mutation ($c: ID!, $f: ID!) { grantPartnerAccess(input: { clientId: $c, farmIds: [$f], scopes: [FARMS_READ] }) { id } }', {
      c: clientOfA,
      f: farmId,
    });
    if (!granted.data) throw new Error(JSON.stringify(granted.errors));
    const partnerGrantId = granted.data.grantPartnerAccess.id;
    b = {
      passkeyId: passkeyId!,
      partnerGrantId,
      registeredDocumentId,
      weighSessionId,
      adminEmail: tenantB.admin.email,
      memberUserId,
      notificationSubscriptionId,
      webhookEndpointId,
      pushEndpoint,
      apiClientId,
      tenantId: tenantB.tenantId,
      farmId,
      batchId,
      alertRuleId,
      alertId: alertId!,
      subscriptionId,
      invoiceId,
      paymentId,
      barnId,
      deviceId: label.device.id,
      deviceSerial: label.device.serialNumber,
      gatewayId,
    };
    before = { snapshot: await asB(SNAPSHOT_OF_B), alerts: await asB(ALERTS_OF_B, { f: farmId }) };
    expect(before.snapshot).toMatchObject({ data: { billingProfile: { country: 'SG' }, invoices: [{ amountPaid: { amountMinor: 1000 } }] } });
    expect((before.snapshot as { errors?: unknown }).errors).toBeUndefined();
  }, 240_000);
  afterAll(async () => {
    await farmiq?.stop();
  });

  it('has a case for every query and mutation of the public API', () => {
    const schema = buildSchema(fs.readFileSync(API_SCHEMA_PATH, 'utf8'));
    const operations = ['Query', 'Mutation'].flatMap((type) => Object.keys((schema.getType(type) as any).getFields()).map((field) => `${type}.${field}`));
    expect(operations.sort()).toEqual(Object.keys(CASES).sort());
  });

  it.each(Object.keys(CASES))('keeps tenant B out of reach of tenant A through %s', async (operation) => {
    await CASES[operation]!({ asA: farmiq.as(a.session.accessToken), a, b, farmiq });
  });

  it('answers NOT_FOUND to another tenant’s id and to an unknown one in every ID argument of every operation, and changes nothing', async () => {
    const foreign: Record<string, string> = {
      farm: b.farmId,
      barn: b.barnId,
      device: b.deviceId,
      batch: b.batchId,
      invoice: b.invoiceId,
      payment: b.paymentId,
      gateway: b.gatewayId,
      tenant: b.tenantId,
      apiClient: b.apiClientId,
      alert: b.alertId,
      alertRule: b.alertRuleId,
      subscription: b.subscriptionId,
      member: b.memberUserId,
      notificationSubscription: b.notificationSubscriptionId,
      webhookEndpoint: b.webhookEndpointId,
      partnerGrant: b.partnerGrantId,
      weighSession: b.weighSessionId,
      passkey: b.passkeyId,
    };
    const asA = farmiq.as(a.session.accessToken);
    const platformForA = farmiq.as((await loginAsPlatformAdmin(farmiq, a.tenantId)).accessToken);
    const tablesBefore = await fingerprintOfAllTables(farmiq);
    // The other ids of a call are A's own, so only the probed one can be refused; a kind A has none of fails here.
    const ownId = (kind: string) => own[kind] ?? fail(`the walk needs an own ${kind} of tenant A (see beforeAll)`);
    const probes = idProbes(buildSchema(fs.readFileSync(API_SCHEMA_PATH, 'utf8')), ownId);
    const answers: string[] = [];
    const expected: string[] = [];
    for (const probe of probes.filter((probe) => !UNSCOPED.has(`${probe.operation}(${probe.path})`))) {
      const send = async (caller: TestSystem['graphql'], id: string) => {
        const { query, variables } = probe.call(id);
        return errorCode(await caller(query, variables)) ?? 'answered';
      };
      // A's tenant admin, or the platform admin acting for A where only a platform admin may call.
      let caller = asA;
      let unknown = await send(caller, randomUUID());
      if (unknown === 'FORBIDDEN') [caller, unknown] = [platformForA, await send(platformForA, randomUUID())];
      // A platform admin acts for every tenant: a tenant id is foreign to it only when it does not exist.
      const foreignId = caller === platformForA && probe.kind === 'tenant' ? randomUUID() : foreign[probe.kind]!;
      answers.push(
        `${probe.operation}(${probe.path}): foreign ${await send(caller, foreignId)}, unknown ${unknown}, malformed ${await send(caller, 'not-an-id')}`,
      );
      expected.push(`${probe.operation}(${probe.path}): foreign NOT_FOUND, unknown NOT_FOUND, malformed BAD_USER_INPUT`);
    }
    expect(answers).toEqual(expected);
    expect(answers.length).toBeGreaterThanOrEqual(40);
    expect(await fingerprintOfAllTables(farmiq)).toEqual(tablesBefore);
  }, 240_000);

  it('refuses a barn of another farm than the one given, and places nothing', async () => {
    const asA = farmiq.as(a.session.accessToken);
    const otherFarm = (await asA('mutation { createFarm(input: { name: "A East", timeZone: "UTC" }) { id } }')).data!.createFarm.id;
    const place =
      'mutation ($f: ID!, $b: ID) { placeBatch(input: { farmId: $f, barnId: $b, species: PIG, placedOn: "2026-11-01", headCountPlaced: 5, placementWeightKg: 6 }) { id } }';
    await expectNotFound(asA(place, { f: otherFarm, b: own.barn }));
    await expectNotFound(asA(place, { f: b.farmId, b: own.barn }));
    await expectNotFound(asA(place, { f: own.farm, b: b.barnId }));
    const batches = await asA('query ($f: ID!) { farm(id: $f) { batches { id } } }', { f: otherFarm });
    expect(batches.data!.farm.batches).toEqual([]);
    const placed = await asA(place, { f: own.farm, b: own.barn });
    expect(errorCode(placed)).toBeUndefined();
  });

  it('resolves none of B’s entities for A, even when asked directly at each subgraph', async () => {
    const entities: Array<[string, string, string]> = [
      ['identity', 'Tenant', b.tenantId],
      ['devices', 'Farm', b.farmId],
      ['devices', 'Barn', b.barnId],
      ['devices', 'Device', b.deviceId],
      ['devices', 'EdgeGateway', b.gatewayId],
      ['kpi', 'Batch', b.batchId],
      ['telemetry', 'AlertRule', b.alertRuleId],
      ['telemetry', 'Alert', b.alertId],
      ['billing', 'BillingSubscription', b.subscriptionId],
    ];
    for (const [subgraph, typename, id] of entities) {
      const response = await fetch(`http://127.0.0.1:${farmiq.system.ports[subgraph as 'identity']}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${a.session.accessToken}` },
        body: JSON.stringify({
          query: `query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }`,
          variables: { r: [{ __typename: typename, id }] },
        }),
      });
      expect({ subgraph, body: await response.json() }).toEqual({ subgraph, body: { data: { _entities: [null] } } });
    }
  });

  it('left everything of B as it was', async () => {
    // The snapshot holds B's real KPIs: 2 animals weighed on day 7 against B's own curve, 0.04 + 0.26 × 7/10 = 0.222 kg.
    const batchOfB = (before as any).snapshot.data.me.tenant.farms[0].batches[0].performance;
    expect(batchOfB.targetWeightKg.value).toBeCloseTo(0.222, 9);
    expect(batchOfB.feedKg).toBe(30);
    expect({ snapshot: await asB(SNAPSHOT_OF_B), alerts: await asB(ALERTS_OF_B, { f: b.farmId }) }).toEqual(before);
  });
});

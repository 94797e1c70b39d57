import fs from 'node:fs';
import { DASHBOARD_MANIFEST_PATH, documentIdOf } from '../supergraph/trustedDocuments/documentIds';
import { backends } from './support/postgres';
import { tenantWithAdmin } from './support/sessions';
import { errorCode, startTestSystem, type GraphQLResponse, type TestSystem } from './support/testSystem';

/**
 * Trusted documents against the whole system in production: browser sessions run the documents
 * the dashboard was built with (codegen's manifest) and nothing else; API clients send any
 * document, or register their own, and a tenant admin can lock a client to its registered ones.
 */
jest.setTimeout(120_000);

const MANIFEST = JSON.parse(fs.readFileSync(DASHBOARD_MANIFEST_PATH, 'utf8')) as Record<string, string>;
/** The dashboard's Viewer query: its id (hex) and its text, as the build registered it. */
const VIEWER = Object.entries(MANIFEST).find(([, text]) => text.startsWith('query Viewer '))!;
const VIEWER_ID = VIEWER[0].replace('sha256:', '');
const byId = (id: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: id } } });

describe('trusted documents in production', () => {
  const backend = backends().at(-1)!;
  let farmiq: TestSystem;
  let admin: TestSystem['graphql'];
  let tenantName: string;
  let sessionCookie: string;
  let adminAccessToken: string;

  /** POSTs a raw body to /graphql: the status and the parsed answer. */
  async function post(body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<{ status: number; result: GraphQLResponse }> {
    const response = await fetch(farmiq.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, result: (await response.json()) as GraphQLResponse };
  }

  async function newPartner(): Promise<{ clientId: string; token: string; secret: string }> {
    const created = await admin('mutation { createApiClient(input: { name: "Integrator", scopes: [FARMS_READ] }) { client { id } clientSecret } }');
    const clientId = created.data!.createApiClient.client.id as string;
    const secret = created.data!.createApiClient.clientSecret as string;
    return { clientId, secret, token: await tokenOf(clientId, secret) };
  }
  async function tokenOf(clientId: string, secret: string): Promise<string> {
    const issued = await farmiq.graphql('mutation ($id: ID!, $s: String!) { issueClientToken(clientId: $id, clientSecret: $s) { accessToken } }', {
      id: clientId,
      s: secret,
    });
    expect(issued.errors).toBeUndefined();
    return issued.data!.issueClientToken.accessToken;
  }

  beforeAll(async () => {
    farmiq = await startTestSystem(backend, { NODE_ENV: 'production' });
    tenantName = 'Trusted Farms';
    const tenant = await tenantWithAdmin(farmiq, tenantName);
    admin = farmiq.as(tenant.admin.accessToken);
    adminAccessToken = tenant.admin.accessToken;
    await admin('mutation { createFarm(input: { name: "Hill Site", timeZone: "Europe/Madrid" }) { id } }');
    // The browser's way in: a login that sets the HttpOnly session cookies.
    const login = await fetch(farmiq.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation ($i: LoginInput!) { login(input: $i) { viewer { roles } } }',
        variables: { i: { email: tenant.admin.email, password: tenant.admin.password, useCookies: true } },
      }),
    });
    const cookies = login.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!);
    expect(cookies.some((cookie) => cookie.startsWith('__Host-farmiq_access='))).toBe(true);
    sessionCookie = cookies.join('; ');
  }, 120_000);
  afterAll(() => farmiq?.stop());

  it('refuses a document the dashboard was not built with from a browser session, with DOCUMENT_NOT_REGISTERED', async () => {
    const { status, result } = await post({ query: '{ me { tenant { name } } }' }, { cookie: sessionCookie });
    expect(status).toBe(400);
    expect(errorCode(result)).toBe('DOCUMENT_NOT_REGISTERED');
    expect(result.data).toBeUndefined();
  });

  it("runs the dashboard's registered document for the browser session by its id, and by its exact text", async () => {
    const { status, result } = await post(byId(VIEWER_ID), { cookie: sessionCookie });
    expect(status).toBe(200);
    expect(result.errors).toBeUndefined();
    expect(result.data!.me.tenant.name).toBe(tenantName);
    expect((await post({ query: VIEWER[1] }, { cookie: sessionCookie })).result.data!.me.tenant.name).toBe(tenantName);
  });

  it('answers an unknown id with PERSISTED_QUERY_NOT_FOUND and a malformed one with BAD_REQUEST', async () => {
    expect(errorCode((await post(byId('0'.repeat(64)), { cookie: sessionCookie })).result)).toBe('PERSISTED_QUERY_NOT_FOUND');
    const malformed = await post(byId('not-a-hash'), { cookie: sessionCookie });
    expect([malformed.status, errorCode(malformed.result)]).toEqual([400, 'BAD_REQUEST']);
  });

  it('lets a partner client send any document within the limits', async () => {
    const partner = await newPartner();
    const result = await farmiq.as(partner.token)('{ me { tenant { farms { name } } } }');
    expect(result.data).toEqual({ me: { tenant: { farms: [{ name: 'Hill Site' }] } } });
  });

  it('lets a partner register a document and send its id; another client cannot use that id', async () => {
    const partner = await newPartner();
    const text = 'query FarmNames { me { tenant { farms { name } } } }';
    const registered = await farmiq.as(partner.token)('mutation ($d: String!) { registerDocument(document: $d) { id operationName } }', { d: text });
    // The id is the SHA-256 of the text, worked out here independently of the API.
    expect(registered.data!.registerDocument).toEqual({ id: documentIdOf(text), operationName: 'FarmNames' });
    const again = await farmiq.as(partner.token)('mutation ($d: String!) { registerDocument(document: $d) { id } }', { d: text });
    expect(again.data!.registerDocument.id).toBe(documentIdOf(text));

    const bearer = { authorization: `Bearer ${partner.token}` };
    expect((await post(byId(documentIdOf(text)), bearer)).result.data).toEqual({ me: { tenant: { farms: [{ name: 'Hill Site' }] } } });
    const other = await newPartner();
    expect(errorCode((await post(byId(documentIdOf(text)), { authorization: `Bearer ${other.token}` })).result)).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(errorCode(await farmiq.as(partner.token)('mutation { registerDocument(document: "query {") { id } }'))).toBe('BAD_USER_INPUT');
  });

  it('refuses unregistered documents from a client its tenant admin locked, and runs its registered ones', async () => {
    const partner = await newPartner();
    const text = 'query LockedFarms { me { tenant { farms { name } } } }';
    await farmiq.as(partner.token)('mutation ($d: String!) { registerDocument(document: $d) { id } }', { d: text });
    const locked = await admin('mutation ($id: ID!) { setApiClientDocumentPolicy(id: $id, requireRegisteredDocuments: true) { requireRegisteredDocuments } }', {
      id: partner.clientId,
    });
    expect(locked.data).toEqual({ setApiClientDocumentPolicy: { requireRegisteredDocuments: true } });

    // The token issued before the switch stops working; the next one carries the policy.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(errorCode(await farmiq.as(partner.token)(text))).toBe('UNAUTHENTICATED');
    const token = await tokenOf(partner.clientId, partner.secret);
    const bearer = { authorization: `Bearer ${token}` };

    const unregistered = await post({ query: '{ me { tenant { name } } }' }, bearer);
    expect([unregistered.status, errorCode(unregistered.result)]).toEqual([400, 'DOCUMENT_NOT_REGISTERED']);
    // Not the dashboard's documents either: the client's own only.
    expect(errorCode((await post(byId(VIEWER_ID), bearer)).result)).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post(byId(documentIdOf(text)), bearer)).result.data).toEqual({ me: { tenant: { farms: [{ name: 'Hill Site' }] } } });
    expect((await post({ query: text }, bearer)).result.data).toEqual({ me: { tenant: { farms: [{ name: 'Hill Site' }] } } });
  });

  it('keeps the switch for tenant admins: a partner cannot lock or unlock a client', async () => {
    const partner = await newPartner();
    const result = await farmiq.as(partner.token)('mutation ($id: ID!) { setApiClientDocumentPolicy(id: $id, requireRegisteredDocuments: false) { id } }', {
      id: partner.clientId,
    });
    expect(errorCode(result)).toBe('FORBIDDEN');
  });

  it('records document registrations, removals and policy changes in the audit log with the actor, the tenant, the target and the request id', async () => {
    const partner = await newPartner();
    const text = 'query AuditedFarms { me { tenant { farms { name } } } }';
    const id = documentIdOf(text);
    const as = (token: string, requestId: string, query: string, variables: Record<string, unknown>) =>
      post({ query, variables }, { authorization: `Bearer ${token}`, 'x-request-id': requestId });

    await as(partner.token, 'audit-register-1', 'mutation ($d: String!) { registerDocument(document: $d) { id } }', { d: text });
    // The same text again changes nothing, so it records nothing.
    await as(partner.token, 'audit-register-2', 'mutation ($d: String!) { registerDocument(document: $d) { id } }', { d: text });
    const removed = await as(partner.token, 'audit-unregister-1', 'mutation ($h: String!) { unregisterDocument(sha256Hash: $h) }', { h: id.toUpperCase() });
    expect(removed.result.data).toEqual({ unregisterDocument: true });
    expect((await as(partner.token, 'audit-unregister-2', 'mutation ($h: String!) { unregisterDocument(sha256Hash: $h) }', { h: id })).result.data).toEqual({
      unregisterDocument: false,
    });
    // Gone: its id no longer runs.
    expect(errorCode((await post(byId(id), { authorization: `Bearer ${partner.token}` })).result)).toBe('PERSISTED_QUERY_NOT_FOUND');

    const me = await admin('{ me { user { id } tenant { id } } }');
    const adminId = me.data!.me.user.id as string;
    const tenantId = me.data!.me.tenant.id as string;
    const policy = await fetch(farmiq.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminAccessToken}`, 'x-request-id': 'audit-policy-1' },
      body: JSON.stringify({
        query: 'mutation ($id: ID!) { setApiClientDocumentPolicy(id: $id, requireRegisteredDocuments: true) { id } }',
        variables: { id: partner.clientId },
      }),
    });
    expect(((await policy.json()) as GraphQLResponse).errors).toBeUndefined();

    const records = async (action: string) =>
      (
        (await admin(`{ auditLog(action: ${action}, first: 50) { nodes { actorId actorKind tenantId targetType targetId requestId } } }`)).data!.auditLog
          .nodes as Array<Record<string, string>>
      ).filter((record) => record.targetId === id || record.targetId === partner.clientId);
    expect(await records('DOCUMENT_REGISTERED')).toEqual([
      { actorId: partner.clientId, actorKind: 'client', tenantId, targetType: 'RegisteredDocument', targetId: id, requestId: 'audit-register-1' },
    ]);
    expect(await records('DOCUMENT_UNREGISTERED')).toEqual([
      { actorId: partner.clientId, actorKind: 'client', tenantId, targetType: 'RegisteredDocument', targetId: id, requestId: 'audit-unregister-1' },
    ]);
    expect(await records('API_CLIENT_DOCUMENT_POLICY_CHANGED')).toEqual([
      { actorId: adminId, actorKind: 'user', tenantId, targetType: 'ApiClient', targetId: partner.clientId, requestId: 'audit-policy-1' },
    ]);
  });
});

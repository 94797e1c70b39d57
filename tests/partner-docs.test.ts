import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { builtInputsHash, documentText, inputsHash, readExample, readRequest } from '../docs/build';
import { loadConfig } from '../lib/config';
import { ErrorCode } from '../lib/errors';
import { DEFAULT_PLAN_API_LIMITS } from '../subgraphs/billing/money/planApiLimits';
import { documentIdOf } from '../supergraph/trustedDocuments/documentIds';
import { backends } from './support/postgres';
import { loginAsPlatformAdmin, tenantWithAdmin } from './support/sessions';
import { errorCode, startTestSystem, type GraphQLResponse, type TestSystem } from './support/testSystem';

/**
 * The partner documentation, as a partner meets it: the site at /docs of a production system
 * (introspection off), and the getting-started guide walked step by step by running its own
 * example files (docs/examples/) exactly as the page shows them, so the guide cannot rot.
 */
jest.setTimeout(120_000);

const GUIDE = fs.readFileSync(path.join(__dirname, '..', 'docs', 'getting-started.md'), 'utf8');

describe('the partner documentation', () => {
  const backend = backends().at(-1)!;
  let farmiq: TestSystem;
  let admin: TestSystem['graphql'];
  let adminToken: string;
  let serials: string[];
  let docsUrl: string;

  /** Sends a docs example as its curl command does: the document without its comments, and its variables with `overrides`. */
  async function run(name: string, overrides: Record<string, unknown> = {}, token?: string): Promise<GraphQLResponse> {
    const example = readExample(name);
    const variables = example.variables ? { ...example.variables, ...overrides } : undefined;
    const response = await fetch(farmiq.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: documentText(example), ...(variables ? { variables } : {}) }),
    });
    return (await response.json()) as GraphQLResponse;
  }

  beforeAll(async () => {
    farmiq = await startTestSystem(backend, { NODE_ENV: 'production' });
    docsUrl = new URL('/docs/', farmiq.gatewayUrl).toString();
    const tenant = await tenantWithAdmin(farmiq, 'Guide Farms');
    adminToken = tenant.admin.accessToken;
    admin = farmiq.as(adminToken);
    await admin('mutation { createFarm(input: { name: "Guide Hill", timeZone: "Asia/Bangkok" }) { id } }');
    // Three devices of the tenant, for the paging step: two pages of two.
    serials = [1, 2, 3].map((n) => `GUIDE-${n}-${randomUUID().slice(0, 6)}`);
    const platform = farmiq.as((await loginAsPlatformAdmin(farmiq)).accessToken);
    const labels = (
      await platform('mutation ($d: [DeviceToRegisterInput!]!) { registerDevices(input: { devices: $d }) { claimLink } }', {
        d: serials.map((serialNumber) => ({ serialNumber, kind: 'CLIMATE' })),
      })
    ).data!.registerDevices;
    for (const label of labels)
      expect((await admin('mutation ($l: String) { claimDevice(input: { claimLink: $l }) { id } }', { l: label.claimLink })).errors).toBeUndefined();
  }, 120_000);
  afterAll(() => farmiq?.stop());

  it('is served at /docs to anyone in production, where introspection is off', async () => {
    const redirect = await fetch(new URL('/docs', farmiq.gatewayUrl), { redirect: 'manual' });
    expect([redirect.status, redirect.headers.get('location')]).toEqual([301, '/docs/']);
    const page = await fetch(docsUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    for (const heading of ['Getting started', '1. Create a client', '5. Errors and their codes', '8. Webhooks', 'Changelog']) expect(html).toContain(heading);
    // Every operation of the reference, e.g. the credentials exchange, with its description.
    expect(html).toContain('id="mutation-issueClientToken"');
    expect(html).toContain('Client credentials exchange');
    expect((await fetch(new URL('javascripts/spectaql.min.js', docsUrl))).status).toBe(200);
    expect(errorCode(await farmiq.graphql('{ __schema { types { name } } }'))).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('is not stale: the build was made from the schema, guide, changelog and examples of this commit', () => {
    const built = builtInputsHash();
    expect({ stale: built !== inputsHash(), fix: 'npm run docs:build', built }).toEqual({ stale: false, fix: 'npm run docs:build', built: expect.any(String) });
  });

  it("walks the getting-started guide against the live system with the guide's own examples", async () => {
    // 1. The tenant admin creates the client.
    const created = await run('create-client', {}, adminToken);
    expect(created.errors).toBeUndefined();
    const { client, clientSecret } = created.data!.createApiClient;
    expect(client.scopes).toEqual(['FARMS_READ', 'KPI_READ']);
    expect(Buffer.from(clientSecret, 'base64url')).toHaveLength(32);

    // 2. The partner exchanges the credentials, with no token.
    const issued = await run('issue-token', { clientId: client.id, clientSecret });
    expect(issued.errors).toBeUndefined();
    const token = issued.data!.issueClientToken.accessToken as string;
    // 15 minutes, with a minute of slack for a loaded machine.
    expect(Date.parse(issued.data!.issueClientToken.accessTokenExpiresAt) - Date.now()).toBeGreaterThan(14 * 60_000);

    // 3. The first query.
    expect((await run('first-query', {}, token)).data).toEqual({
      me: { roles: ['PARTNER'], tenant: { name: 'Guide Farms', farms: [{ id: expect.any(String), name: 'Guide Hill', timeZone: 'Asia/Bangkok' }] } },
    });

    // 4. Paging: two of the three devices, then the last one, each once.
    const first = (await run('paging', {}, token)).data!.devices;
    expect(first.nodes).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await run('paging', { after: first.pageInfo.endCursor }, token)).data!.devices;
    expect(second.nodes).toHaveLength(1);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect([...first.nodes, ...second.nodes].map((device: { serialNumber: string }) => device.serialNumber).sort()).toEqual([...serials].sort());

    // 5. An error and its code.
    const refused = await run('error-forbidden', {}, token);
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(refused.data).toBeNull();

    // 7. A registered document, then sent by its id.
    const document = readExample('register-document').variables!.document as string;
    const registered = await run('register-document', {}, token);
    expect(registered.data!.registerDocument).toMatchObject({ id: documentIdOf(document), operationName: 'FarmNames' });
    const body = JSON.parse(JSON.stringify(readRequest('registered-id')).replace('<id from registerDocument>', registered.data!.registerDocument.id));
    const byId = await fetch(farmiq.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    expect(await byId.json()).toEqual({ data: { me: { tenant: { farms: [{ id: expect.any(String), name: 'Guide Hill' }] } } } });
  });

  it('lists every error code the API answers with, and no other', () => {
    const listed = [...GUIDE.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((match) => match[1]);
    expect(listed.sort()).toEqual(Object.values(ErrorCode).sort());
  });

  it('states the default quotas of clients and of each plan', () => {
    const quotas = loadConfig({ NODE_ENV: 'test' }).partnerQuotas;
    const thousands = (n: number) => n.toLocaleString('en-US');
    expect(GUIDE).toContain(`requests per minute (${quotas.requestsPerMinute} unless`);
    expect(GUIDE).toContain(`query cost points per 24 hours (${thousands(quotas.costPointsPerDay)})`);
    for (const [plan, limits] of Object.entries(DEFAULT_PLAN_API_LIMITS)) {
      expect(GUIDE).toContain(`(${plan}) | ${thousands(limits.requestsPerMinute)} | ${thousands(limits.costPointsPerDay)} |`);
    }
  });

  it('states the default query limits the gateway enforces', () => {
    const limits = loadConfig({ NODE_ENV: 'test' }).queryLimits;
    expect(GUIDE).toContain(`at most depth ${limits.maxDepth}, a cost of ${limits.maxCost}`);
    expect(GUIDE).toContain(`${limits.maxAliases} aliases, ${limits.maxTokens} tokens and ${limits.maxDirectives} directives per document`);
  });
});

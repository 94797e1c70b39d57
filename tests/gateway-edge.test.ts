import { tenantWithAdmin } from './support/sessions';
import { startTestSystem, type TestSystem } from './support/testSystem';

const ALLOWED_ORIGIN = 'https://dashboard.farm.example';

/** batch → farm → batches → farm → ...: each round adds two levels of depth. */
function nested(rounds: number): string {
  let selection = 'id';
  for (let round = 0; round < rounds; round += 1) selection = `farm { batches { ${selection} } }`;
  return `{ batch(id: "00000000-0000-4000-8000-000000000000") { ${selection} } }`;
}

describe('the gateway edge in development', () => {
  let farmiq: TestSystem;
  let api: TestSystem['graphql'];
  let tenantId: string;

  beforeAll(async () => {
    farmiq = await startTestSystem('pglite', { ALLOWED_ORIGINS: `${ALLOWED_ORIGIN},http://localhost:5173`, QUERY_MAX_DEPTH: '6', QUERY_MAX_COST: '120' });
    const tenant = await tenantWithAdmin(farmiq, 'Edge Farms');
    tenantId = tenant.tenantId;
    api = farmiq.as(tenant.admin.accessToken);
  });
  afterAll(async () => {
    await farmiq?.stop();
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(farmiq.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('answers an allow-listed origin with CORS headers that allow credentials', async () => {
    const response = await post({ query: '{ __typename }' }, { origin: ALLOWED_ORIGIN });
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
  });

  it('gives an unknown origin no CORS headers at all, also on a preflight', async () => {
    const response = await post({ query: '{ __typename }' }, { origin: 'https://evil.example' });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(farmiq.gatewayUrl, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('sets security headers on every response, errors and health checks included', async () => {
    for (const path of ['/graphql', '/healthz', '/nowhere']) {
      const response = await fetch(new URL(path, farmiq.gatewayUrl), {
        method: path === '/graphql' ? 'POST' : 'GET',
        headers: { 'content-type': 'application/json' },
        body: path === '/graphql' ? '{"query":"{ __typename }"}' : undefined,
      });
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('refuses a simple-request GET operation that a cross-site form could send (CSRF prevention)', async () => {
    const response = await fetch(`${farmiq.gatewayUrl}?query=${encodeURIComponent('{ __typename }')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('CSRF');
    const withPreflightHeader = await fetch(`${farmiq.gatewayUrl}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(await withPreflightHeader.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses a query deeper than QUERY_MAX_DEPTH before any subgraph is called', async () => {
    // The shallow one passes the limits and runs: the batch id names nothing.
    const shallow = await api(nested(1));
    expect(shallow.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const deep = await api(nested(3));
    expect(deep.data ?? undefined).toBeUndefined();
    expect(deep.errors?.[0]?.message).toMatch(/depth/i);
    expect(deep.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a query whose cost exceeds QUERY_MAX_COST, and lets a cheaper one through', async () => {
    const tenants = (count: number) =>
      `{ ${Array.from({ length: count }, (_, i) => `t${i}: tenant(id: "${tenantId}") { id name createdAt farms { id name } }`).join(' ')} }`;
    expect((await api(tenants(2))).errors).toBeUndefined();
    const expensive = await api(tenants(12));
    expect(expensive.errors?.[0]?.message).toMatch(/cost limit of 120 exceeded/i);
    expect(expensive.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses more aliases than the limit allows', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: tenant(id: "00000000-0000-4000-8000-000000000000") { id }`).join(' ');
    const result = await farmiq.graphql(`{ ${aliases} }`);
    expect(result.errors?.[0]?.message).toMatch(/aliases/i);
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a document with more tokens than the limit allows', async () => {
    // Default QUERY_MAX_TOKENS is 2,000: the parser stops before the document is even validated.
    const fields = Array.from({ length: 2_100 }, () => '__typename').join(' ');
    const result = await farmiq.graphql(`{ ${fields} }`);
    expect(result.errors?.[0]?.message).toMatch(/token limit/i);
  });

  it('refuses a document that repeats directives past the limit', async () => {
    const directives = Array.from({ length: 11 }, () => '@include(if: true)').join(' ');
    const result = await farmiq.graphql(`{ __typename ${directives} }`);
    expect(result.errors?.[0]?.message).toMatch(/directive/i);
  });

  it('answers a syntax error with the place it failed', async () => {
    const result = await farmiq.graphql('query { tenant(id: "x") { name }');
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(result.errors?.[0]?.message).toMatch(/^Syntax Error: Expected Name, found <EOF>/);
  });

  it('answers a request without a query with BAD_REQUEST', async () => {
    const result = await farmiq.graphql('');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });

  it('lets automatic persisted queries ask for the full query (PERSISTED_QUERY_NOT_FOUND passes unmasked)', async () => {
    const apq = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } });
    expect(((await apq.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('answers malformed JSON with BAD_REQUEST and no stack trace', async () => {
    const response = await fetch(farmiq.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(response.status).toBe(400);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({ errors: [{ message: 'Malformed request body', extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('propagates a request id from the caller to the response', async () => {
    const response = await post({ query: '{ __typename }' }, { 'x-request-id': 'req-test-0001' });
    expect(response.headers.get('x-request-id')).toBe('req-test-0001');
    const generated = await post({ query: '{ __typename }' }, { 'x-request-id': 'bad id with spaces' });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves Apollo Sandbox as the landing page in development', async () => {
    const response = await fetch(farmiq.gatewayUrl, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('embeddable-sandbox');
  });

  it('says it is alive, and ready when the database, broker and subgraphs answer', async () => {
    const health = await fetch(new URL('/healthz', farmiq.gatewayUrl));
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(new URL('/readyz', farmiq.gatewayUrl));
    const body = (await ready.json()) as { status: string; checks: Array<{ name: string; ok: boolean }> };
    expect(ready.status).toBe(200);
    expect(body.checks.map((check) => [check.name, check.ok])).toEqual([
      ['database', true],
      ['broker', true],
      ['subgraphs', true],
    ]);
  });

  it('exposes Prometheus metrics that count the GraphQL operations it served', async () => {
    await farmiq.graphql('{ __typename }');
    const response = await fetch(new URL('/metrics', farmiq.gatewayUrl));
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toMatch(/farmiq_graphql_operations_total\{component="gateway",operation_type="query",outcome="ok"\} [1-9]/);
    expect(text).toContain('farmiq_process_cpu_seconds_total');
  });

  it('labels request durations by route template, so 1,000 unknown paths add no series to /metrics', async () => {
    const durationSeries = async () =>
      (await (await fetch(new URL('/metrics', farmiq.gatewayUrl))).text()).split('\n').filter((line) => line.startsWith('farmiq_http_request_duration_seconds'))
        .length;
    await fetch(new URL('/x-warm-up', farmiq.gatewayUrl));
    const before = await durationSeries();
    for (let start = 0; start < 1_000; start += 100) {
      await Promise.all(Array.from({ length: 100 }, (_, i) => fetch(new URL(`/x-${start + i}`, farmiq.gatewayUrl)).then((response) => response.arrayBuffer())));
    }
    expect(await durationSeries()).toBe(before);
    const text = await (await fetch(new URL('/metrics', farmiq.gatewayUrl))).text();
    expect(text).toMatch(/farmiq_http_request_duration_seconds_count\{component="gateway",route="unmatched",status="404"\} (\d+)/);
    expect(text).toMatch(/farmiq_http_request_duration_seconds_count\{component="gateway",route="\/graphql",status="200"\} [1-9]/);
    expect(text).not.toContain('/x-1');
  });
});

describe('the gateway edge in production', () => {
  let farmiq: TestSystem;

  beforeAll(async () => {
    farmiq = await startTestSystem('pglite', { NODE_ENV: 'production' });
  });
  afterAll(async () => {
    await farmiq?.stop();
  });

  it('turns introspection off', async () => {
    const result = await farmiq.graphql('{ __schema { types { name } } }');
    expect(result.data ?? undefined).toBeUndefined();
    expect(result.errors?.[0]?.message).toMatch(/introspection/i);
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('gives no "did you mean" suggestions for a misspelt field', async () => {
    const result = await farmiq.graphql('{ tenan(id: "x") { name } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0]?.message).not.toMatch(/did you mean/i);
    expect(result.errors?.[0]?.message).not.toContain('tenant');
  });

  it('never sends a stack trace or internal detail, only a stable code', async () => {
    const result = await farmiq.graphql('{ tenant(id: "00000000-0000-4000-8000-000000000000") { name } nope }');
    const serialized = JSON.stringify(result);
    expect(serialized).not.toMatch(/stacktrace|at \w+ \(|node_modules/);
    for (const error of result.errors ?? []) expect(typeof error.extensions?.code).toBe('string');
  });

  it('serves no landing page', async () => {
    const response = await fetch(farmiq.gatewayUrl, { headers: { accept: 'text/html' } });
    expect(await response.text()).not.toContain('embeddable-sandbox');
  });

  it('serves /metrics on the internal METRICS_PORT only, never on the public port', async () => {
    const onPublicPort = await fetch(new URL('/metrics', farmiq.gatewayUrl));
    expect(onPublicPort.status).toBe(404);
    expect(await onPublicPort.text()).not.toContain('farmiq_');
    const internal = await fetch(`http://127.0.0.1:${farmiq.system.ports.metrics}/metrics`);
    expect(internal.status).toBe(200);
    expect(await internal.text()).toContain('farmiq_graphql_operations_total');
  });

  it('sends HSTS', async () => {
    const response = await fetch(new URL('/healthz', farmiq.gatewayUrl));
    expect(response.headers.get('strict-transport-security')).toContain('max-age=31536000');
  });
});

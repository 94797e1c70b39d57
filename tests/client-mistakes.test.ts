import fc from 'fast-check';
import { tenantWithAdmin } from './support/sessions';
import { startTestSystem, type TestSystem } from './support/testSystem';

const NO_ID = '00000000-0000-4000-8000-000000000000';
const SERIES = (from: string) =>
  `{ readingSeries(deviceId: "${NO_ID}", metric: "temperatureC", from: ${from}, to: "2026-10-28T00:00:00Z", interval: DAY) { timeZone } }`;
const RULE = (threshold: string) =>
  `mutation { createAlertRule(input: { barnId: "${NO_ID}", metric: "temperatureC", comparison: ABOVE, threshold: ${threshold}, clearThreshold: 30, minDurationSeconds: 300 }) { id } }`;

/** What no answer may carry: a stack frame, SQL, a file path, a driver's words. */
const LEAK = /\bat [\w.<>]+ \(|node_modules|\/work\/|\.ts:\d+|\bSELECT\b|\bINSERT\b|\bprisma\b|invalid byte sequence|stacktrace|postgres/i;

interface Answer {
  status: number;
  text: string;
  body: { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

describe('client mistakes (production)', () => {
  let farmiq: TestSystem;
  let token: string;

  beforeAll(async () => {
    farmiq = await startTestSystem('pglite', { NODE_ENV: 'production' });
    token = (await tenantWithAdmin(farmiq, 'Mistake Farms')).admin.accessToken;
  }, 180_000);
  afterAll(async () => {
    await farmiq?.stop();
  });

  const send = async (url: string, body: string): Promise<Answer> => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
    const text = await response.text();
    let parsed: Answer['body'] = {};
    try {
      parsed = JSON.parse(text) as Answer['body'];
    } catch {
      // Asserted on below: every answer is JSON.
    }
    return { status: response.status, text, body: parsed };
  };
  const gateway = (body: unknown) => send(farmiq.gatewayUrl, typeof body === 'string' ? body : JSON.stringify(body));

  it.each<[string, unknown, string]>([
    ['a syntax error', { query: '{ farm(id: ) }' }, 'GRAPHQL_PARSE_FAILED'],
    ['a document over the token limit', { query: `{ ${Array.from({ length: 2_100 }, () => '__typename').join(' ')} }` }, 'GRAPHQL_PARSE_FAILED'],
    ['an unknown operationName', { query: '{ __typename }', operationName: 'Nope' }, 'OPERATION_RESOLUTION_FAILURE'],
    ['two anonymous operations', { query: '{ __typename } { __typename }' }, 'GRAPHQL_VALIDATION_FAILED'],
    ['two named operations and no operationName', { query: 'query A { __typename } query B { __typename }' }, 'OPERATION_RESOLUTION_FAILURE'],
    ['threshold: 1e309', { query: RULE('1e309') }, 'GRAPHQL_VALIDATION_FAILED'],
    [
      'threshold 1e309 as a variable',
      '{"query":"mutation ($t: Float!) { createAlertRule(input: { barnId: \\"' +
        NO_ID +
        '\\", metric: \\"t\\", comparison: ABOVE, threshold: $t, clearThreshold: 1, minDurationSeconds: 300 }) { id } }","variables":{"t":1e309}}',
      'BAD_USER_INPUT',
    ],
    ['an impossible DateTime literal', { query: SERIES('"2026-13-45T99:00:00Z"') }, 'GRAPHQL_VALIDATION_FAILED'],
    [
      'an impossible DateTime variable',
      {
        query:
          'query ($f: DateTime!) { readingSeries(deviceId: "' + NO_ID + '", metric: "t", from: $f, to: "2026-10-28T00:00:00Z", interval: DAY) { timeZone } }',
        variables: { f: '+275760-09-13T00:00:00.001Z' },
      },
      'BAD_USER_INPUT',
    ],
    [
      'a lone surrogate in a string literal',
      '{"query":"mutation { createFarm(input: { name: \\"\\\\uD800\\", timeZone: \\"Europe/Paris\\" }) { id } }"}',
      'GRAPHQL_PARSE_FAILED',
    ],
    [
      'a lone surrogate in a variable',
      '{"query":"mutation ($n: String!) { createFarm(input: { name: $n, timeZone: \\"Europe/Paris\\" }) { id } }","variables":{"n":"a\\ud800b"}}',
      'BAD_USER_INPUT',
    ],
    [
      'a NUL character in a string literal',
      '{"query":"mutation { createFarm(input: { name: \\"a\\\\u0000b\\", timeZone: \\"Europe/Paris\\" }) { id } }"}',
      'GRAPHQL_VALIDATION_FAILED',
    ],
  ])('answers %s with HTTP 400 and a stable code', async (_name, body, code) => {
    const answer = await gateway(body);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe(code);
    expect(answer.text).not.toMatch(LEAK);
  });

  it('suggests no enum value (nor any other name) in production', async () => {
    const answer = await gateway({ query: '{ devices(status: ACTIV) { nodes { id } } }' });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(answer.text).not.toMatch(/did you mean/i);
    expect(answer.text).not.toContain('"ACTIVE"');
  });

  it('counts __typename aliases against the alias limit', async () => {
    const answer = await gateway({ query: `{ ${Array.from({ length: 600 }, (_, i) => `a${i}: __typename`).join(' ')} }` });
    expect(answer.status).toBe(400);
    expect(answer.body.data ?? undefined).toBeUndefined();
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const withinLimit = await gateway({ query: `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: __typename`).join(' ')} }` });
    expect(withinLimit.status).toBe(200);
  });

  describe('fuzzed with generated malformed requests', () => {
    // Pieces of documents a client could get wrong, stitched together at random.
    const fragment = fc.oneof(
      fc.constantFrom('{', '}', '(', ')', ':', '$', '@', '...', '!', '[', ']', '=', '#', '"', '"""', '\\u', '\\uD800', ' ', '\n', ','),
      fc.constantFrom(
        'query',
        'mutation',
        'subscription',
        'fragment',
        'on',
        'farm',
        'farms',
        'barn',
        'device',
        'devices',
        'readingSeries',
        'createFarm',
        'createAlertRule',
        '__typename',
        '__schema',
        'id',
        'name',
        'status',
      ),
      fc.constantFrom(
        'ACTIV',
        'ACTIVE',
        'null',
        'true',
        '1e309',
        '-1e309',
        '99999999999999999999',
        '0.5',
        '"2026-13-45T99:00:00Z"',
        '"+275760-09-13T00:00:00Z"',
        `"${NO_ID}"`,
        '"\\u0000"',
      ),
      fc.string({ maxLength: 6 }),
    );
    const document = fc.array(fragment, { minLength: 1, maxLength: 30 }).map((parts) => parts.join(' '));
    const wellFormedQueries = fc.constantFrom(
      `query ($f: DateTime!) { readingSeries(deviceId: "${NO_ID}", metric: "temperatureC", from: $f, to: $f, interval: DAY) { timeZone } }`,
      'mutation ($n: String!, $z: String!) { createFarm(input: { name: $n, timeZone: $z }) { id } }',
      `mutation ($t: Float!) { createAlertRule(input: { barnId: "${NO_ID}", metric: "temperatureC", comparison: ABOVE, threshold: $t, clearThreshold: 1, minDurationSeconds: 300 }) { id } }`,
      'query ($s: DeviceStatus, $first: Int!) { devices(status: $s, first: $first) { nodes { id } } }',
      'query ($id: ID!) { farm(id: $id) { id name } }',
    );
    const scalar = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.constantFrom('2026-13-45T99:00:00Z', '+275760-09-13T00:00:00Z', '9999-12-31T23:59:59Z', '\ud800', 'a\u0000b', 'Europe/Nowhere', '', 'ACTIV'),
      fc.double(),
      fc.integer(),
      fc.constantFrom(1e308, -1e308, 2 ** 31, -(2 ** 53)),
      fc.boolean(),
      fc.constant(null),
    );
    const variables = fc.dictionary(
      fc.constantFrom('f', 'n', 'z', 't', 's', 'first', 'id', 'x'),
      fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 3 }), scalar, { maxKeys: 2 })),
      { maxKeys: 4 },
    );
    const rawNumbers = fc.constantFrom('1e309', '-1e309', '1e-400', '123456789012345678901234567890');
    const body = fc.oneof(
      fc.record({ query: document }).map((request) => JSON.stringify(request)),
      fc.record({ query: wellFormedQueries, variables }).map((request) => JSON.stringify(request)),
      // Numbers JSON.stringify cannot write (Infinity after parsing) and texts it would escape.
      fc
        .tuple(wellFormedQueries, rawNumbers)
        .map(([query, number]) => `{"query":${JSON.stringify(query)},"variables":{"t":${number},"first":${number},"f":${number}}}`),
      fc
        .tuple(wellFormedQueries, fc.constantFrom('\\ud800', '\\udfff', '\\u0000', 'x\\ud83d'))
        .map(([query, text]) => `{"query":${JSON.stringify(query)},"variables":{"n":"${text}","z":"UTC","f":"${text}","id":"${text}"}}`),
      fc.record({ query: fc.constant('{ __typename }'), operationName: fc.string({ maxLength: 8 }) }).map((request) => JSON.stringify(request)),
    );

    const checkAnswer = (answer: Answer) => {
      expect(answer.status).toBeLessThan(500);
      expect(answer.text).not.toMatch(LEAK);
      for (const error of answer.body.errors ?? []) expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    };

    it('never answers the gateway with a 5xx, a stack trace, SQL or a file path', async () => {
      await fc.assert(
        fc.asyncProperty(body, async (request) => checkAnswer(await gateway(request))),
        { numRuns: 300, seed: Number(process.env.FUZZ_SEED ?? 20261130) },
      );
    }, 180_000);

    it('never answers a subgraph with a 5xx, a stack trace, SQL or a file path', async () => {
      const telemetry = `http://127.0.0.1:${farmiq.system.ports.telemetry}/graphql`;
      const devices = `http://127.0.0.1:${farmiq.system.ports.devices}/graphql`;
      await fc.assert(
        fc.asyncProperty(body, fc.boolean(), async (request, toTelemetry) => checkAnswer(await send(toTelemetry ? telemetry : devices, request))),
        { numRuns: 200, seed: Number(process.env.FUZZ_SEED ?? 20261130) },
      );
    }, 180_000);
  });
});

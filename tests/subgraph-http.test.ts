import { tenantWithAdmin } from './support/sessions';
import { startTestSystem, type TestSystem } from './support/testSystem';

/**
 * A subgraph's `POST /graphql` with a plain JSON body is served from node's `http` without
 * Express (lib/graphql/subgraphServer.ts); any other content type still goes through Express's
 * `express.json`. Both must answer every body the same way.
 */
describe("a subgraph's POST /graphql without Express", () => {
  let farmiq: TestSystem;
  let token: string;
  let url: string;

  beforeAll(async () => {
    farmiq = await startTestSystem('pglite', { NODE_ENV: 'production' });
    token = (await tenantWithAdmin(farmiq, 'Plain Http Farms')).admin.accessToken;
    url = `http://127.0.0.1:${farmiq.system.ports.identity}/graphql`;
  }, 180_000);
  afterAll(async () => {
    await farmiq?.stop();
  });

  const post = async (contentType: string, body: string | Buffer, authorized = true) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': contentType, ...(authorized ? { authorization: `Bearer ${token}` } : {}) },
      body,
    });
    return {
      status: response.status,
      text: await response.text(),
      contentType: response.headers.get('content-type'),
      hasRequestId: response.headers.has('x-request-id'),
    };
  };
  const overBothPaths = async (body: string | Buffer, authorized = true) => {
    const plain = await post('application/json', body, authorized);
    const throughExpress = await post('application/json;charset=utf-8', body, authorized);
    expect(plain).toEqual(throughExpress);
    return plain;
  };

  it.each<[string, string | Buffer, number]>([
    ['a query', JSON.stringify({ query: '{ __typename }' }), 200],
    ['malformed JSON', '{"query":', 400],
    ['a JSON string, not an object', '"{ __typename }"', 400],
    ['an empty body', '', 400],
    ['whitespace before the object', ` \n\t${JSON.stringify({ query: '{ __typename }' })}`, 200],
    ['a byte order mark before the object', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify({ query: '{ __typename }' }))]), 200],
    ['a batch', JSON.stringify([{ query: '{ __typename }' }]), 400],
    ['no query', JSON.stringify({ variables: {} }), 400],
    ['a body over 1 MiB', JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(1024 * 1024) } }), 413],
  ])('answers %s as express.json does', async (_name, body, status) => {
    const answer = await overBothPaths(body);
    expect(answer.status).toBe(status);
    expect(answer.contentType).toMatch(/^application\/json/);
  });

  it('answers errors masked, with the request id, and refuses a missing token as before', async () => {
    const refused = await overBothPaths(JSON.stringify({ query: '{ __typename }' }), false);
    expect(refused.hasRequestId).toBe(true);
    const unknown = await overBothPaths(JSON.stringify({ query: '{ nope }' }));
    expect(JSON.parse(unknown.text)).toMatchObject({ errors: [{ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] });
  });

  it('still requires a preflight-proof content type (CSRF prevention) through Express', async () => {
    const answer = await post('text/plain', JSON.stringify({ query: '{ __typename }' }));
    expect(answer.status).toBe(400);
  });
});

import { Writable } from 'node:stream';
import pino from 'pino';
import { loginAsPlatformAdmin } from './support/sessions';
import { startTestSystem, type TestSystem } from './support/testSystem';

describe('request ids', () => {
  const lines: Array<Record<string, unknown>> = [];
  let farmiq: TestSystem;

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    farmiq = await startTestSystem('pglite', {}, pino({ level: 'info' }, sink));
  }, 180_000);
  afterAll(async () => {
    await farmiq?.stop();
  });

  it('follow a request from the gateway into the subgraph that served it, in the logs', async () => {
    const { accessToken } = await loginAsPlatformAdmin(farmiq);
    const result = await farmiq.as(accessToken)('mutation { createTenant(input: { name: "Traced" }) { id } }', {}, { 'x-request-id': 'req-trace-000042' });
    const tenantId = result.data!.createTenant.id;
    const logged = lines.find((line) => line.msg === 'tenant created' && line.tenantId === tenantId);
    expect(logged).toMatchObject({ component: 'identity', requestId: 'req-trace-000042' });
  });

  it('are believed by a subgraph only when the gateway signed them, and so is the client address', async () => {
    const identity = `http://127.0.0.1:${farmiq.system.ports.identity}/graphql`;
    const login = (attempt: number) =>
      fetch(identity, {
        method: 'POST',
        // A caller that skips the gateway names a new address (and request id) with every attempt.
        headers: {
          'content-type': 'application/json',
          'x-farmiq-client-address': `198.51.100.${attempt}`,
          'x-request-id': `req-forged-${String(attempt).padStart(6, '0')}`,
        },
        body: JSON.stringify({
          query: 'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }',
          variables: { input: { email: `nobody-${attempt}@farm.test`, password: 'wrong password guess' } },
        }),
      });
    const first = await login(0);
    expect(first.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const codes: string[] = [];
    for (let attempt = 1; attempt <= 21; attempt += 1) {
      const body = (await (await login(attempt)).json()) as { errors?: Array<{ extensions?: { code?: string } }> };
      codes.push(body.errors?.[0]?.extensions?.code ?? 'none');
    }
    // 20 failures per address: every attempt came from this one socket address, whatever it claimed.
    expect(codes.slice(0, 19).every((code) => code === 'UNAUTHENTICATED')).toBe(true);
    expect(codes.slice(19)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    // Each failed login waits for a password hash on purpose: 22 of them take a while on a busy machine.
  }, 240_000);
});

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
  });
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
});

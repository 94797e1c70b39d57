import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { FREE_PORTS, spawnFarmiq, stopAllFarmiq } from './support/farmiqProcess';

/** One span as an OTLP/HTTP JSON export carries it (ids in hex). */
interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes?: Array<{ key: string; value: { stringValue?: string; intValue?: string | number } }>;
  service: string;
}

/** A stand-in OpenTelemetry collector: keeps every span posted to `/v1/traces`. */
async function startCollector(): Promise<{ url: string; spans: ExportedSpan[]; close(): Promise<void> }> {
  const spans: ExportedSpan[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (req.url === '/v1/traces' && req.headers['content-type']?.startsWith('application/json')) {
        const exported = JSON.parse(body) as {
          resourceSpans: Array<{ resource: { attributes: ExportedSpan['attributes'] }; scopeSpans: Array<{ spans: Omit<ExportedSpan, 'service'>[] }> }>;
        };
        for (const resourceSpans of exported.resourceSpans) {
          const service = resourceSpans.resource.attributes?.find((a) => a.key === 'service.name')?.value.stringValue ?? '';
          for (const scope of resourceSpans.scopeSpans) for (const span of scope.spans) spans.push({ ...span, service });
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function attribute(span: ExportedSpan, key: string): string | undefined {
  const value = span.attributes?.find((a) => a.key === key)?.value;
  return value?.stringValue ?? (value?.intValue === undefined ? undefined : String(value.intValue));
}

const ADMIN = { FARMIQ_ADMIN_EMAIL: 'tracer@farm.test', FARMIQ_ADMIN_PASSWORD: 'a long test-only password 73' };

async function graphql(port: number, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: any; errors?: any[] };
}

describe('tracing with OTEL_EXPORTER_OTLP_ENDPOINT', () => {
  let dataDir: string;
  let collector: Awaited<ReturnType<typeof startCollector>>;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-tracing-'));
    collector = await startCollector();
  });
  afterAll(async () => {
    await stopAllFarmiq();
    await collector.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('should join the gateway’s and every called subgraph’s spans into the caller’s trace', async () => {
    const farmiq = spawnFarmiq(['start'], {
      ...FREE_PORTS,
      ...ADMIN,
      FARMIQ_DATA_DIR: dataDir,
      SIMULATOR: 'off',
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
      OTEL_BSP_SCHEDULE_DELAY: '100',
    });
    const { gateway } = await farmiq.up;
    const login = await graphql(
      gateway!,
      `mutation { login(input: { email: "${ADMIN.FARMIQ_ADMIN_EMAIL}", password: "${ADMIN.FARMIQ_ADMIN_PASSWORD}" }) { accessToken } }`,
    );
    const token = login.data.login.accessToken as string;
    const created = await graphql(gateway!, 'mutation { createTenant(input: { name: "Traced Farms" }) { id } }', { authorization: `Bearer ${token}` });
    const tenantId = created.data.createTenant.id as string;

    // The caller (an ingress, a partner's own tracing) starts the trace; FarmIQ continues it.
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const callerSpanId = '00f067aa0ba902b7';
    const answer = await graphql(gateway!, `query TenantAndPlans { tenant(id: "${tenantId}") { name } plans { code } }`, {
      authorization: `Bearer ${token}`,
      traceparent: `00-${traceId}-${callerSpanId}-01`,
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data.tenant.name).toBe('Traced Farms');

    // A graceful stop sends what is still buffered.
    farmiq.child.kill('SIGTERM');
    expect((await farmiq.exited).code).toBe(0);

    const trace = collector.spans.filter((span) => span.traceId === traceId);
    const byId = new Map(trace.map((span) => [span.spanId, span]));
    const gatewayRequest = trace.find((span) => attribute(span, 'farmiq.component') === 'gateway');
    expect(gatewayRequest).toMatchObject({ name: 'query TenantAndPlans', parentSpanId: callerSpanId, service: 'farmiq' });

    // identity answers `tenant`, billing answers `plans`: each as a child of one of the gateway's fetches.
    for (const subgraph of ['identity', 'billing']) {
      const served = trace.find((span) => attribute(span, 'farmiq.component') === subgraph);
      expect(served?.name).toMatch(new RegExp(`^query TenantAndPlans__${subgraph}__\\d+$`));
      const fetch = byId.get(served!.parentSpanId!);
      expect(fetch?.name).toBe('gateway.fetch');
      // ...and the fetch belongs, through Apollo's own request span, to the gateway's HTTP request.
      let ancestor: ExportedSpan | undefined = fetch;
      while (ancestor && ancestor !== gatewayRequest) ancestor = ancestor.parentSpanId ? byId.get(ancestor.parentSpanId) : undefined;
      expect(ancestor).toBe(gatewayRequest);
    }
  }, 120_000);
});

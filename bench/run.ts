import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FREE_PORTS, spawnFarmiq } from '../tests/support/farmiqProcess';
import { argsWithoutSmoke, emitReport, isSmoke } from './figures';
import { runLoad, type LoadResult } from './load';
import { cpuSeconds } from './processCpu';
import { scratchDatabase, type ScratchDatabase } from './scratchDatabase';

/**
 * Gateway overhead: the same tenant lookup sent straight to the identity subgraph (the
 * baseline) and through the gateway, then a query that crosses all five subgraphs. The system
 * runs in its own process (`farmiq start`, embedded PGlite) so the load generator does not
 * share its event loop. Usage: npm run bench [-- requests concurrency] [--smoke]
 * DATABASE_URL benchmarks that PostgreSQL database, BENCH_POSTGRES=1 a fresh one on POSTGRES_URL
 * (the smoke run's choice: PGlite's first start takes half a minute), else the embedded PGlite.
 */
async function main(): Promise<void> {
  const smoke = isSmoke();
  const [requestsArg, concurrencyArg] = argsWithoutSmoke();
  const requests = Number(requestsArg ?? (smoke ? 40 : 2_000));
  const concurrency = Number(concurrencyArg ?? (smoke ? 2 : 8));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-bench-'));
  let scratch: ScratchDatabase | undefined;
  if (!process.env.DATABASE_URL && (smoke || process.env.BENCH_POSTGRES === '1')) scratch = await scratchDatabase('run');
  const databaseUrl = process.env.DATABASE_URL ?? scratch?.url;
  const farmiq = spawnFarmiq(['start'], {
    ...FREE_PORTS,
    ...BENCH_ADMIN,
    SIMULATOR: 'off',
    FARMIQ_DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  try {
    const ports = await farmiq.up;
    const gateway = `http://127.0.0.1:${ports.gateway}/graphql`;
    const identity = `http://127.0.0.1:${ports.identity}/graphql`;
    const { tenantId, accessToken } = await seed(gateway);
    const auth = { authorization: `Bearer ${accessToken}` };

    const lookup = JSON.stringify({ query: 'query ($id: ID!) { tenant(id: $id) { name } }', variables: { id: tenantId } });
    const crossing = JSON.stringify({
      query: `query ($id: ID!) { tenant(id: $id) { name farms { name batches { headCountPlaced } alertRules { metric } } activeSubscription { plan } } }`,
      variables: { id: tenantId },
    });
    // Warm-up: JIT, connection pools, query plan cache.
    const warmUp = smoke ? 10 : 200;
    await runLoad('warm-up', gateway, crossing, warmUp, concurrency, auth);
    await runLoad('warm-up', identity, lookup, warmUp, concurrency, auth);

    // Every request carries the access token, verified (ES256) at the gateway and again in each subgraph.
    // The system's CPU time per request (user + system, the load generator and PostgreSQL not counted)
    // holds up on a shared machine better than the rate does.
    const measured = async (name: string, url: string, body: string): Promise<LoadResult & { cpuMicrosPerRequest: number }> => {
      const before = cpuSeconds(farmiq.child.pid!);
      const result = await runLoad(name, url, body, requests, concurrency, auth);
      return { ...result, cpuMicrosPerRequest: ((cpuSeconds(farmiq.child.pid!) - before) / requests) * 1e6 };
    };
    const baseline = await measured('tenant lookup, identity subgraph directly (baseline)', identity, lookup);
    const viaGateway = await measured('tenant lookup through the gateway', gateway, lookup);
    const fiveSubgraphs = await measured('tenant → farms → batches, alert rules, subscription (5 subgraphs)', gateway, crossing);

    print([baseline, viaGateway, fiveSubgraphs], baseline, { requests, concurrency, database: databaseUrl ? 'PostgreSQL' : 'embedded PGlite' });
    emitReport(
      'run',
      smoke,
      [baseline, viaGateway, fiveSubgraphs].map((result) => ({
        case: result.name,
        value: result.requestsPerSecond,
        unit: 'req/s',
        errors: result.errors,
        ...(result === baseline ? {} : { baseline: baseline.name }),
      })),
    );
  } finally {
    farmiq.child.kill('SIGTERM');
    await farmiq.exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
    await scratch?.drop();
  }
}

const BENCH_ADMIN = { FARMIQ_ADMIN_EMAIL: 'bench@farmiq.local', FARMIQ_ADMIN_PASSWORD: `bench only ${Date.now()} passphrase` };

/** A tenant with three farms, two batches and an alert rule each, and a plan; returns its admin's token. */
async function seed(gateway: string): Promise<{ tenantId: string; accessToken: string }> {
  let token: string | undefined;
  const call = async (query: string, variables: Record<string, unknown>) => {
    const response = await fetch(gateway, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const json = (await response.json()) as { data?: any; errors?: unknown[] };
    if (json.errors) throw new Error(JSON.stringify(json.errors));
    return json.data;
  };
  const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }';
  token = (await call(LOGIN, { input: { email: BENCH_ADMIN.FARMIQ_ADMIN_EMAIL, password: BENCH_ADMIN.FARMIQ_ADMIN_PASSWORD } })).login.accessToken;
  const { createTenant } = await call('mutation { createTenant(input: { name: "Bench Farms" }) { id } }', {});
  const { inviteUser } = await call(
    'mutation ($t: ID) { inviteUser(input: { email: "manager@bench.test", role: TENANT_ADMIN, tenantId: $t }) { temporaryPassword } }',
    { t: createTenant.id },
  );
  token = undefined;
  token = (await call(LOGIN, { input: { email: 'manager@bench.test', password: inviteUser.temporaryPassword, newPassword: 'bench tenant admin passphrase' } }))
    .login.accessToken;
  for (let farm = 0; farm < 3; farm += 1) {
    const { createFarm } = await call('mutation ($input: CreateFarmInput!) { createFarm(input: $input) { id } }', {
      input: { name: `Site ${farm}`, timeZone: 'Asia/Bangkok' },
    });
    for (let batch = 0; batch < 2; batch += 1) {
      await call('mutation ($input: PlaceBatchInput!) { placeBatch(input: $input) { id } }', {
        input: { farmId: createFarm.id, species: 'BROILER', placedOn: `2026-1${batch}-01`, headCountPlaced: 20_000, placementWeightKg: 0.04 },
      });
    }
    const { createBarn } = await call(
      'mutation ($farmId: ID!) { createBarn(input: { farmId: $farmId, name: "House 1", species: BROILER, capacityHead: 40000 }) { id } }',
      { farmId: createFarm.id },
    );
    await call('mutation ($barnId: ID!) { createAlertRule(input: { barnId: $barnId, metric: "ammoniaPpm", comparison: ABOVE, threshold: 25 }) { id } }', {
      barnId: createBarn.id,
    });
  }
  await call('mutation { subscribe(input: { plan: PROFESSIONAL }) { id } }', {});
  return { tenantId: createTenant.id, accessToken: token! };
}

function print(
  results: Array<LoadResult & { cpuMicrosPerRequest: number }>,
  baseline: LoadResult,
  run: { requests: number; concurrency: number; database: string },
): void {
  console.log(
    `\nFarmIQ gateway benchmark: ${run.requests} requests per row, ${run.concurrency} concurrent, ${run.database}; ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)}\n`,
  );
  console.log(
    [
      'case'.padEnd(68),
      'req/s'.padStart(8),
      'p50 ms'.padStart(8),
      'p95 ms'.padStart(8),
      'p99 ms'.padStart(8),
      'errors'.padStart(7),
      'vs baseline'.padStart(12),
      'CPU µs/req'.padStart(12),
    ].join(''),
  );
  for (const result of results) {
    console.log(
      [
        result.name.padEnd(68),
        result.requestsPerSecond.toFixed(0).padStart(8),
        result.p50Ms.toFixed(2).padStart(8),
        result.p95Ms.toFixed(2).padStart(8),
        result.p99Ms.toFixed(2).padStart(8),
        String(result.errors).padStart(7),
        `${(result.requestsPerSecond / baseline.requestsPerSecond).toFixed(2)}×`.padStart(12),
        result.cpuMicrosPerRequest.toFixed(0).padStart(12),
      ].join(''),
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

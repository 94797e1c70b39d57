import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FREE_PORTS, spawnFarmiq } from '../tests/support/farmiqProcess';
import { runLoad, type LoadResult } from './load';

/**
 * Gateway overhead: the same tenant lookup sent straight to the identity subgraph (the
 * baseline) and through the gateway, then a query that crosses all five subgraphs. The system
 * runs in its own process (`farmiq start`, embedded PGlite) so the load generator does not
 * share its event loop. Usage: npm run bench [-- requests concurrency]
 */
async function main(): Promise<void> {
  const requests = Number(process.argv[2] ?? 2_000);
  const concurrency = Number(process.argv[3] ?? 8);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-bench-'));
  // DATABASE_URL benchmarks a real PostgreSQL instead of the embedded PGlite.
  const databaseUrl = process.env.DATABASE_URL;
  const farmiq = spawnFarmiq(['start'], { ...FREE_PORTS, FARMIQ_DATA_DIR: dataDir, LOG_LEVEL: 'info', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
  try {
    const ports = await farmiq.up;
    const gateway = `http://127.0.0.1:${ports.gateway}/graphql`;
    const identity = `http://127.0.0.1:${ports.identity}/graphql`;
    const tenantId = await seed(gateway);

    const lookup = JSON.stringify({ query: 'query ($id: ID!) { tenant(id: $id) { name } }', variables: { id: tenantId } });
    const crossing = JSON.stringify({
      query: `query ($id: ID!) { tenant(id: $id) { name farms { name batches { headCountPlaced } alertRules { metric } } activeSubscription { plan } } }`,
      variables: { id: tenantId },
    });
    // Warm-up: JIT, connection pools, query plan cache.
    await runLoad('warm-up', gateway, crossing, 200, concurrency);
    await runLoad('warm-up', identity, lookup, 200, concurrency);

    const baseline = await runLoad('tenant lookup, identity subgraph directly (baseline)', identity, lookup, requests, concurrency);
    const viaGateway = await runLoad('tenant lookup through the gateway', gateway, lookup, requests, concurrency);
    const fiveSubgraphs = await runLoad('tenant → farms → batches, alert rules, subscription (5 subgraphs)', gateway, crossing, requests, concurrency);

    print([baseline, viaGateway, fiveSubgraphs], baseline, { requests, concurrency, database: databaseUrl ? 'PostgreSQL' : 'embedded PGlite' });
  } finally {
    farmiq.child.kill('SIGTERM');
    await farmiq.exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function seed(gateway: string): Promise<string> {
  const call = async (query: string, variables: Record<string, unknown>) => {
    const response = await fetch(gateway, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    const json = (await response.json()) as { data?: any; errors?: unknown[] };
    if (json.errors) throw new Error(JSON.stringify(json.errors));
    return json.data;
  };
  const { createTenant } = await call('mutation { createTenant(input: { name: "Bench Farms" }) { id } }', {});
  for (let farm = 0; farm < 3; farm += 1) {
    const { createFarm } = await call('mutation ($input: CreateFarmInput!) { createFarm(input: $input) { id } }', {
      input: { tenantId: createTenant.id, name: `Site ${farm}`, timeZone: 'Asia/Bangkok' },
    });
    for (let batch = 0; batch < 2; batch += 1) {
      await call('mutation ($input: PlaceBatchInput!) { placeBatch(input: $input) { id } }', {
        input: { farmId: createFarm.id, species: 'BROILER', placedOn: `2026-1${batch}-01`, headCountPlaced: 20_000, placementWeightKg: 0.04 },
      });
    }
    await call('mutation ($farmId: ID!) { createAlertRule(input: { farmId: $farmId, metric: "ammoniaPpm", comparison: ABOVE, threshold: 25 }) { id } }', { farmId: createFarm.id });
  }
  await call('mutation ($tenantId: ID!) { subscribe(input: { tenantId: $tenantId, plan: PROFESSIONAL }) { id } }', { tenantId: createTenant.id });
  return createTenant.id;
}

function print(results: LoadResult[], baseline: LoadResult, run: { requests: number; concurrency: number; database: string }): void {
  console.log(`\nFarmIQ gateway benchmark: ${run.requests} requests per row, ${run.concurrency} concurrent, ${run.database}\n`);
  console.log(['case'.padEnd(68), 'req/s'.padStart(8), 'p50 ms'.padStart(8), 'p95 ms'.padStart(8), 'p99 ms'.padStart(8), 'errors'.padStart(7), 'vs baseline'.padStart(12)].join(''));
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
      ].join(''),
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

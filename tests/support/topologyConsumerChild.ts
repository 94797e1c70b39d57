import { openDatabase } from '../../lib/db/database';
import { createLogger } from '../../lib/logger';
import { startTopologyReadModel } from '../../lib/topology/startTopologyReadModel';
import type { TopologySchema } from '../../lib/topology/schemas';

/**
 * One topology read-model consumer in a process of its own, for tests that kill it with SIGKILL:
 * `node --import tsx topologyConsumerChild.ts <postgres url> <schema>`. Prints "ready" once started.
 * A short lease, so that a successor takes over within a second of the kill.
 */
async function main() {
  const [url, schema] = process.argv.slice(2) as [string, TopologySchema];
  const db = await openDatabase({ kind: 'postgres', url });
  await startTopologyReadModel({ sql: db.sql, log: createLogger('silent'), schema, leaseMs: 1_000, pollMs: 100 });
  process.stdout.write('ready\n');
}

void main();

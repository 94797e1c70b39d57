import { ofCallerTenant, type IdArgumentChecks } from '../../lib/graphql/idArguments';
import { barnsOfTenant, farmOfBarns, farmOfFarms, farmsOfTenant } from './topology';

/** The tenant's batches among `ids`. */
const batch = ofCallerTenant(
  'Batch',
  async (db, tenantId, ids) => {
    const rows = await db.batch.findMany({ where: { id: { in: [...ids] }, tenantId }, select: { id: true } });
    return new Set(rows.map((row) => row.id));
  },
  async (db, ids) =>
    new Map((await db.batch.findMany({ where: { id: { in: [...ids] } }, select: { id: true, farmId: true } })).map((row) => [row.id, row.farmId])),
);

/** The tenant's known weigh sessions among `ids` (a session whose creation has not arrived is nobody's yet). */
const weighSession = ofCallerTenant('Weigh session', async (db, tenantId, ids) => {
  const rows = await db.weighSession.findMany({ where: { id: { in: [...ids] }, tenantId, batchId: { not: null } }, select: { id: true } });
  return new Set(rows.map((row) => row.id));
});

/** Farms and barns are the devices subgraph's: checked in kpi's read model of them (topology.ts). */
const farm = ofCallerTenant('Farm', farmsOfTenant, farmOfFarms);
/** A batch's barn must be in the batch's farm. */
const barnOfInputFarm = ofCallerTenant(
  'Barn',
  (db, tenantId, ids, args) => barnsOfTenant(db, tenantId, ids, String((args.input as { farmId: string }).farmId)),
  farmOfBarns,
);

/** Whose ids kpi's operations take (lib/graphql/idArguments.ts). */
export const idArguments: IdArgumentChecks = {
  'Query.batch': { id: batch },
  'Mutation.placeBatch': { 'input.farmId': farm, 'input.barnId': barnOfInputFarm },
  'Mutation.recordMortality': { 'input.batchId': batch },
  'Mutation.recordFeed': { 'input.batchId': batch },
  'Mutation.recordWater': { 'input.batchId': batch },
  'Mutation.recordHealth': { 'input.batchId': batch },
  'Mutation.recordDepletion': { 'input.batchId': batch },
  'Mutation.recordWeighSession': { batchId: batch },
  'Query.weighSession': { id: weighSession },
  // The gateway resolves subscription events of the subscriber's own tenant only; any other is refused whole.
  'Query.weighSessionChangeEvents': { 'events.sessionId': weighSession },
  'Mutation.openWeighSession': { 'input.batchId': batch },
  'Mutation.recordSessionWeights': { sessionId: weighSession },
  'Mutation.finalizeWeighSession': { sessionId: weighSession },
  'Mutation.cancelWeighSession': { sessionId: weighSession },
};

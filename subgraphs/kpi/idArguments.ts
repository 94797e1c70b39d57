import { ofCallerTenant, type IdArgumentChecks } from '../../lib/graphql/idArguments';
import { barnsOfTenant, farmOfBarns, farmOfFarms, farmsOfTenant } from '../devices/registry';

/** The tenant's batches among `ids`. */
const batch = ofCallerTenant(
  'Batch',
  async (db, tenantId, ids) => {
    const rows = await db.batch.findMany({ where: { id: { in: [...ids] }, tenantId }, select: { id: true } });
    return new Set(rows.map((row) => row.id));
  },
  async (db, ids) => new Map((await db.batch.findMany({ where: { id: { in: [...ids] } }, select: { id: true, farmId: true } })).map((row) => [row.id, row.farmId])),
);

/** Farms and barns are the devices subgraph's: checked through its registry. */
const farm = ofCallerTenant('Farm', farmsOfTenant, farmOfFarms);
/** A batch's barn must be in the batch's farm. */
const barnOfInputFarm = ofCallerTenant('Barn', (db, tenantId, ids, args) => barnsOfTenant(db, tenantId, ids, String((args.input as { farmId: string }).farmId)), farmOfBarns);

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
};

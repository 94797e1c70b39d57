import { ofCallerTenant, type IdArgumentChecks } from '../../lib/graphql/idArguments';
import { barnsOfTenant, devicesOfTenant, farmOfBarns, farmOfDevices, farmOfFarms, farmsOfTenant } from './ownership';

const farm = ofCallerTenant('Farm', farmsOfTenant, farmOfFarms);
const barn = ofCallerTenant('Barn', (db, tenantId, ids) => barnsOfTenant(db, tenantId, ids), farmOfBarns);
const device = ofCallerTenant('Device', devicesOfTenant, farmOfDevices);
const edgeGateway = ofCallerTenant(
  'Edge gateway',
  async (db, tenantId, ids) => {
    const rows = await db.edgeGateway.findMany({ where: { id: { in: [...ids] }, tenantId }, select: { id: true } });
    return new Set(rows.map((row) => row.id));
  },
  async (db, ids) =>
    new Map((await db.edgeGateway.findMany({ where: { id: { in: [...ids] } }, select: { id: true, farmId: true } })).map((row) => [row.id, row.farmId])),
);

/** Whose ids the devices subgraph's operations take (lib/graphql/idArguments.ts). */
export const idArguments: IdArgumentChecks = {
  'Query.farm': { id: farm },
  'Query.barn': { id: barn },
  'Query.device': { id: device },
  'Query.edgeGateway': { id: edgeGateway },
  'Query.brokerAuthFiles': { farmId: farm },
  'Mutation.createBarn': { 'input.farmId': farm },
  'Mutation.activateDevice': { 'input.deviceId': device, 'input.barnId': barn },
  'Mutation.moveDevice': { 'input.deviceId': device, 'input.barnId': barn },
  'Mutation.rotateDeviceCredentials': { 'input.deviceId': device },
  'Mutation.revokeDevice': { deviceId: device },
  'Mutation.registerEdgeGateway': { 'input.farmId': farm },
  'Mutation.rotateEdgeGatewayKey': { 'input.gatewayId': edgeGateway },
  'Mutation.revokeEdgeGateway': { gatewayId: edgeGateway },
};

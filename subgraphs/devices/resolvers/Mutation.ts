import type { MutationResolvers } from '../__generated__/resolvers-types';
import { auditActorOf } from '../../../lib/audit/auditEvents';
import { callerTenantId } from '../../../lib/auth/tenantScope';
import { isUniqueViolation } from '../../../lib/db/errors';
import { badInput, ErrorCode, notFound, userError } from '../../../lib/errors';
import { requireNumberInRange, requireText, requireUuid } from '../../../lib/validation';
import type { DevicesDependencies } from '../dependencies';
import { registerEdgeGateway, revokeEdgeGateway, rotateEdgeGatewayKey } from '../edgeGateways/edgeGateways';
import { claimDevice } from '../provisioning/claimDevice';
import { activateDevice, moveDevice, revokeDevice, rotateCredentials } from '../provisioning/lifecycle';
import type { SubgraphContext } from '../../../lib/graphql/context';
import { DEFAULT_CLAIM_CODE_VALID_DAYS, parseDeviceCsv, registerDevices, type RegisteredDevice } from '../provisioning/registerDevices';
import { reissueClaimCodes } from '../provisioning/reissueClaimCodes';
import { requireTimeZone } from '../timeZone';

export const FARM_NAME_MAX_LENGTH = 120;
export const BARN_NAME_MAX_LENGTH = 120;
export const MAX_BARN_CAPACITY_HEAD = 1_000_000;

/** Labels with the devices they are for, read in one query. */
async function withTheirDevices(ctx: SubgraphContext, labels: RegisteredDevice[]) {
  const rows = await ctx.db.device.findMany({ where: { id: { in: labels.map((label) => label.deviceId) } } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return labels.map((label) => ({ ...label, device: byId.get(label.deviceId)! }));
}

export const createMutation = (deps: DevicesDependencies): MutationResolvers => ({
  createFarm: async (_parent, { input }, ctx) => {
    const data = {
      tenantId: callerTenantId(ctx),
      name: requireText(input.name, 'name', FARM_NAME_MAX_LENGTH),
      timeZone: requireTimeZone(input.timeZone),
    };
    try {
      const farm = await ctx.db.farm.create({ data });
      ctx.log.info({ farmId: farm.id, tenantId: farm.tenantId }, 'farm created');
      return farm;
    } catch (error) {
      if (isUniqueViolation(error)) throw userError(ErrorCode.Conflict, `name: the tenant already has a farm named "${data.name}"`);
      throw error;
    }
  },

  createBarn: async (_parent, { input }, ctx) => {
    const tenantId = callerTenantId(ctx);
    const name = requireText(input.name, 'name', BARN_NAME_MAX_LENGTH);
    const capacityHead = requireNumberInRange(input.capacityHead, 'capacityHead', 1, MAX_BARN_CAPACITY_HEAD, 'animals');
    const farm = await ctx.db.farm.findFirst({ where: { id: requireUuid(input.farmId, 'farmId'), tenantId } });
    if (!farm) throw notFound('Farm');
    try {
      return await ctx.db.barn.create({ data: { tenantId, farmId: farm.id, name, species: input.species, capacityHead } });
    } catch (error) {
      if (isUniqueViolation(error)) throw userError(ErrorCode.Conflict, `name: the farm already has a barn named "${name}"`);
      throw error;
    }
  },

  registerDevices: async (_parent, { input }, ctx) => {
    if ((input.devices ? 1 : 0) + (input.csv ? 1 : 0) !== 1) throw badInput('give either devices or csv', 'devices');
    const devices = input.devices ?? parseDeviceCsv(input.csv!);
    const registered = await registerDevices(ctx.db, devices, input.claimCodeValidDays ?? DEFAULT_CLAIM_CODE_VALID_DAYS, deps.now(), auditActorOf(ctx));
    ctx.log.info({ count: registered.length }, 'devices registered');
    return withTheirDevices(ctx, registered);
  },

  reissueClaimCodes: async (_parent, { input }, ctx) => {
    const reissued = await reissueClaimCodes(
      ctx.db,
      input.serialNumbers,
      input.claimCodeValidDays ?? DEFAULT_CLAIM_CODE_VALID_DAYS,
      deps.now(),
      auditActorOf(ctx),
    );
    ctx.log.info({ count: reissued.length }, 'claim codes reissued');
    return withTheirDevices(ctx, reissued);
  },

  claimDevice: async (_parent, { input }, ctx) => {
    const device = await claimDevice(ctx.db, deps.claimLimits, callerTenantId(ctx), input, deps.now(), auditActorOf(ctx));
    ctx.log.info({ deviceId: device.id, tenantId: device.tenantId }, 'device claimed');
    return device;
  },

  activateDevice: async (_parent, { input }, ctx) => {
    const activated = await activateDevice(ctx.db, callerTenantId(ctx), input, deps.now(), auditActorOf(ctx));
    ctx.log.info({ deviceId: activated.device.id }, 'device activated; credentials issued');
    return activated;
  },

  moveDevice: (_parent, { input }, ctx) => moveDevice(ctx.db, callerTenantId(ctx), input),

  rotateDeviceCredentials: async (_parent, { input }, ctx) => {
    const rotated = await rotateCredentials(ctx.db, callerTenantId(ctx), input, deps.now(), auditActorOf(ctx));
    ctx.log.info({ deviceId: rotated.device.id, previousValidUntil: rotated.previousValidUntil }, 'device credentials rotated');
    return rotated;
  },

  revokeDevice: async (_parent, { deviceId }, ctx) => {
    const device = await revokeDevice(ctx.db, callerTenantId(ctx), deviceId, deps.now(), auditActorOf(ctx));
    ctx.log.info({ deviceId: device.id }, 'device revoked');
    return device;
  },

  registerEdgeGateway: async (_parent, { input }, ctx) => {
    const registered = await registerEdgeGateway(ctx.db, deps.secretBox, callerTenantId(ctx), input, deps.now(), auditActorOf(ctx));
    ctx.log.info({ gatewayId: registered.gateway.id, keyId: registered.keyId }, 'edge gateway registered');
    return registered;
  },

  rotateEdgeGatewayKey: async (_parent, { input }, ctx) => {
    const rotated = await rotateEdgeGatewayKey(ctx.db, deps.secretBox, callerTenantId(ctx), input, deps.now(), auditActorOf(ctx));
    ctx.log.info({ gatewayId: rotated.gateway.id, keyId: rotated.keyId }, 'edge gateway key rotated');
    return rotated;
  },

  revokeEdgeGateway: async (_parent, { gatewayId }, ctx) => {
    const gateway = await revokeEdgeGateway(ctx.db, callerTenantId(ctx), gatewayId, deps.now(), auditActorOf(ctx));
    ctx.log.info({ gatewayId: gateway.id }, 'edge gateway revoked');
    return gateway;
  },
});

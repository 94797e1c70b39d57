import type { DeviceResolvers } from '../__generated__/resolvers-types';
import type { SubgraphContext } from '../../../lib/graphql/context';
import { tenantOrNull } from '../../../lib/auth/tenantScope';
import { metricsFor } from '../../../lib/deviceKinds';
import { byKey, requestLoader } from '../../../lib/graphql/requestLoader';
import { isUuid } from '../../../lib/validation';
import { validCredentialWhere } from '../credentials/deviceCredentials';
import { deviceTopicRoot } from '../credentials/mosquittoPassword';
import { loadBarn } from './Barn';

/** Devices by id within the caller's tenant, one query per request; another tenant's is null. */
export function loadDevice(ctx: SubgraphContext, id: string) {
  const tenantId = tenantOrNull(ctx);
  if (!tenantId || !isUuid(id)) return Promise.resolve(null);
  return requestLoader(ctx, 'devicesById', async (ids) => byKey(ids, await ctx.db.device.findMany({ where: { id: { in: [...ids] }, tenantId } }), (device) => device.id)).load(id);
}

/** The issue time of each device's newest valid credential, one query per request. */
function credentialsIssuedAt(ctx: SubgraphContext, deviceId: string) {
  return requestLoader(ctx, 'credentialsIssuedAt', async (deviceIds) => {
    const newest = await ctx.db.deviceCredential.groupBy({
      by: ['deviceId'],
      where: { deviceId: { in: [...deviceIds] }, ...validCredentialWhere(new Date()) },
      _max: { issuedAt: true },
    });
    return byKey(deviceIds, newest, (row) => row.deviceId).map((row) => row?._max.issuedAt ?? null);
  }).load(deviceId);
}

export const Device: DeviceResolvers = {
  __resolveReference: ({ id }, ctx) => loadDevice(ctx, id),
  metrics: (device) => [...metricsFor(device.kind)],
  barn: (device, _args, ctx) => (device.barnId ? loadBarn(ctx, device.barnId) : null),
  mqttUsername: (device) => device.id,
  mqttTopic: (device) => `${deviceTopicRoot(device.id)}/telemetry`,
  credentialsIssuedAt: (device, _args, ctx) => credentialsIssuedAt(ctx, device.id),
};

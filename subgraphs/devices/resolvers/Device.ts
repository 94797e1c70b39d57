import type { DeviceResolvers } from '../__generated__/resolvers-types';
import { deviceFarmFilter } from '../../../lib/auth/farmScope';
import type { SubgraphContext } from '../../../lib/graphql/context';
import { metricsFor } from '../../../lib/deviceKinds';
import { byKey, loadTenantRow, requestLoader } from '../../../lib/graphql/requestLoader';
import { validCredentialWhere } from '../credentials/deviceCredentials';
import { deviceTelemetryTopic } from '../../../lib/mqtt/deviceTopic';
import { loadBarn } from './Barn';

/** Devices by id within the caller's tenant, one query per request; another tenant's is null. */
export const loadDevice = (ctx: SubgraphContext, id: string) =>
  loadTenantRow(ctx, 'devicesById', id, (ids, tenantId) => ctx.db.device.findMany({ where: { id: { in: ids }, tenantId, ...deviceFarmFilter(ctx) } }));

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
  mqttTopic: (device) => deviceTelemetryTopic(device.id),
  credentialsIssuedAt: (device, _args, ctx) => credentialsIssuedAt(ctx, device.id),
};

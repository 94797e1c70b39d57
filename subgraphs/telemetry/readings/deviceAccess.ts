import { inGrantedFarms } from '../../../lib/auth/farmScope';
import type { SubgraphContext } from '../../../lib/graphql/context';
import { badInput, notFound } from '../../../lib/errors';
import { metricOf } from '../../../lib/deviceKinds';
import { requestLoader } from '../../../lib/graphql/requestLoader';
import { lookupDevices, type TopologyDevice } from '../topology';

/** The caller's tenant's placed device (in a granted farm, for a partner), through telemetry's topology read model, or null. One lookup per request. */
export function tenantDevice(ctx: SubgraphContext, tenantId: string, deviceId: string): Promise<TopologyDevice | null> {
  return requestLoader(ctx, 'registeredDevices', async (ids) => {
    const found = await lookupDevices(ctx.db, ids);
    return ids.map((id) => {
      const device = found.get(id);
      return device && device.tenantId === tenantId && inGrantedFarms(ctx, device.farmId) ? device : null;
    });
  }).load(deviceId);
}

/** As tenantDevice, but NOT_FOUND instead of null; `metric`, when given, must be one the device reports. */
export async function requireTenantDevice(ctx: SubgraphContext, tenantId: string, deviceId: string, metric?: string | null): Promise<TopologyDevice> {
  const device = await tenantDevice(ctx, tenantId, deviceId);
  if (!device) throw notFound('Device');
  if (metric && !metricOf(device.kind, metric)) throw badInput(`metric: a ${device.kind} device does not report ${JSON.stringify(metric)}`, 'metric');
  return device;
}

import type { DeviceResolvers } from '../__generated__/resolvers-types';
import { tenantOrNull } from '../../../lib/auth/tenantScope';
import { metricsFor } from '../../../lib/deviceKinds';
import { groupByKey, requestLoader } from '../../../lib/graphql/requestLoader';
import { isUuid } from '../../../lib/validation';
import type { TelemetryDependencies } from '../dependencies';
import { tenantDevice } from '../readings/deviceAccess';
import { latestReadings } from '../readings/readingQueries';

export const createDevice = (deps: TelemetryDependencies): DeviceResolvers => ({
  __resolveReference: ({ id }) => ({ id }),
  // All devices of one request in one query: one index probe per (device, metric).
  latestReadings: async (device, _args, ctx) => {
    const tenantId = tenantOrNull(ctx);
    if (!tenantId || !isUuid(device.id)) return [];
    const registered = await tenantDevice(ctx, tenantId, device.id);
    if (!registered) return [];
    return requestLoader(ctx, 'latestReadings', async (ids) => {
      const devices = (await Promise.all(ids.map((id) => tenantDevice(ctx, tenantId, id)))).filter((found) => found !== null);
      const pairs = devices.flatMap((found) => metricsFor(found.kind).map((definition) => ({ deviceId: found.deviceId, metric: definition.name })));
      return groupByKey(ids, await latestReadings(deps.sql, tenantId, pairs), (reading) => reading.deviceId);
    }).load(device.id);
  },
});

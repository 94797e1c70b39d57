import type { Resolvers } from '../__generated__/resolvers-types';
import { DateTimeScalar } from '../../../lib/graphql/scalars';
import type { DevicesDependencies } from '../dependencies';
import { deviceTelemetryTopic } from '../../../lib/mqtt/deviceTopic';
import { Barn } from './Barn';
import { Device } from './Device';
import { EdgeGateway, EdgeGatewayKey } from './EdgeGateway';
import { Farm } from './Farm';
import { createMutation } from './Mutation';
import { createQuery } from './Query';
import { Tenant } from './Tenant';

export const createResolvers = (deps: DevicesDependencies): Resolvers => ({
  DateTime: DateTimeScalar,
  Query: createQuery(deps),
  Mutation: createMutation(deps),
  Farm,
  Barn,
  Device,
  EdgeGateway,
  EdgeGatewayKey,
  Tenant,
  DeviceCredentials: {
    mqttUsername: (credentials) => credentials.device.id,
    mqttPassword: (credentials) => credentials.password,
    mqttTopic: (credentials) => deviceTelemetryTopic(credentials.device.id),
  },
});

import { allow, and } from 'graphql-shield';
import { subgraphShield } from '../../lib/graphql/permissions';
import { actsForTenant, canRead, canWriteFarmData, hasRole } from '../../lib/graphql/rules';

/** Broker secrets (even hashed) are for the people who run the farm's broker. */
const farmOperator = and(actsForTenant, hasRole('TENANT_ADMIN', 'FARM_MANAGER', 'PLATFORM_ADMIN'));

export const permissions = subgraphShield({
  Query: {
    farm: canRead('farms:read'),
    barn: canRead('farms:read'),
    device: canRead('farms:read'),
    devices: canRead('farms:read'),
    devicesWithCredentialsOlderThan: canRead('farms:read'),
    edgeGateway: canRead('farms:read'),
    brokerAuthFiles: farmOperator,
  },
  Mutation: {
    createFarm: canWriteFarmData,
    createBarn: canWriteFarmData,
    // Devices enter the platform from the factory, before any tenant owns them.
    registerDevices: hasRole('PLATFORM_ADMIN'),
    reissueClaimCodes: hasRole('PLATFORM_ADMIN'),
    claimDevice: canWriteFarmData,
    activateDevice: canWriteFarmData,
    moveDevice: canWriteFarmData,
    rotateDeviceCredentials: canWriteFarmData,
    revokeDevice: canWriteFarmData,
    registerEdgeGateway: farmOperator,
    rotateEdgeGatewayKey: farmOperator,
    revokeEdgeGateway: farmOperator,
  },
  Farm: allow,
  Barn: allow,
  Device: allow,
  MetricDefinition: allow,
  PageInfo: allow,
  DeviceConnection: allow,
  EdgeGateway: allow,
  EdgeGatewayKey: allow,
  RegisteredDevice: allow,
  DeviceCredentials: allow,
  EdgeGatewaySecret: allow,
  BrokerAuthFiles: allow,
  // A partner sees a tenant's farms only with farms:read.
  Tenant: { '*': allow, farms: canRead('farms:read') },
});

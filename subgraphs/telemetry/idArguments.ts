import { ofCallerTenant, type IdArgumentChecks } from '../../lib/graphql/idArguments';
import { barnsOfTenant, devicesOfTenant, farmOfBarns, farmOfDevices, farmOfFarms, farmsOfTenant } from './topology';

const idsOf = (rows: Array<{ id: string }>) => new Set(rows.map((row) => row.id));

const farmsOfRows = (rows: Array<{ id: string; farmId: string }>) => new Map(rows.map((row) => [row.id, row.farmId]));
const alertRule = ofCallerTenant(
  'Alert rule',
  async (db, tenantId, ids) => idsOf(await db.alertRule.findMany({ where: { id: { in: [...ids] }, tenantId }, select: { id: true } })),
  async (db, ids) => farmsOfRows(await db.alertRule.findMany({ where: { id: { in: [...ids] } }, select: { id: true, farmId: true } })),
);
const alert = ofCallerTenant(
  'Alert',
  async (db, tenantId, ids) => idsOf(await db.alert.findMany({ where: { id: { in: [...ids] }, tenantId }, select: { id: true } })),
  async (db, ids) => farmsOfRows(await db.alert.findMany({ where: { id: { in: [...ids] } }, select: { id: true, farmId: true } })),
);
const notificationSubscription = ofCallerTenant('Notification subscription', async (db, tenantId, ids) =>
  idsOf(await db.notificationSubscription.findMany({ where: { id: { in: [...ids] }, tenantId }, select: { id: true } })),
);
const webhookEndpoint = ofCallerTenant('Webhook endpoint', async (db, tenantId, ids) =>
  idsOf(await db.webhookEndpoint.findMany({ where: { id: { in: [...ids] }, tenantId }, select: { id: true } })),
);
/** Farms, barns and devices are the devices subgraph's: checked in this subgraph's read model of them (topology.ts). */
const farm = ofCallerTenant('Farm', farmsOfTenant, farmOfFarms);
const barn = ofCallerTenant('Barn', (db, tenantId, ids) => barnsOfTenant(db, tenantId, ids), farmOfBarns);
const device = ofCallerTenant('Device', devicesOfTenant, farmOfDevices);

/** Whose ids telemetry's operations take (lib/graphql/idArguments.ts). */
export const idArguments: IdArgumentChecks = {
  'Query.alertRule': { id: alertRule },
  'Query.alert': { id: alert },
  'Query.alerts': { farmId: farm },
  'Query.readingSeries': { deviceId: device },
  'Query.readings': { deviceId: device },
  'Query.readingsCsv': { deviceId: device },
  // The gateway resolves subscription events of the subscriber's own tenant only; any other is refused whole.
  'Query.readingEvents': { 'events.deviceId': device },
  'Query.alertChangeEvents': { 'events.alertId': alert },
  'Mutation.createAlertRule': { 'input.barnId': barn },
  'Mutation.updateAlertRule': { id: alertRule },
  'Mutation.deleteAlertRule': { id: alertRule },
  'Mutation.acknowledgeAlert': { id: alert },
  'Query.farmNotificationSettings': { farmId: farm },
  'Mutation.subscribeToAlerts': { 'input.farmId': farm },
  'Mutation.registerPushSubscription': { 'input.farmId': farm },
  'Mutation.unsubscribeFromAlerts': { id: notificationSubscription },
  'Mutation.createWebhookEndpoint': { 'input.farmId': farm },
  'Mutation.deleteWebhookEndpoint': { id: webhookEndpoint },
  'Mutation.enableWebhookEndpoint': { id: webhookEndpoint },
  'Mutation.setFarmEscalation': { farmId: farm },
  'Mutation.setFarmSilenceThreshold': { farmId: farm },
};

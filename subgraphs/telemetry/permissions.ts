import { allow, and } from 'graphql-shield';
import { subgraphShield } from '../../lib/graphql/permissions';
import { actsForTenant, canRead, canWriteFarmData, hasRole } from '../../lib/graphql/rules';

/** The people who work the barns may acknowledge alerts; partners never write. */
const canAcknowledgeAlerts = and(actsForTenant, hasRole('TENANT_ADMIN', 'FARM_MANAGER', 'OPERATOR', 'PLATFORM_ADMIN'));

const readTelemetry = canRead('telemetry:read');
/** People choose their own alert channels; partner clients have none. */
const managesOwnChannels = and(actsForTenant, hasRole('TENANT_ADMIN', 'FARM_MANAGER', 'OPERATOR', 'VIEWER', 'PLATFORM_ADMIN'));
/** A tenant's webhooks and its delivery log (which names every recipient's channel) are its admins'. */
const tenantAdmin = and(actsForTenant, hasRole('TENANT_ADMIN', 'PLATFORM_ADMIN'));

export const permissions = subgraphShield({
  Query: {
    alertRule: readTelemetry,
    alert: readTelemetry,
    alerts: readTelemetry,
    readingSeries: readTelemetry,
    readings: readTelemetry,
    readingsCsv: readTelemetry,
    // Hands readings given as arguments back as Readings, for the gateway's subscriptions; devices resolve only within the caller's tenant.
    readingEvents: readTelemetry,
    alertChangeEvents: readTelemetry,
    myNotificationSubscriptions: managesOwnChannels,
    webPushPublicKey: managesOwnChannels,
    webhookEndpoints: tenantAdmin,
    notificationDeliveries: tenantAdmin,
    farmNotificationSettings: readTelemetry,
  },
  Mutation: {
    createAlertRule: canWriteFarmData,
    updateAlertRule: canWriteFarmData,
    deleteAlertRule: canWriteFarmData,
    acknowledgeAlert: canAcknowledgeAlerts,
    subscribeToAlerts: managesOwnChannels,
    unsubscribeFromAlerts: managesOwnChannels,
    registerPushSubscription: managesOwnChannels,
    unregisterPushSubscription: managesOwnChannels,
    createWebhookEndpoint: tenantAdmin,
    deleteWebhookEndpoint: tenantAdmin,
    enableWebhookEndpoint: tenantAdmin,
    setFarmEscalation: canWriteFarmData,
    setFarmSilenceThreshold: canWriteFarmData,
  },
  AlertRule: allow,
  Alert: allow,
  AlertConnection: allow,
  AlertChange: allow,
  Reading: allow,
  ReadingSeries: allow,
  ReadingBucket: allow,
  ReadingConnection: allow,
  PageInfo: allow,
  NotificationSubscription: allow,
  QuietHours: allow,
  WebhookEndpoint: allow,
  CreatedWebhookEndpoint: allow,
  NotificationDelivery: allow,
  FarmNotificationSettings: allow,
  User: allow,
  Farm: { '*': allow, alertRules: readTelemetry },
  Device: { '*': allow, latestReadings: readTelemetry },
  Barn: { '*': allow, currentClimate: readTelemetry, alertRules: readTelemetry },
});

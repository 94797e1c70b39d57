import type { Resolvers } from '../__generated__/resolvers-types';
import { DateTimeScalar } from '../../../lib/graphql/scalars';
import type { TelemetryDependencies } from '../dependencies';
import { Alert } from './Alert';
import { AlertRule } from './AlertRule';
import { createBarn } from './Barn';
import { createDevice } from './Device';
import { Farm } from './Farm';
import { createMutation } from './Mutation';
import { createQuery } from './Query';
import { Reading } from './Reading';
import { readingEvents, Subscription } from '../live/readingEvents';
import { alertChangeEvents, alertChangedSubscription } from '../live/alertChangeEvents';
import { createPushMutation, createPushQuery } from '../notifications/pushApi';
import {
  createNotificationMutation,
  notificationQuery,
  NotificationDelivery,
  NotificationSubscription,
  WebhookEndpoint,
} from '../notifications/notificationApi';

export const createResolvers = (deps: TelemetryDependencies): Resolvers => ({
  DateTime: DateTimeScalar,
  Query: { ...createQuery(deps), ...notificationQuery, ...createPushQuery(deps), readingEvents, alertChangeEvents },
  Mutation: { ...createMutation(deps), ...createNotificationMutation(deps), ...createPushMutation(deps) },
  Subscription: { ...Subscription, alertChanged: alertChangedSubscription },
  AlertRule,
  Alert,
  Farm,
  Device: createDevice(deps),
  Barn: createBarn(deps),
  Reading,
  NotificationSubscription,
  WebhookEndpoint,
  NotificationDelivery,
  ReadingSeries: { device: (series) => ({ id: series.deviceId }) },
});

import type { Cache, CacheExchangeOpts } from '@urql/exchange-graphcache';

/**
 * Types without an `id` are values inside their parent, not entities of their own. Listing them
 * keeps graphcache from warning and from merging two parents' values.
 */
const EMBEDDED_TYPES = [
  'Money',
  'BillingProfile',
  'InvoiceLine',
  'InvoicePreview',
  'ConvertedMoney',
  'SubscriptionEvent',
  'SubscriptionChange',
  'MetricDefinition',
  'Reading',
  'ReadingBucket',
  'ReadingSeries',
  'ReadingConnection',
  'PageInfo',
  'DeviceConnection',
  'AlertConnection',
  'AlertChange',
  'RegisteredDevice',
  'DeviceCredentials',
  'EdgeGatewaySecret',
  'BrokerAuthFiles',
  'Viewer',
  'Session',
  'Invitation',
  'ApiClientCredentials',
  'KpiValue',
  'BatchPerformance',
  'BatchDay',
  'BatchRanking',
  'TargetCurve',
  'TargetCurvePoint',
  'Uniformity',
  'HealthScore',
  'VatRate',
  'ExchangeRate',
  'UsageRecorded',
  'Member',
  'MemberConnection',
  'TenantConnection',
  'AuditRecordConnection',
  'ClientToken',
  'Plan',
  'PlanPrice',
] as const;

/** Drops every cached page of a list field, so the queries showing it fetch it again. */
function invalidateList(cache: Cache, typename: string, fieldName: string): void {
  for (const field of cache.inspectFields(typename)) {
    if (field.fieldName === fieldName) cache.invalidate(typename, field.fieldName, field.arguments ?? undefined);
  }
}

function invalidateBatch(result: Record<string, unknown>, field: string, cache: Cache): void {
  const batch = result[field] as { id?: unknown } | null | undefined;
  if (typeof batch?.id === 'string') cache.invalidate({ __typename: 'Batch', id: batch.id });
}

export const cacheConfig: CacheExchangeOpts = {
  keys: {
    ...Object.fromEntries(EMBEDDED_TYPES.map((name) => [name, () => null])),
    EdgeGatewayKey: (data) => (typeof data.keyId === 'string' ? data.keyId : null),
  },
  updates: {
    Subscription: {
      // A raised or cleared alert moves between the inbox's lists; the alert entity itself is
      // updated by normalisation.
      alertChanged: (_result, _args, cache) => invalidateList(cache, 'Query', 'alerts'),
    },
    Mutation: {
      acknowledgeAlert: (_result, _args, cache) => invalidateList(cache, 'Query', 'alerts'),
      createAlertRule: (_result, args, cache) => {
        const barnId = (args.input as { barnId?: unknown } | undefined)?.barnId;
        if (typeof barnId === 'string') cache.invalidate({ __typename: 'Barn', id: barnId }, 'alertRules');
      },
      // A deleted rule's entity goes; lists that held it are then incomplete and fetched again.
      deleteAlertRule: (_result, args, cache) => {
        if (typeof args.id === 'string') cache.invalidate({ __typename: 'AlertRule', id: args.id });
      },
      claimDevice: (_result, _args, cache) => invalidateList(cache, 'Query', 'devices'),
      activateDevice: (_result, _args, cache) => invalidateList(cache, 'Query', 'devices'),
      revokeDevice: (_result, _args, cache) => invalidateList(cache, 'Query', 'devices'),
      // KPIs are computed from the records on every read: a new record makes the cached batch stale.
      recordMortality: (result, _args, cache) => invalidateBatch(result, 'recordMortality', cache),
      recordFeed: (result, _args, cache) => invalidateBatch(result, 'recordFeed', cache),
      recordWater: (result, _args, cache) => invalidateBatch(result, 'recordWater', cache),
      recordHealth: (result, _args, cache) => invalidateBatch(result, 'recordHealth', cache),
      recordWeighSession: (result, _args, cache) => invalidateBatch(result, 'recordWeighSession', cache),
      // A new batch joins its farm's lists and ranking.
      placeBatch: (_result, args, cache) => {
        const farmId = (args.input as { farmId?: unknown } | undefined)?.farmId;
        if (typeof farmId === 'string') cache.invalidate({ __typename: 'Farm', id: farmId });
      },
      createApiClient: (_result, _args, cache) => invalidateList(cache, 'Query', 'apiClients'),
      // A plan change issues an invoice and replaces the tenant's subscription.
      changePlan: (_result, _args, cache) => invalidateList(cache, 'Query', 'invoices'),
      subscribe: (_result, _args, cache) => invalidateList(cache, 'Query', 'invoices'),
      createTenant: (_result, _args, cache) => invalidateList(cache, 'Query', 'tenants'),
      registerEdgeGateway: (_result, args, cache) => {
        const farmId = (args.input as { farmId?: unknown } | undefined)?.farmId;
        if (typeof farmId === 'string') cache.invalidate({ __typename: 'Farm', id: farmId }, 'edgeGateways');
      },
    },
  },
};

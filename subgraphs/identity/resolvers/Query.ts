import type { QueryResolvers } from '../__generated__/resolvers-types';
import { notFound } from '../../../lib/errors';
import { MAX_PAGE_SIZE } from '../../../lib/validation';
import { auditCsv, auditPage } from '../audit/auditLog';
import { memberPage } from '../members';
import { visibleGrants } from '../partnerGrants';
import { partnerWebhookDeliveries, partnerWebhooks } from '../partnerWebhooks/webhookApi';
import { visibleTenant } from '../tenantAccess';
import { tenantPage } from '../tenants';

export const Query: QueryResolvers = {
  apiClients: (_parent, _args, { db, principal }) =>
    db.apiClient.findMany({ where: { tenantId: principal!.tenantId! }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: MAX_PAGE_SIZE }),
  partnerGrants: (_parent, _args, { db, principal }) => visibleGrants(db, principal!),
  partnerWebhooks: (_parent, _args, ctx) => partnerWebhooks(ctx),
  partnerWebhookDeliveries: (_parent, { first }, ctx) => partnerWebhookDeliveries(ctx, first),
  me: (_parent, _args, { principal }) => ({
    userId: principal!.kind === 'user' ? principal!.subject : null,
    tenantId: principal!.tenantId,
    roles: principal!.roles,
  }),
  tenant: async (_parent, { id }, ctx) => (await visibleTenant(ctx, id)) ?? Promise.reject(notFound('Tenant')),
  members: (_parent, { search, first, after }, ctx) => memberPage(ctx, search, first, after),
  tenants: (_parent, { search, first, after }, ctx) => tenantPage(ctx, search, first, after),
  auditLog: (_parent, { action, first, after }, ctx) => auditPage(ctx, action, first, after),
  auditLogCsv: (_parent, { since, until }, ctx) => auditCsv(ctx, since, until),
};

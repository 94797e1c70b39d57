import { ofCallerTenant, ownedBy, type IdArgumentChecks } from '../../lib/graphql/idArguments';
import { existingTenants } from '../identity/registry';

const idsOf = (rows: Array<{ id: string }>) => new Set(rows.map((row) => row.id));

const subscription = ofCallerTenant('Subscription', async (db, tenantId, ids) =>
  idsOf(await db.planSubscription.findMany({ where: { id: { in: [...ids] }, tenantId }, select: { id: true } })),
);
const invoice = ofCallerTenant('Invoice', async (db, tenantId, ids) =>
  idsOf(await db.invoice.findMany({ where: { id: { in: [...ids] }, tenantId }, select: { id: true } })),
);
const payment = ofCallerTenant('Payment', async (db, tenantId, ids) =>
  idsOf(await db.payment.findMany({ where: { id: { in: [...ids] }, tenantId }, select: { id: true } })),
);
/** Usage is recorded by a platform admin for any tenant (shield allows no one else): it must exist. Tenants are identity's. */
const anyTenant = ownedBy('Tenant', (ctx, ids) => existingTenants(ctx.db, ids));

/** Whose ids billing's operations take (lib/graphql/idArguments.ts). */
export const idArguments: IdArgumentChecks = {
  'Query.billingSubscription': { id: subscription },
  'Query.invoice': { id: invoice },
  'Mutation.issueCreditNote': { 'input.invoiceId': invoice },
  'Mutation.recordPayment': { 'input.invoiceId': invoice },
  'Mutation.refundPayment': { 'input.paymentId': payment },
  'Mutation.recordUsage': { 'input.tenantId': anyTenant },
};

import type { QueryResolvers } from '../__generated__/resolvers-types';
import { callerTenantId } from '../../../lib/auth/tenantScope';
import { notFound } from '../../../lib/errors';
import { isUuid, requirePageSize } from '../../../lib/validation';
import type { BillingDependencies } from '../dependencies';
import { INVOICE_CURRENCIES, requireCountry, requireInvoiceCurrency } from '../money/currency';
import { priceList } from '../money/priceList';
import { previewNextInvoice } from '../subscriptions/renewal';
import { previewPlanChange, previewSubscribe } from '../subscriptions/subscriptionChanges';

export const createQuery = (deps: BillingDependencies): QueryResolvers => ({
  billingSubscription: async (_parent, { id }, ctx) => {
    const tenantId = callerTenantId(ctx);
    const subscription = isUuid(id) ? await ctx.db.planSubscription.findFirst({ where: { id, tenantId } }) : null;
    return subscription ?? Promise.reject(notFound('Subscription'));
  },
  billingProfile: (_parent, _args, ctx) => ctx.db.billingProfile.findUnique({ where: { tenantId: callerTenantId(ctx) } }),
  invoice: async (_parent, { id }, ctx) => {
    const tenantId = callerTenantId(ctx);
    const invoice = isUuid(id) ? await ctx.db.invoice.findFirst({ where: { id, tenantId } }) : null;
    return invoice ?? Promise.reject(notFound('Invoice'));
  },
  invoices: (_parent, { first }, ctx) =>
    ctx.db.invoice.findMany({ where: { tenantId: callerTenantId(ctx) }, orderBy: { number: 'desc' }, take: requirePageSize(first) }),
  previewPlanChange: (_parent, { input }, ctx) => previewPlanChange(ctx.db, callerTenantId(ctx), input, deps.now()),
  previewNextInvoice: (_parent, _args, ctx) => previewNextInvoice(ctx.db, callerTenantId(ctx), deps.now()),
  plans: (_parent, { currency }) => priceList(currency == null ? INVOICE_CURRENCIES : [requireInvoiceCurrency(currency, 'currency')]),
  previewSubscribe: (_parent, { input }, ctx) => previewSubscribe(ctx.db, callerTenantId(ctx), input, deps.now()),
  vatRates: (_parent, { country }, ctx) =>
    ctx.db.vatRate.findMany({ where: { country: requireCountry(country, 'country') }, orderBy: { effectiveFrom: 'desc' } }),
});

import { allow, and } from 'graphql-shield';
import { subgraphShield } from '../../lib/graphql/permissions';
import { actsForTenant, hasRole, isAuthenticated } from '../../lib/graphql/rules';
import { BILLING_ROLES } from './billingAccess';

/** The tenant's admins (and platform admins) see and change their own billing. */
const billingAdmin = and(actsForTenant, hasRole(...BILLING_ROLES));
/** What only the platform may do to a tenant's billing (payments, credit notes, renewals), for the tenant its token acts for. */
const platformForTenant = and(actsForTenant, hasRole('PLATFORM_ADMIN'));
/** Platform-wide settings and internal metering. */
const platformAdmin = hasRole('PLATFORM_ADMIN');

export const permissions = subgraphShield({
  Query: {
    billingSubscription: billingAdmin,
    billingProfile: billingAdmin,
    invoice: billingAdmin,
    invoices: billingAdmin,
    previewPlanChange: billingAdmin,
    previewNextInvoice: billingAdmin,
    vatRates: billingAdmin,
    previewSubscribe: billingAdmin,
    // The price list is public to anyone signed in (a tenant deciding to buy, a partner, a platform admin): no tenant data in it.
    plans: isAuthenticated,
  },
  Mutation: {
    subscribe: billingAdmin,
    changePlan: billingAdmin,
    cancelSubscription: billingAdmin,
    setBillingProfile: billingAdmin,
    renewSubscription: platformForTenant,
    issueCreditNote: platformForTenant,
    recordPayment: platformForTenant,
    refundPayment: platformForTenant,
    recordUsage: platformAdmin,
    setVatRate: platformAdmin,
    setExchangeRate: platformAdmin,
  },
  BillingSubscription: allow,
  SubscriptionEvent: allow,
  BillingProfile: allow,
  Invoice: allow,
  InvoiceLine: allow,
  InvoiceLineItem: allow,
  InvoicePreview: allow,
  ConvertedMoney: allow,
  Plan: allow,
  PlanPrice: allow,
  Money: allow,
  Payment: allow,
  SubscriptionChange: allow,
  UsageRecorded: allow,
  VatRate: allow,
  ExchangeRate: allow,
  Tenant: allow,
});

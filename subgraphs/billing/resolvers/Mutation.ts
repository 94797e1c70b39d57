import type { MutationResolvers } from '../__generated__/resolvers-types';
import { appendAuditEvent, auditActorOf } from '../../../lib/audit/auditEvents';
import { callerTenantId } from '../../../lib/auth/tenantScope';
import type { BillingDependencies } from '../dependencies';
import { issueCreditNote } from '../invoices/creditNotes';
import { inPaymentTransaction, recordPaymentIn, refundPaymentIn } from '../payments/payments';
import { setBillingProfile } from '../profile/billingProfile';
import { setExchangeRate, setVatRate } from '../rates/rates';
import { renewSubscription } from '../subscriptions/renewal';
import { cancelSubscription, changePlan, subscribe } from '../subscriptions/subscriptionChanges';
import { recordUsage } from '../usage/recordUsage';

export const createMutation = ({ now }: BillingDependencies): MutationResolvers => ({
  subscribe: async (_parent, { input }, ctx) => {
    const tenantId = callerTenantId(ctx);
    const { subscription, invoice } = await subscribe(ctx.db, tenantId, input, now(), auditActorOf(ctx));
    ctx.log.info({ subscriptionId: subscription.id, tenantId, plan: subscription.plan, invoiceId: invoice?.id }, 'subscription started');
    return subscription;
  },
  changePlan: async (_parent, { input }, ctx) => {
    const change = await changePlan(ctx.db, callerTenantId(ctx), input, now(), auditActorOf(ctx));
    ctx.log.info({ subscriptionId: change.subscription.id, plan: change.subscription.plan, invoiceId: change.invoice?.id }, 'plan changed');
    return change;
  },
  cancelSubscription: async (_parent, { input }, ctx) => {
    const change = await cancelSubscription(ctx.db, callerTenantId(ctx), input, now(), auditActorOf(ctx));
    ctx.log.info({ subscriptionId: change.subscription.id, atPeriodEnd: input.atPeriodEnd, invoiceId: change.invoice?.id }, 'subscription cancellation');
    return change;
  },
  renewSubscription: (_parent, { input }, ctx) => renewSubscription(ctx.db, callerTenantId(ctx), input, now(), auditActorOf(ctx)),
  setBillingProfile: (_parent, { input }, ctx) => setBillingProfile(ctx.db, callerTenantId(ctx), input, now(), auditActorOf(ctx)),
  issueCreditNote: (_parent, { input }, ctx) => issueCreditNote(ctx.db, callerTenantId(ctx), input, now(), auditActorOf(ctx)),
  recordPayment: (_parent, { input }, ctx) => {
    const tenantId = callerTenantId(ctx);
    return inPaymentTransaction(ctx.db, async (tx) => {
      const { payment, created } = await recordPaymentIn(tx, tenantId, input, now());
      // A retry with the same reference changed nothing: the first call's record stands alone.
      if (created) await appendAuditEvent(tx, auditActorOf(ctx), { action: 'PAYMENT_RECORDED', tenantId, targetType: 'Payment', targetId: payment.id });
      return payment;
    });
  },
  refundPayment: (_parent, { input }, ctx) => {
    const tenantId = callerTenantId(ctx);
    return inPaymentTransaction(ctx.db, async (tx) => {
      const { payment: refund, created } = await refundPaymentIn(tx, tenantId, input, now());
      if (created) await appendAuditEvent(tx, auditActorOf(ctx), { action: 'PAYMENT_REFUNDED', tenantId, targetType: 'Payment', targetId: refund.id });
      return refund;
    });
  },
  recordUsage: async (_parent, { input }, ctx) => ({ recorded: await recordUsage(ctx.db, { ...input, occurredAt: new Date(input.occurredAt) }) }),
  setVatRate: (_parent, { input }, ctx) => setVatRate(ctx.db, input, auditActorOf(ctx)),
  setExchangeRate: (_parent, { input }, ctx) => setExchangeRate(ctx.db, input, auditActorOf(ctx)),
});

import type { PaymentResolvers } from '../__generated__/resolvers-types';

export const Payment: PaymentResolvers = {
  amount: (payment) => ({ amountMinor: payment.amountMinor, currency: payment.currency }),
};

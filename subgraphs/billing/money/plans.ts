import { divideHalfEven, toMinor } from './rounding';
import type { InvoiceCurrency } from './currency';

export type PlanCode = 'STARTER' | 'PROFESSIONAL' | 'ENTERPRISE';
export type BillingCycle = 'MONTHLY' | 'ANNUAL';

/** What a plan includes each month and what usage beyond it costs, in one currency. */
export interface PlanPrice {
  monthlyMinor: number;
  includedDevices: number;
  includedMessagesPerMonth: number;
  /** Per device above the included ones, at the peak day of the billed usage. */
  overagePerDeviceMinor: number;
  /** Per 1,000 messages above the included ones. */
  overagePer1000MessagesMinor: number;
}

const INCLUDED = {
  STARTER: { includedDevices: 10, includedMessagesPerMonth: 100_000 },
  PROFESSIONAL: { includedDevices: 50, includedMessagesPerMonth: 1_000_000 },
  ENTERPRISE: { includedDevices: 500, includedMessagesPerMonth: 20_000_000 },
} as const;

/** The price list. PROFESSIONAL is 199.00 USD a month (issue #8); the rest follow from it. */
export const PLAN_PRICES: Readonly<Record<PlanCode, Record<InvoiceCurrency, PlanPrice>>> = {
  STARTER: {
    USD: { ...INCLUDED.STARTER, monthlyMinor: 4_900, overagePerDeviceMinor: 300, overagePer1000MessagesMinor: 50 },
    THB: { ...INCLUDED.STARTER, monthlyMinor: 169_000, overagePerDeviceMinor: 10_000, overagePer1000MessagesMinor: 1_700 },
  },
  PROFESSIONAL: {
    USD: { ...INCLUDED.PROFESSIONAL, monthlyMinor: 19_900, overagePerDeviceMinor: 250, overagePer1000MessagesMinor: 40 },
    THB: { ...INCLUDED.PROFESSIONAL, monthlyMinor: 690_000, overagePerDeviceMinor: 8_500, overagePer1000MessagesMinor: 1_400 },
  },
  ENTERPRISE: {
    USD: { ...INCLUDED.ENTERPRISE, monthlyMinor: 79_900, overagePerDeviceMinor: 150, overagePer1000MessagesMinor: 25 },
    THB: { ...INCLUDED.ENTERPRISE, monthlyMinor: 2_790_000, overagePerDeviceMinor: 5_000, overagePer1000MessagesMinor: 850 },
  },
};

/** Annual billing: twelve months with 10 % off, rounded half-even once. */
export const ANNUAL_DISCOUNT_PERCENT = 10;

export const planPrice = (plan: PlanCode, currency: InvoiceCurrency): PlanPrice => PLAN_PRICES[plan][currency];

/** The price of one whole period of `plan` on `cycle`, in minor units of `currency`. */
export function periodPriceMinor(plan: PlanCode, cycle: BillingCycle, currency: InvoiceCurrency): number {
  const monthly = BigInt(planPrice(plan, currency).monthlyMinor);
  if (cycle === 'MONTHLY') return toMinor(monthly);
  return toMinor(divideHalfEven(12n * monthly * BigInt(100 - ANNUAL_DISCOUNT_PERCENT), 100n));
}

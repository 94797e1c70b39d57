import { INVOICE_CURRENCIES, type InvoiceCurrency } from './currency';
import { PLAN_PRICES, periodPriceMinor, planPrice, type BillingCycle, type PlanCode } from './plans';

interface MoneyModel {
  amountMinor: number;
  currency: string;
}

/** One plan in one currency and billing cycle, before VAT, as the `plans` query shows it. */
export interface PlanPriceModel {
  currency: InvoiceCurrency;
  billingCycle: BillingCycle;
  periodPrice: MoneyModel;
  overagePerDevice: MoneyModel;
  overagePer1000Messages: MoneyModel;
}

export interface PlanModel {
  code: PlanCode;
  includedDevices: number;
  includedMessagesPerMonth: number;
  prices: PlanPriceModel[];
}

const CYCLES: readonly BillingCycle[] = ['MONTHLY', 'ANNUAL'];

/**
 * The price list read from the same table invoices are priced from (plans.ts), so what a
 * tenant is shown before buying is what it is charged: period prices through periodPriceMinor
 * (the annual discount rounded once), overage rates as they are. Only `currencies` are listed.
 */
export function priceList(currencies: readonly InvoiceCurrency[] = INVOICE_CURRENCIES): PlanModel[] {
  return (Object.keys(PLAN_PRICES) as PlanCode[]).map((code) => {
    const usd = planPrice(code, 'USD');
    return {
      code,
      // Allowances are the same in every currency.
      includedDevices: usd.includedDevices,
      includedMessagesPerMonth: usd.includedMessagesPerMonth,
      prices: currencies.flatMap((currency) =>
        CYCLES.map((billingCycle) => {
          const price = planPrice(code, currency);
          return {
            currency,
            billingCycle,
            periodPrice: { amountMinor: periodPriceMinor(code, billingCycle, currency), currency },
            overagePerDevice: { amountMinor: price.overagePerDeviceMinor, currency },
            overagePer1000Messages: { amountMinor: price.overagePer1000MessagesMinor, currency },
          };
        }),
      ),
    };
  });
}

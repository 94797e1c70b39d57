import { convertMinor, parseRate } from '../conversion';
import { requireCountry, requireCurrency, requireInvoiceCurrency, requirePositiveMinor } from '../currency';
import { additionalOverageLines, overageLines } from '../overage';
import { addMonthsUtc, periodEnd, wholeSecond } from '../periods';
import { periodPriceMinor, planPrice } from '../plans';
import { priceList } from '../priceList';
import { prorateMinor, remainingSeconds } from '../proration';
import { divideHalfEven, toMinor } from '../rounding';
import { rateInForce, vatMinor } from '../vat';

describe('rounding half-even', () => {
  it('should round ties to the even neighbour and everything else to the nearest', () => {
    expect([5n, 15n, 25n, -5n, -15n].map((n) => divideHalfEven(n, 10n))).toEqual([0n, 2n, 2n, -0n, -2n]);
    expect(divideHalfEven(14n, 10n)).toBe(1n);
    expect(divideHalfEven(16n, 10n)).toBe(2n);
    expect(divideHalfEven(-16n, 10n)).toBe(-2n);
    expect(divideHalfEven(7n, -2n)).toBe(-4n); // -3.5 → -4 (even)
  });
  it('should refuse a division by zero and an amount a 32-bit column cannot hold', () => {
    expect(() => divideHalfEven(1n, 0n)).toThrow(RangeError);
    expect(() => toMinor(2n ** 31n)).toThrow(RangeError);
    expect(toMinor(-(2n ** 31n))).toBe(-2147483648);
  });
});

describe('plan prices', () => {
  it('should charge 19900 minor units for PROFESSIONAL monthly in USD (199.00 USD)', () => {
    expect(periodPriceMinor('PROFESSIONAL', 'MONTHLY', 'USD')).toBe(19_900);
  });
  it('should charge 214920 for PROFESSIONAL annually: 12 × 19900 × 0.9', () => {
    // 12 × 19900 = 238800; 238800 × 90 / 100 = 214920 exactly (no rounding needed).
    expect(periodPriceMinor('PROFESSIONAL', 'ANNUAL', 'USD')).toBe(214_920);
  });
  it('should give every plan a price in every invoice currency', () => {
    for (const plan of ['STARTER', 'PROFESSIONAL', 'ENTERPRISE'] as const) {
      for (const currency of ['USD', 'THB'] as const) expect(Number.isInteger(planPrice(plan, currency).monthlyMinor)).toBe(true);
    }
    // STARTER THB: 169000 × 12 × 0.9 = 1825200.
    expect(periodPriceMinor('STARTER', 'ANNUAL', 'THB')).toBe(1_825_200);
  });
});

describe('VAT', () => {
  it('should take 700 minor units of VAT at 7 % on 10000', () => {
    // 10000 × 700 / 10000 = 700.
    expect(vatMinor(10_000, 700)).toBe(700);
  });
  it('should round VAT half-even once, on the subtotal', () => {
    // 19950 × 7 % = 1396.5 → 1396 (even); 19850 × 7 % = 1389.5 → 1390 (even).
    expect(vatMinor(19_950, 700)).toBe(1_396);
    expect(vatMinor(19_850, 700)).toBe(1_390);
    // A credit: -19900 × 7 % = -1393.
    expect(vatMinor(-19_900, 700)).toBe(-1_393);
  });
  it('should apply the newest rate whose effective date is not after the invoice date', () => {
    const rates = [
      { country: 'SG', rateBasisPoints: 800, effectiveFrom: new Date('2023-01-01') },
      { country: 'SG', rateBasisPoints: 900, effectiveFrom: new Date('2024-01-01') },
      { country: 'TH', rateBasisPoints: 700, effectiveFrom: new Date('1992-01-01') },
    ];
    expect(rateInForce(rates, 'SG', new Date('2023-12-31T23:59:59Z'))?.rateBasisPoints).toBe(800);
    expect(rateInForce(rates, 'SG', new Date('2024-01-01T00:00:00Z'))?.rateBasisPoints).toBe(900);
    expect(rateInForce(rates, 'SG', new Date('2022-06-01'))).toBeUndefined();
    expect(rateInForce(rates, 'FR', new Date('2024-06-01'))).toBeUndefined();
  });
});

describe('periods', () => {
  it('should end a monthly period one calendar month later and clamp to the month’s last day', () => {
    expect(periodEnd(new Date('2026-11-01T00:00:00Z'), 'MONTHLY').toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(addMonthsUtc(new Date('2027-01-31T10:00:00Z'), 1).toISOString()).toBe('2027-02-28T10:00:00.000Z');
    expect(addMonthsUtc(new Date('2028-01-31T10:00:00Z'), 1).toISOString()).toBe('2028-02-29T10:00:00.000Z');
    expect(periodEnd(new Date('2026-11-15T08:30:00Z'), 'ANNUAL').toISOString()).toBe('2027-11-15T08:30:00.000Z');
  });
  it('should drop milliseconds', () => {
    expect(wholeSecond(new Date('2026-11-01T00:00:00.999Z')).toISOString()).toBe('2026-11-01T00:00:00.000Z');
  });
});

describe('proration by the second', () => {
  // November 2026 has 30 days = 2,592,000 seconds.
  const november = { start: new Date('2026-11-01T00:00:00Z'), end: new Date('2026-12-01T00:00:00Z') };

  it('should credit the unused half of a month exactly', () => {
    // Upgrade at 16 Nov 00:00: 15 days = 1,296,000 s left; 19900 × 1296000 / 2592000 = 9950.
    expect(prorateMinor(19_900, november, new Date('2026-11-16T00:00:00Z'))).toBe(9_950);
  });
  it('should round a share half-even once', () => {
    // 10 Nov 12:00:00 → 20.5 days = 1,771,200 s left. 4900 × 1771200 / 2592000 = 3348.333… → 3348.
    expect(prorateMinor(4_900, november, new Date('2026-11-10T12:00:00Z'))).toBe(3_348);
    // One second left of 19900: 19900 / 2592000 = 0.0077 → 0.
    expect(prorateMinor(19_900, november, new Date('2026-11-30T23:59:59Z'))).toBe(0);
  });
  it('should count nothing after the period and the whole period before it', () => {
    expect(remainingSeconds(november, new Date('2026-12-02T00:00:00Z'))).toBe(0);
    expect(prorateMinor(19_900, november, new Date('2026-10-01T00:00:00Z'))).toBe(19_900);
    expect(() => prorateMinor(1, { start: november.start, end: november.start }, november.start)).toThrow(RangeError);
  });
});

describe('overage', () => {
  const starter = planPrice('STARTER', 'USD'); // 10 devices, 100000 messages, 300 per device, 50 per 1000 messages

  it('should charge devices above the allowance on the month’s peak day and messages above the monthly allowance', () => {
    const devices = (day: string, count: number) =>
      Array.from({ length: count }, () => ({ kind: 'ACTIVE_DEVICE_DAY' as const, quantity: 1, occurredAt: new Date(`${day}T06:00:00Z`) }));
    const usage = [
      ...devices('2026-11-02', 12), // peak: 12 − 10 = 2 devices × 300 = 600
      ...devices('2026-11-03', 11),
      { kind: 'TELEMETRY_MESSAGES' as const, quantity: 100_000, occurredAt: new Date('2026-11-05T00:00:00Z') },
      { kind: 'TELEMETRY_MESSAGES' as const, quantity: 12_345, occurredAt: new Date('2026-11-20T00:00:00Z') },
      // 12345 above × 50 / 1000 = 617.25 → 617
      { kind: 'TELEMETRY_MESSAGES' as const, quantity: 5_000, occurredAt: new Date('2026-12-01T00:00:00Z') }, // within December's allowance
    ];
    expect(overageLines(usage, starter)).toEqual([
      { month: '2026-11', kind: 'DEVICES', excessQuantity: 2, amountMinor: 600 },
      { month: '2026-11', kind: 'MESSAGES', excessQuantity: 12_345, amountMinor: 617 },
    ]);
  });
  it('should bill late usage for what it adds to its month, not on its own', () => {
    const messages = (quantity: number, day: string) => ({ kind: 'TELEMETRY_MESSAGES' as const, quantity, occurredAt: new Date(`${day}T00:00:00Z`) });
    const billed = [messages(110_000, '2026-11-05')]; // 10000 above → 10000 × 50 / 1000 = 500, already invoiced
    const late = messages(4_000, '2026-11-28'); // arrives after that invoice
    // November now 114000: 14000 above → 700; less the 500 billed → 200 for 4000 more messages.
    expect(additionalOverageLines([...billed, late], billed, starter)).toEqual([
      { month: '2026-11', kind: 'MESSAGES', excessQuantity: 4_000, amountMinor: 200 },
    ]);
    // A late device on a day below the peak adds nothing.
    expect(additionalOverageLines(billed, billed, starter)).toEqual([]);
  });
  it('should give no line for usage within the allowance', () => {
    expect(overageLines([], starter)).toEqual([]);
  });
});

describe('currency conversion for display', () => {
  it('should convert exactly with one half-even rounding to the target’s minor unit', () => {
    // 199.00 USD at 35.125 THB/USD: 19900 cents × 35.125 = 698987.5 satang → 698988 (even).
    expect(convertMinor(19_900, 'USD', 'THB', '35.125')).toBe(698_988);
    // 19900 US cents = 199.00 USD at 150.5 JPY/USD = 29949.5 yen → 29950 (even); JPY has no minor unit.
    expect(convertMinor(19_900, 'USD', 'JPY', '150.5')).toBe(29_950);
    // 1000 yen at 0.0066 USD/JPY = 6.60 USD = 660 cents.
    expect(convertMinor(1_000, 'JPY', 'USD', '0.0066')).toBe(660);
  });
  it('should refuse text that is not a positive rate', () => {
    expect(parseRate('0')).toBeUndefined();
    expect(parseRate('-1')).toBeUndefined();
    expect(parseRate('1e3')).toBeUndefined();
    expect(() => convertMinor(1, 'USD', 'THB', 'abc')).toThrow(RangeError);
  });
});

describe('input checks', () => {
  it('should accept known codes in any case and refuse the rest with BAD_USER_INPUT', () => {
    expect(requireCurrency(' usd ', 'currency')).toBe('USD');
    expect(requireInvoiceCurrency('thb', 'currency')).toBe('THB');
    expect(requireCountry('th', 'country')).toBe('TH');
    expect(requirePositiveMinor(1, 'amountMinor')).toBe(1);
    for (const bad of [
      () => requireCurrency('XXX', 'currency'),
      () => requireInvoiceCurrency('JPY', 'currency'),
      () => requireCountry('THA', 'country'),
      () => requirePositiveMinor(0, 'amountMinor'),
      () => requirePositiveMinor(1.5, 'amountMinor'),
    ]) {
      expect(bad).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
    }
  });
});

describe('the price list shown before buying', () => {
  const list = priceList();
  const price = (code: string, currency: string, cycle: string) =>
    list.find((plan) => plan.code === code)!.prices.find((p) => p.currency === currency && p.billingCycle === cycle)!;

  it('should show the period prices invoices charge: annual is 12 months less 10 %, rounded once', () => {
    expect(price('STARTER', 'USD', 'MONTHLY').periodPrice).toEqual({ amountMinor: 4_900, currency: 'USD' });
    // 12 × 4900 = 58800; × 0.9 = 52920.
    expect(price('STARTER', 'USD', 'ANNUAL').periodPrice.amountMinor).toBe(52_920);
    // 12 × 169000 = 2028000; × 0.9 = 1825200.
    expect(price('STARTER', 'THB', 'ANNUAL').periodPrice).toEqual({ amountMinor: 1_825_200, currency: 'THB' });
    // 12 × 79900 = 958800; × 0.9 = 862920.
    expect(price('ENTERPRISE', 'USD', 'ANNUAL').periodPrice.amountMinor).toBe(862_920);
  });

  it('should show allowances and overage rates per currency', () => {
    expect(list.map((plan) => [plan.code, plan.includedDevices, plan.includedMessagesPerMonth])).toEqual([
      ['STARTER', 10, 100_000],
      ['PROFESSIONAL', 50, 1_000_000],
      ['ENTERPRISE', 500, 20_000_000],
    ]);
    expect(price('PROFESSIONAL', 'THB', 'MONTHLY')).toMatchObject({
      overagePerDevice: { amountMinor: 8_500, currency: 'THB' },
      overagePer1000Messages: { amountMinor: 1_400, currency: 'THB' },
    });
    expect(priceList(['THB']).every((plan) => plan.prices.every((p) => p.currency === 'THB'))).toBe(true);
  });
});

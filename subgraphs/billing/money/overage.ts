import type { PlanPrice } from './plans';
import { divideHalfEven, toMinor } from './rounding';

export interface UsageAmount {
  kind: 'ACTIVE_DEVICE_DAY' | 'TELEMETRY_MESSAGES';
  quantity: number;
  occurredAt: Date;
}

export interface OverageLine {
  /** The calendar month (UTC) the usage happened in, `YYYY-MM`. */
  month: string;
  kind: 'DEVICES' | 'MESSAGES';
  /** Devices above the included ones on the month's peak day, or messages above the monthly allowance. */
  excessQuantity: number;
  amountMinor: number;
}

const monthOf = (date: Date) => date.toISOString().slice(0, 7);
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/**
 * What usage beyond a plan's allowance costs, per calendar month: devices by the month's peak
 * day of active devices, messages by the month's total. Only months with a charge give a line.
 */
export function overageLines(usage: UsageAmount[], price: PlanPrice): OverageLine[] {
  const months = new Map<string, { devicesPerDay: Map<string, number>; messages: number }>();
  for (const record of usage) {
    const month = months.get(monthOf(record.occurredAt)) ?? { devicesPerDay: new Map(), messages: 0 };
    months.set(monthOf(record.occurredAt), month);
    if (record.kind === 'ACTIVE_DEVICE_DAY') {
      const day = dayOf(record.occurredAt);
      month.devicesPerDay.set(day, (month.devicesPerDay.get(day) ?? 0) + record.quantity);
    } else {
      month.messages += record.quantity;
    }
  }
  const lines: OverageLine[] = [];
  for (const [month, totals] of [...months].sort(([a], [b]) => a.localeCompare(b))) {
    const peakDevices = Math.max(0, ...totals.devicesPerDay.values());
    const excessDevices = Math.max(0, peakDevices - price.includedDevices);
    if (excessDevices > 0) {
      lines.push({ month, kind: 'DEVICES', excessQuantity: excessDevices, amountMinor: toMinor(BigInt(excessDevices) * BigInt(price.overagePerDeviceMinor)) });
    }
    const excessMessages = Math.max(0, totals.messages - price.includedMessagesPerMonth);
    if (excessMessages > 0) {
      const amount = toMinor(divideHalfEven(BigInt(excessMessages) * BigInt(price.overagePer1000MessagesMinor), 1000n));
      lines.push({ month, kind: 'MESSAGES', excessQuantity: excessMessages, amountMinor: amount });
    }
  }
  return lines;
}

/**
 * The overage still to bill once `billed` usage has been invoiced and `all` (a superset) is
 * known: per month and kind, the charge over all of it less the charge over what was billed.
 * Late usage thus counts against the month it happened in, not on its own.
 */
export function additionalOverageLines(all: UsageAmount[], billed: UsageAmount[], price: PlanPrice): OverageLine[] {
  const already = new Map(overageLines(billed, price).map((line) => [`${line.month}/${line.kind}`, line]));
  return overageLines(all, price).flatMap((line) => {
    const earlier = already.get(`${line.month}/${line.kind}`);
    const excessQuantity = line.excessQuantity - (earlier?.excessQuantity ?? 0);
    const amountMinor = line.amountMinor - (earlier?.amountMinor ?? 0);
    return amountMinor > 0 ? [{ ...line, excessQuantity, amountMinor }] : [];
  });
}

import type { MessageKey } from '../i18n/en';
import type { Formatters } from '../i18n/format';
import type { Translate } from '../i18n/translate';

/** An invoice line's item as the API gives it (InvoiceLineItem). */
export interface LineItem {
  kind: string;
  credit: boolean;
  plan?: string | null;
  billingCycle?: string | null;
  from?: string | null;
  to?: string | null;
  month?: string | null;
}

const REASON_PREFIX = 'Reason: ';

/**
 * A line in the reader's language from its item; the issued (English) description for a line
 * without one, or of a kind this dashboard does not know yet.
 */
export function invoiceLineText(line: { description: string; item?: LineItem | null }, t: Translate, format: Formatters): string {
  const item = line.item;
  if (!item) return line.description;
  const moment = (iso: string) => format.dateTime(iso, 'UTC');
  const period = () => ({ plan: t(`plan.${item.plan}` as MessageKey), cycle: t(`cycle.${item.billingCycle}` as MessageKey) });
  let text: string;
  switch (item.kind) {
    case 'PLAN_PERIOD':
      text = t('invoiceLine.PLAN_PERIOD', { ...period(), from: format.date(item.from!.slice(0, 10)), to: format.date(item.to!.slice(0, 10)) });
      break;
    case 'PLAN_PRORATED':
    case 'UNUSED_TIME':
      text = t(`invoiceLine.${item.kind}`, { ...period(), from: moment(item.from!), to: moment(item.to!) });
      break;
    case 'DEVICES_OVER_ALLOWANCE':
    case 'MESSAGES_OVER_ALLOWANCE':
      text = t(`invoiceLine.${item.kind}`, { month: format.month(item.month!) });
      break;
    case 'CREDIT_REASON':
      // The reason is the platform admin's own words: kept as given.
      return t('invoiceLine.CREDIT_REASON', {
        reason: line.description.startsWith(REASON_PREFIX) ? line.description.slice(REASON_PREFIX.length) : line.description,
      });
    default:
      return line.description;
  }
  return item.credit ? t('invoiceLine.credit', { line: text }) : text;
}

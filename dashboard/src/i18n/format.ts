/**
 * Locale-aware formatting. Times are always shown in the farm's IANA time zone (a reading at
 * 23:30 UTC is tomorrow morning in Bangkok), never the browser's, and every quantity carries
 * its unit.
 */
export interface Formatters {
  number: (value: number, fractionDigits?: number) => string;
  /** `23.4 °C`, `18 %`, `1,250 kg`. */
  quantity: (value: number, unit: string, fractionDigits?: number) => string;
  dateTime: (iso: string, timeZone: string) => string;
  time: (iso: string, timeZone: string) => string;
  /** A calendar date (YYYY-MM-DD) as the locale writes it. */
  date: (isoDate: string) => string;
  /** A calendar month (YYYY-MM) as the locale writes it: `November 2026`, `พฤศจิกายน 2569`. */
  month: (yearMonth: string) => string;
  /** `14 min ago`, relative to `nowMs`. */
  ago: (iso: string, nowMs: number) => string;
  money: (amountMinor: number, currency: string) => string;
}

const MINOR_DIGITS_FALLBACK = 2;

export function createFormatters(locale: string): Formatters {
  const numberFormats = new Map<number, Intl.NumberFormat>();
  const numberFormat = (digits: number) => {
    let format = numberFormats.get(digits);
    if (!format) numberFormats.set(digits, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 })));
    return format;
  };
  const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
  const dateTimeFormat = (timeZone: string, kind: 'dateTime' | 'time') => {
    const key = `${kind}:${timeZone}`;
    let format = dateTimeFormats.get(key);
    if (!format) {
      format = new Intl.DateTimeFormat(locale, kind === 'time' ? { timeZone, timeStyle: 'medium' } : { timeZone, dateStyle: 'medium', timeStyle: 'short' });
      dateTimeFormats.set(key, format);
    }
    return format;
  };
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const monthFormat = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  return {
    number: (value, fractionDigits = 1) => numberFormat(fractionDigits).format(value),
    quantity: (value, unit, fractionDigits = 1) => `${numberFormat(fractionDigits).format(value)}\u00a0${unit}`,
    dateTime: (iso, timeZone) => dateTimeFormat(timeZone, 'dateTime').format(new Date(iso)),
    time: (iso, timeZone) => dateTimeFormat(timeZone, 'time').format(new Date(iso)),
    date: (isoDate) => dateFormat.format(new Date(`${isoDate}T00:00:00Z`)),
    month: (yearMonth) => monthFormat.format(new Date(`${yearMonth}-01T00:00:00Z`)),
    ago: (iso, nowMs) => {
      // A device clock slightly ahead of the browser's must not read "in 1 s".
      const seconds = Math.min(0, Math.round((new Date(iso).getTime() - nowMs) / 1000));
      const abs = Math.abs(seconds);
      if (abs < 60) return relative.format(seconds, 'second');
      if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
      if (abs < 86_400) return relative.format(Math.round(seconds / 3600), 'hour');
      return relative.format(Math.round(seconds / 86_400), 'day');
    },
    money: (amountMinor, currency) => {
      const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
      const digits = format.resolvedOptions().maximumFractionDigits ?? MINOR_DIGITS_FALLBACK;
      return format.format(amountMinor / 10 ** digits);
    },
  };
}

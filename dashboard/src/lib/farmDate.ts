/** Today's date (YYYY-MM-DD) on the farm's wall calendar: KPIs are per farm-local day. */
export function farmLocalDate(timeZone: string, at: Date = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

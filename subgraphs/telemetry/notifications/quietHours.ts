/** Minutes after local midnight of `at` in `timeZone`. */
export function localMinuteOfDay(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const value = (type: string) => Number(parts.find((part) => part.type === type)!.value);
  return value('hour') * 60 + value('minute');
}

/**
 * When quiet hours [startMinute, endMinute) in the farm's local time hold a message that would go
 * out at `at`: the end of the quiet hours, or null when `at` is outside them. A window may span
 * midnight (22:00–06:00). The end is reached by adding minutes, which is exact for zones without
 * a daylight-saving jump inside the window.
 */
export function quietUntil(at: Date, timeZone: string, startMinute: number | null, endMinute: number | null): Date | null {
  if (startMinute === null || endMinute === null || startMinute === endMinute) return null;
  const now = localMinuteOfDay(at, timeZone);
  const inside = startMinute < endMinute ? now >= startMinute && now < endMinute : now >= startMinute || now < endMinute;
  if (!inside) return null;
  const minutesLeft = (endMinute - now + 1440) % 1440;
  const startOfMinute = Math.floor(at.getTime() / 60_000) * 60_000;
  return new Date(startOfMinute + minutesLeft * 60_000);
}

/**
 * ISO 8601 text of a farm-local wall-clock time with its UTC offset. The offset is what tells the
 * two 02:30s of a night that leaves summer time apart (02:30+02:00, then 02:30+01:00).
 */
export function localTimeWithOffset(localWallClock: string, offsetSeconds: number): string {
  const sign = offsetSeconds < 0 ? '-' : '+';
  const minutes = Math.round(Math.abs(offsetSeconds) / 60);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${localWallClock}${sign}${hh}:${mm}`;
}

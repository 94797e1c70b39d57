/**
 * A target curve typed as lines of "day weight" (day of age, kg; a comma, semicolon, tab or
 * spaces between). Null when a line is not two numbers or a day repeats; the API checks ranges.
 */
export function parseTargetCurve(text: string): Array<{ dayOfAge: number; weightKg: number }> | null {
  const points: Array<{ dayOfAge: number; weightKg: number }> = [];
  const days = new Set<number>();
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const parts = line.trim().split(/[\s,;]+/);
    if (parts.length !== 2) return null;
    const dayOfAge = Number(parts[0]);
    const weightKg = Number(parts[1]);
    if (!Number.isInteger(dayOfAge) || !Number.isFinite(weightKg) || days.has(dayOfAge)) return null;
    days.add(dayOfAge);
    points.push({ dayOfAge, weightKg });
  }
  return points.sort((a, b) => a.dayOfAge - b.dayOfAge);
}

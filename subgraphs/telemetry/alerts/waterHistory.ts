import type { PrismaClient } from '../../../lib/db/database';
import { sameSpanOfPreviousDays } from './localDay';
import { BASELINE_DAYS, waterIntakeDropPercent, type SpanVolume } from './waterIntake';

/**
 * The barn's water intake drop at `at` (see waterIntakeDropPercent), from the stored water
 * readings of all its meters: one query sums today's span and the same span of the previous
 * three local days.
 */
export async function waterIntakeDropAt(db: PrismaClient, barnId: string, at: Date, timeZone: string): Promise<number | null> {
  const { today, previous } = sameSpanOfPreviousDays(at, timeZone, BASELINE_DAYS);
  const spans = [today, ...previous];
  const rows = await db.$queryRawUnsafe<Array<{ position: number; litres: number; readings: number }>>(
    `SELECT span.position::int AS position, COALESCE(SUM(r.value), 0)::float8 AS litres, COUNT(r.value)::int AS readings
     FROM unnest($2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY AS span(from_at, to_at, position)
     LEFT JOIN "telemetry"."reading" r
       ON r.barn_id = $1::uuid AND r.metric = 'waterLitres' AND r.observed_at >= span.from_at AND r.observed_at <= span.to_at
     GROUP BY span.position ORDER BY span.position`,
    barnId,
    spans.map((span) => span.from.toISOString()),
    spans.map((span) => span.to.toISOString()),
  );
  const volumes: SpanVolume[] = spans.map((span, index) => {
    const row = rows.find((candidate) => Number(candidate.position) === index + 1);
    return { span, litres: Number(row?.litres ?? 0), readings: Number(row?.readings ?? 0) };
  });
  return waterIntakeDropPercent(volumes[0]!, volumes.slice(1));
}

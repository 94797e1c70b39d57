import type { BatchFacts } from './batchPerformance';
import { derive, known, type KpiValue } from './kpiValue';
import { targetDeviationFraction, targetWeightGrams } from './targetCurve';

/** One day of a batch's life, for charts. */
export interface BatchDay {
  dayOfAge: number;
  deadCount: number;
  culledCount: number;
  depletedCount: number;
  /** Animals left at the end of the day. */
  headCountAlive: number;
  /** (dead + culled) since placement / placed × 100, at the end of the day. */
  cumulativeMortalityPercent: number;
  feedGrams: number;
  waterMillilitres: number;
  /** The mean of that day's weigh session; null on days nobody weighed. */
  averageWeightGrams: number | null;
  sampleCount: number;
  targetWeightGrams: KpiValue;
  /** (that day's average − target) / target, when both exist. */
  targetDeviationFraction: KpiValue;
}

/** Day of age 0 … `ageDays`, each with what was recorded on it and the target curve's weight. */
export function dailySeries(facts: BatchFacts, ageDays: number): BatchDay[] {
  const days: BatchDay[] = [];
  let lost = 0;
  let gone = 0;
  for (let day = 0; day <= ageDays; day++) {
    const on = <T extends { dayOfAge: number }>(rows: T[]) => rows.filter((row) => row.dayOfAge === day);
    const mortality = on(facts.mortality);
    const deadCount = mortality.filter((row) => row.kind === 'DEAD').reduce((total, row) => total + row.headCount, 0);
    const culledCount = mortality.filter((row) => row.kind === 'CULLED').reduce((total, row) => total + row.headCount, 0);
    const depletedCount = on(facts.depletions).reduce((total, row) => total + row.headCount, 0);
    lost += deadCount + culledCount;
    gone += deadCount + culledCount + depletedCount;
    const sessions = on(facts.weighSessions);
    const sampleCount = sessions.reduce((total, row) => total + row.sampleCount, 0);
    const averageWeightGrams = sampleCount > 0 ? sessions.reduce((total, row) => total + row.sumGrams, 0) / sampleCount : null;
    const target = targetWeightGrams(facts.targetCurve, day);
    days.push({
      dayOfAge: day,
      deadCount,
      culledCount,
      depletedCount,
      headCountAlive: Math.max(0, facts.headCountPlaced - gone),
      cumulativeMortalityPercent: facts.headCountPlaced > 0 ? (lost / facts.headCountPlaced) * 100 : 0,
      feedGrams: on(facts.feed).reduce((total, row) => total + row.feedGrams, 0),
      waterMillilitres: on(facts.water).reduce((total, row) => total + row.waterMillilitres, 0),
      averageWeightGrams,
      sampleCount,
      targetWeightGrams: target,
      targetDeviationFraction:
        averageWeightGrams === null ? { value: null, unavailableReason: 'NO_WEIGHTS' } : derive([known(averageWeightGrams), target], targetDeviationFraction),
    });
  }
  return days;
}

import type { Database, PrismaClient } from '../../../lib/db/database';
import { startConsumer, type Consumer } from '../../../lib/events/consumer';
import { READINGS_STORED, type ReadingEvent } from '../../../lib/events/topics';
import type { AlertRule } from '../../../lib/db/generated/client';
import type { Logger } from '../../../lib/logger';
import type { AlertChangedEvent, PubSub } from '../../../lib/pubsub/pubsub';
import { consumerTopology, type TopologyBarn } from '../topology';
import { evaluatePoints, publishChanges, type EvaluatedRule, type Point } from './alertStore';
import { AMMONIA_HIGH, heatStressRule, WATER_INTAKE_DROP, type BuiltInRule } from './builtIns';
import { latestClimatePair } from './climatePair';
import { temperatureHumidityIndex } from './thi';
import { waterIntakeDropAt } from './waterHistory';

export interface AlertEvaluatorOptions {
  db: Database;
  /** Where alert changes go out live (subscriptions). */
  pubsub: PubSub;
  log: Logger;
}

/** The durable consumer's name: its cursor in `events.consumer_partition`. */
export const ALERT_EVALUATOR = 'telemetry.alert-evaluator';

/**
 * Evaluates every stored batch of readings against the alert rules of the readings' barns (the
 * tenants' rules and the built-ins) and publishes `TOPICS.alertChanged` for each alert raised or
 * cleared. A farm's batches are evaluated one at a time, in the order they were stored (the
 * consumer's partition key), so a barn's state is never updated by two batches at once; across
 * processes the partial unique index keeps one active alert per rule and barn. Redelivery is
 * harmless: each rule's condition keeps the newest observation it evaluated and skips older ones.
 */
export function startAlertEvaluator(options: AlertEvaluatorOptions): Promise<Consumer> {
  return startConsumer({
    name: ALERT_EVALUATOR,
    topic: READINGS_STORED,
    sql: options.db.sql,
    log: options.log,
    // Idempotent (above): a crash repeats at most a turn's batches, at one cursor UPDATE a turn.
    advancePerTurn: true,
    handle: async (event) =>
      publishChanges(
        options.pubsub,
        await evaluateBatch(
          options.db.prisma,
          event.readings.filter((reading) => reading.barnId !== null),
        ),
      ),
  });
}

const CLIMATE_METRICS = new Set(['temperatureC', 'relativeHumidityPercent']);

/** Evaluates one batch: one query for the read model's barns, one for the rules of all of them. */
export async function evaluateBatch(db: PrismaClient, readings: readonly ReadingEvent[]): Promise<AlertChangedEvent[]> {
  const byBarn = new Map<string, ReadingEvent[]>();
  for (const reading of readings) {
    const list = byBarn.get(reading.barnId!) ?? [];
    list.push(reading);
    byBarn.set(reading.barnId!, list);
  }
  if (byBarn.size === 0) return [];
  const barns = await consumerTopology.lookupBarns(db, [...byBarn.keys()]);
  const rules = await db.alertRule.findMany({
    where: {
      enabled: true,
      OR: [{ barnId: { in: [...barns.keys()] } }, { barnId: null, farmId: { in: [...new Set([...barns.values()].map((barn) => barn.farmId))] } }],
    },
  });
  const changes: AlertChangedEvent[] = [];
  for (const [barnId, barnReadings] of byBarn) {
    const barn = barns.get(barnId);
    // A reading must name the barn's own tenant: anything else is not evaluated against its rules.
    const own = barn ? barnReadings.filter((reading) => reading.tenantId === barn.tenantId) : [];
    if (!barn || own.length === 0) continue;
    changes.push(
      ...(await evaluateBarn(
        db,
        barn,
        byObservedAt(own),
        rules.filter((rule) => appliesTo(rule, barn)),
      )),
    );
  }
  return changes;
}

/** Oldest observation first; each time parsed once (a batch holds thousands). */
function byObservedAt(readings: readonly ReadingEvent[]): ReadingEvent[] {
  const timed = readings.map((reading) => ({ reading, at: Date.parse(reading.observedAt) }));
  timed.sort((a, b) => a.at - b.at);
  return timed.map(({ reading }) => reading);
}

/** A rule of the barn, or a farm-wide rule (made before rules were per barn) of its farm. */
const appliesTo = (rule: AlertRule, barn: TopologyBarn) =>
  rule.tenantId === barn.tenantId && (rule.barnId === barn.barnId || (rule.barnId === null && rule.farmId === barn.farmId));

const pointsOf = (readings: readonly ReadingEvent[], metric: string): Point[] =>
  readings.filter((reading) => reading.metric === metric).map((reading) => ({ value: reading.value, at: new Date(reading.observedAt) }));

const builtIn = (rule: BuiltInRule): EvaluatedRule => ({ ...rule, ruleId: null, builtIn: rule.kind });

async function evaluateBarn(
  db: PrismaClient,
  barn: TopologyBarn,
  readings: readonly ReadingEvent[],
  rules: readonly AlertRule[],
): Promise<AlertChangedEvent[]> {
  const changes: AlertChangedEvent[] = [];
  const evaluate = async (rule: EvaluatedRule, points: Point[]) => {
    if (points.length > 0) changes.push(...(await evaluatePoints(db, barn, rule, points)));
  };
  for (const rule of rules) {
    await evaluate(
      {
        metric: rule.metric,
        comparison: rule.comparison,
        threshold: rule.threshold,
        clearThreshold: rule.clearThreshold ?? rule.threshold,
        minDurationSeconds: rule.minDurationSeconds,
        ruleId: rule.id,
        builtIn: null,
      },
      pointsOf(readings, rule.metric),
    );
  }
  await evaluate(builtIn(AMMONIA_HIGH), pointsOf(readings, AMMONIA_HIGH.metric));

  const climate = readings.filter((reading) => CLIMATE_METRICS.has(reading.metric));
  if (climate.length > 0) {
    const pair = await latestClimatePair(db, barn.barnId, climate);
    if (pair)
      await evaluate(builtIn(heatStressRule(barn.species)), [
        { value: temperatureHumidityIndex(pair.temperatureC, pair.relativeHumidityPercent), at: pair.at },
      ]);
  }

  const water = pointsOf(readings, 'waterLitres');
  if (water.length > 0) {
    const at = water[water.length - 1]!.at;
    const dropPercent = await waterIntakeDropAt(db, barn.barnId, at, barn.farmTimeZone);
    if (dropPercent !== null) await evaluate(builtIn(WATER_INTAKE_DROP), [{ value: dropPercent, at }]);
  }
  return changes;
}

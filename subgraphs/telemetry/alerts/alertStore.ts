import type { PrismaClient } from '../../../lib/db/database';
import type { Alert } from '../../../lib/db/generated/client';
import { isUniqueViolation } from '../../../lib/db/errors';
import { TOPICS, type AlertChangedEvent, type PubSub } from '../../../lib/pubsub/pubsub';
import { announceAlertChange } from './announceAlertChange';
import type { BuiltInKind } from './builtIns';
import { INITIAL_STATE, step, worse, type ConditionRule, type ConditionState } from './conditionState';

/** The barn a rule is evaluated for, as telemetry's topology read model describes it. */
export interface BarnRef {
  barnId: string;
  tenantId: string;
  farmId: string;
}

/** A rule as the store persists its alerts: a tenant's rule (ruleId) or a built-in. */
export interface EvaluatedRule extends ConditionRule {
  metric: string;
  ruleId: string | null;
  builtIn: BuiltInKind | null;
}

/** One value to evaluate, observed at `at`. */
export interface Point {
  value: number;
  at: Date;
}

/** What `source` counts one active alert per barn by: the rule's id or the built-in's name. */
export const sourceOf = (rule: Pick<EvaluatedRule, 'ruleId' | 'builtIn'>): string => rule.ruleId ?? rule.builtIn!;

/**
 * Runs `points` (time order) through the rule's state machine for one barn, starting from the
 * stored state, and stores what changed: new alerts, cleared alerts, peak and last values, and
 * the pending state. Points not newer than the last one evaluated are skipped (a late reading
 * does not rewrite the past). A raise or a clearing commits with the condition as it stands at
 * its point, so a crash right after it (and the batch applied again) cannot raise the same
 * episode twice. Returns the changes to publish.
 */
export async function evaluatePoints(db: PrismaClient, barn: BarnRef, rule: EvaluatedRule, points: readonly Point[]): Promise<AlertChangedEvent[]> {
  const source = sourceOf(rule);
  const [condition, activeAlert] = await Promise.all([
    db.alertCondition.findUnique({ where: { source_barnId: { source, barnId: barn.barnId } } }),
    db.alert.findFirst({ where: { source, barnId: barn.barnId, status: 'ACTIVE' } }),
  ]);
  const lastObservedAt = condition?.lastObservedAt.getTime() ?? -Infinity;
  const fresh = points.filter((point) => point.at.getTime() > lastObservedAt);
  if (fresh.length === 0) return [];

  const changes: AlertChangedEvent[] = [];
  const change = (alertId: string, kind: AlertChangedEvent['change']) => changes.push({ tenantId: barn.tenantId, farmId: barn.farmId, alertId, change: kind });
  let alert: Alert | null = activeAlert;
  let state: ConditionState = { active: alert !== null, pendingSince: condition?.pendingSince ?? INITIAL_STATE.pendingSince };
  let peakValue = alert?.peakValue ?? 0;
  let lastValue = alert?.lastValue ?? 0;

  for (const point of fresh) {
    const next = step(rule, state, point.value, point.at);
    state = next.state;
    if (next.transition === 'RAISED') {
      alert = await raise(db, barn, rule, source, point, state);
      if (alert) change(alert.id, 'RAISED');
      peakValue = lastValue = point.value;
      // Another evaluator raised it first: the state follows the stored alert.
      if (!alert) alert = await db.alert.findFirst({ where: { source, barnId: barn.barnId, status: 'ACTIVE' } });
    } else if (next.transition === 'CLEARED' && alert) {
      const clearedId = alert.id;
      // The clearing and its outbox event commit together (announceAlertChange.ts).
      await db.$transaction(async (tx) => {
        const cleared = await tx.alert.update({
          where: { id: clearedId },
          data: { status: 'CLEARED', clearedAt: point.at, lastValue: point.value, peakValue },
        });
        await announceAlertChange(tx, cleared, 'CLEARED');
        await saveCondition(tx, source, barn.barnId, state, point.at);
      });
      change(alert.id, 'CLEARED');
      alert = null;
    } else if (alert) {
      peakValue = worse(rule, peakValue, point.value);
      lastValue = point.value;
    }
  }
  if (alert && (alert.peakValue !== peakValue || alert.lastValue !== lastValue)) {
    await db.alert.update({ where: { id: alert.id }, data: { peakValue, lastValue } });
  }
  await saveCondition(db, source, barn.barnId, state, fresh[fresh.length - 1]!.at);
  return changes;
}

/** The rule's state for the barn once the points up to `lastObservedAt` are evaluated. */
async function saveCondition(
  db: Pick<PrismaClient, 'alertCondition'>,
  source: string,
  barnId: string,
  state: ConditionState,
  lastObservedAt: Date,
): Promise<void> {
  await db.alertCondition.upsert({
    where: { source_barnId: { source, barnId } },
    create: { source, barnId, pendingSince: state.pendingSince, lastObservedAt },
    update: { pendingSince: state.pendingSince, lastObservedAt },
  });
}

async function raise(db: PrismaClient, barn: BarnRef, rule: EvaluatedRule, source: string, point: Point, state: ConditionState): Promise<Alert | null> {
  try {
    // The alert and its outbox event commit together (announceAlertChange.ts).
    return await db.$transaction(async (tx) => {
      const alert = await tx.alert.create({
        data: {
          tenantId: barn.tenantId,
          farmId: barn.farmId,
          barnId: barn.barnId,
          ruleId: rule.ruleId,
          builtIn: rule.builtIn,
          source,
          metric: rule.metric,
          comparison: rule.comparison,
          threshold: rule.threshold,
          raisedAt: point.at,
          peakValue: point.value,
          lastValue: point.value,
        },
      });
      await announceAlertChange(tx, alert, 'RAISED');
      await saveCondition(tx, source, barn.barnId, state, point.at);
      return alert;
    });
  } catch (error) {
    // The partial unique index: one ACTIVE alert per source and barn, whoever wrote it.
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

/**
 * Clears the rule's active alerts at `at` and forgets its pending state: the rule was deleted,
 * disabled or changed, so what it said before no longer stands.
 */
export async function resetRule(db: PrismaClient, ruleId: string, at: Date): Promise<AlertChangedEvent[]> {
  const active = await db.alert.findMany({ where: { ruleId, status: 'ACTIVE' } });
  if (active.length > 0) await db.alert.updateMany({ where: { id: { in: active.map((alert) => alert.id) } }, data: { status: 'CLEARED', clearedAt: at } });
  await db.alertCondition.deleteMany({ where: { source: ruleId } });
  return active.map((alert) => ({ tenantId: alert.tenantId, farmId: alert.farmId, alertId: alert.id, change: 'CLEARED' as const }));
}

/** Publishes each change on `TOPICS.alertChanged`. */
export async function publishChanges(pubsub: PubSub, changes: readonly AlertChangedEvent[]): Promise<void> {
  for (const event of changes) await pubsub.publish(TOPICS.alertChanged, event);
}

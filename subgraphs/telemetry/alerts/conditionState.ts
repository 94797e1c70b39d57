/**
 * The alert state machine of one rule in one barn, as a pure function: a value observed at a
 * time, and where the rule stood, give where it stands now and whether an alert was raised or
 * cleared. Persisting and publishing are the evaluator's business.
 */
export type Comparison = 'ABOVE' | 'BELOW';

export interface ConditionRule {
  comparison: Comparison;
  /** ABOVE raises when the value is greater than this, BELOW when it is less. */
  threshold: number;
  /**
   * Hysteresis: an ABOVE alert clears when the value is <= this, a BELOW alert when it is >= this.
   * Always on the safe side of `threshold` (or equal to it), so a value wobbling around the
   * threshold neither raises nor clears twice.
   */
  clearThreshold: number;
  /** The raise condition must hold this long, reading after reading, before the alert is raised. */
  minDurationSeconds: number;
  /** Raise at the threshold itself too (>= / <=): the built-ins' "THI ≥ 75", "drop ≥ 20 %". */
  inclusive?: boolean;
}

export interface ConditionState {
  /** An alert of this rule is ACTIVE in the barn. */
  active: boolean;
  /** Since when the raise condition has held while no alert is active yet; null when it does not hold. */
  pendingSince: Date | null;
}

export type Transition = 'RAISED' | 'CLEARED';

export interface Step {
  state: ConditionState;
  /** What happened to the barn's alert with this value; null when nothing changed. */
  transition: Transition | null;
}

export const INITIAL_STATE: ConditionState = { active: false, pendingSince: null };

/** True when `value` is on the alarming side of the rule's threshold. */
export function breaches(rule: ConditionRule, value: number): boolean {
  if (rule.comparison === 'ABOVE') return rule.inclusive ? value >= rule.threshold : value > rule.threshold;
  return rule.inclusive ? value <= rule.threshold : value < rule.threshold;
}

/** True when `value` is back on the safe side of the clear threshold. */
export function clears(rule: ConditionRule, value: number): boolean {
  return rule.comparison === 'ABOVE' ? value <= rule.clearThreshold : value >= rule.clearThreshold;
}

/** The worse of two values for the rule: the higher for ABOVE, the lower for BELOW. */
export const worse = (rule: Pick<ConditionRule, 'comparison'>, a: number, b: number): number => (rule.comparison === 'ABOVE' ? Math.max(a, b) : Math.min(a, b));

/**
 * The next state after `value` observed at `at`. Readings must come in time order (the
 * evaluator skips older ones). While the alert is active only the clear threshold matters;
 * while it is not, each breaching reading keeps the pending time, and any other reading resets
 * it, so the condition must hold without interruption for `minDurationSeconds`.
 */
export function step(rule: ConditionRule, state: ConditionState, value: number, at: Date): Step {
  if (state.active) {
    return clears(rule, value) ? { state: INITIAL_STATE, transition: 'CLEARED' } : { state, transition: null };
  }
  if (!breaches(rule, value)) return { state: INITIAL_STATE, transition: null };
  const pendingSince = state.pendingSince ?? at;
  if (at.getTime() - pendingSince.getTime() >= rule.minDurationSeconds * 1000) {
    return { state: { active: true, pendingSince: null }, transition: 'RAISED' };
  }
  return { state: { active: false, pendingSince }, transition: null };
}

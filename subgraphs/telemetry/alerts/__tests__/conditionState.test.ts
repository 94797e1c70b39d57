import { INITIAL_STATE, step, type ConditionRule, type ConditionState } from '../conditionState';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 12, minute));

/** Feeds (minute, value) pairs through `step`, returning the transitions by minute. */
function run(rule: ConditionRule, readings: Array<[number, number]>, state: ConditionState = INITIAL_STATE) {
  const transitions: Array<[number, string]> = [];
  for (const [minute, value] of readings) {
    const next = step(rule, state, value, at(minute));
    if (next.transition) transitions.push([minute, next.transition]);
    state = next.state;
  }
  return { transitions, state };
}

describe('alert condition state', () => {
  const hot: ConditionRule = { comparison: 'ABOVE', threshold: 30, clearThreshold: 28, minDurationSeconds: 0 };

  it('should raise on the first reading above the threshold when there is no minimum duration', () => {
    // 29 is not > 30; 31 is, and 0 s of holding is enough.
    expect(
      run(hot, [
        [0, 29],
        [1, 31],
      ]).transitions,
    ).toEqual([[1, 'RAISED']]);
  });

  it('should not raise at the threshold itself unless the rule is inclusive', () => {
    expect(run(hot, [[0, 30]]).transitions).toEqual([]);
    expect(run({ ...hot, inclusive: true }, [[0, 30]]).transitions).toEqual([[0, 'RAISED']]);
  });

  it('should clear only at or below the clear threshold, so a sensor wobbling around the threshold raises once', () => {
    // 31 raises; 29.5 and 30 are below the threshold but above 28: still active; 31 again: no second raise;
    // 28 is <= 28: cleared; 31 after that raises anew.
    expect(
      run(hot, [
        [0, 31],
        [1, 29.5],
        [2, 30],
        [3, 31],
        [4, 28],
        [5, 31],
      ]).transitions,
    ).toEqual([
      [0, 'RAISED'],
      [4, 'CLEARED'],
      [5, 'RAISED'],
    ]);
  });

  it('should raise only after the condition has held for the minimum duration', () => {
    const rule = { ...hot, minDurationSeconds: 600 };
    // Pending from minute 0; minute 5 is 300 s in (< 600); minute 10 is 600 s in: raised.
    const { transitions } = run(rule, [
      [0, 31],
      [5, 32],
      [10, 31],
    ]);
    expect(transitions).toEqual([[10, 'RAISED']]);
  });

  it('should restart the minimum duration when one reading in between does not breach', () => {
    const rule = { ...hot, minDurationSeconds: 600 };
    // Pending from 0; 29 at minute 6 resets it; pending again from 7; minute 12 is only 300 s in; minute 17 is 600 s in.
    const { transitions, state } = run(rule, [
      [0, 31],
      [6, 29],
      [7, 31],
      [12, 31],
    ]);
    expect(transitions).toEqual([]);
    expect(state).toEqual({ active: false, pendingSince: at(7) });
    expect(run(rule, [[17, 31]], state).transitions).toEqual([[17, 'RAISED']]);
  });

  it('should treat BELOW rules as the mirror image', () => {
    const cold: ConditionRule = { comparison: 'BELOW', threshold: 18, clearThreshold: 20, minDurationSeconds: 0 };
    // 17 < 18 raises; 19 is not >= 20: still active; 20 clears.
    expect(
      run(cold, [
        [0, 19],
        [1, 17],
        [2, 19],
        [3, 20],
      ]).transitions,
    ).toEqual([
      [1, 'RAISED'],
      [3, 'CLEARED'],
    ]);
  });
});

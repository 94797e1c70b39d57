import { concurrencyLimit } from '../concurrencyLimit';

describe('concurrencyLimit', () => {
  it('runs at most max tasks at once, starts the waiting ones in order, and passes results and errors through', async () => {
    const limit = concurrencyLimit(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const task = (n: number) => async () => {
      started.push(n);
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      if (n === 3) throw new Error('task 3 failed');
      return n * 10;
    };
    const results = await Promise.allSettled([1, 2, 3, 4, 5].map((n) => limit(task(n))));
    expect(most).toBe(2);
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([10, 20, 'task 3 failed', 40, 50]);
    // Free again afterwards: two at once start at once.
    running = 0;
    most = 0;
    await Promise.all([limit(task(6)), limit(task(7))]);
    expect(most).toBe(2);
  });
});

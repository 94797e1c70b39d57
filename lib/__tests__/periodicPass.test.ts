import { createLogger } from '../logger';
import { startPeriodicPass } from '../periodicPass';

const log = createLogger('silent');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('periodic pass', () => {
  it('should run asked passes one after the other, never two at once', async () => {
    let running = 0;
    let most = 0;
    let count = 0;
    const passes = startPeriodicPass({
      async run() {
        running += 1;
        most = Math.max(most, running);
        await sleep(20);
        running -= 1;
        return (count += 1);
      },
      log,
      failureMessage: 'failed',
      fallback: 0,
    });
    const results = await Promise.all([passes.runOnce(), passes.runOnce(), passes.runOnce()]);
    expect(results).toEqual([1, 2, 3]);
    expect(most).toBe(1);
    await passes.stop();
  });

  it('should answer a failed pass with the fallback and still run the next one', async () => {
    let calls = 0;
    const passes = startPeriodicPass({
      async run() {
        calls += 1;
        if (calls === 1) throw new Error('database away');
        return ['raised'];
      },
      log,
      failureMessage: 'failed',
      fallback: [] as string[],
    });
    expect(await passes.runOnce()).toEqual([]);
    expect(await passes.runOnce()).toEqual(['raised']);
    await passes.stop();
  });

  it('should run on its timer until stopped, and stop waits for the pass in hand', async () => {
    let finished = 0;
    const passes = startPeriodicPass({
      async run() {
        await sleep(30);
        return (finished += 1);
      },
      intervalMs: 10,
      log,
      failureMessage: 'failed',
      fallback: 0,
    });
    await sleep(150);
    await passes.stop();
    const atStop = finished;
    expect(atStop).toBeGreaterThanOrEqual(2);
    await sleep(100);
    expect(finished).toBe(atStop);
  });
});

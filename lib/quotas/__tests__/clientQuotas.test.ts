import { openDatabase, type Database } from '../../db/database';
import { applyMigrations } from '../../db/migrate';
import { openRedis } from '../../rateLimit/store';
import { startRedis } from '../../../tests/support/redis';
import { createClientQuotas, QuotaExceededError, type ClientQuotas } from '../clientQuotas';

type Store = 'memory' | 'pglite' | 'redis';

/** Every store rate-limiter-flexible runs on here keeps the same books. */
describe.each<Store>(['memory', 'pglite', 'redis'])('client quotas in %s', (store) => {
  let quotas: ClientQuotas;
  let close: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    const limits = { requestsPerMinute: 3, costPointsPerDay: 10 };
    if (store === 'memory') quotas = createClientQuotas(limits, {});
    if (store === 'pglite') {
      const db: Database = await openDatabase({ kind: 'pglite', dir: 'memory' });
      await applyMigrations(db.sql);
      quotas = createClientQuotas(limits, { sql: db.sql });
      close = () => db.close();
    }
    if (store === 'redis') {
      const server = await startRedis();
      const client = await openRedis(server.url);
      quotas = createClientQuotas(limits, { redis: client.redis });
      close = async () => {
        await client.close();
        await server.stop();
      };
    }
  }, 60_000);
  afterAll(() => close());

  it('should count requests and cost points per client, and refuse what does not fit without charging it', async () => {
    const [requests, cost] = await quotas.charge('client-a', 6);
    expect({ requests: requests!.remaining, cost: cost!.remaining }).toEqual({ requests: 2, cost: 4 }); // 3 − 1, 10 − 6
    const refused = await quotas.charge('client-a', 5).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(QuotaExceededError);
    expect((refused as QuotaExceededError).exceeded).toMatchObject({ quota: 'cost', remaining: 4, used: 6 });
    expect((refused as QuotaExceededError).retryAfterSeconds).toBeGreaterThan(86_000);
    const [, afterRefusal] = await quotas.charge('client-a', 4);
    expect(afterRefusal!.remaining).toBe(0); // 4 − 4: the refused 5 points were not kept
    expect((await quotas.usage('client-b')).map((state) => state.used)).toEqual([0, 0]);
  });

  it('should refuse the request over the per-minute quota until its window ends', async () => {
    for (let i = 0; i < 3; i += 1) await quotas.charge('client-c', 1);
    const refused = (await quotas.charge('client-c', 1).catch((error: unknown) => error)) as QuotaExceededError;
    expect(refused.exceeded.quota).toBe('requests');
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await quotas.usage('client-c'))[1]!.used).toBe(3);
  });
});

import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { migratedDatabase } from '../../../tests/support/database';
import { REDIS_URL_ENV } from '../../../tests/support/globalSetup';
import type { Principal } from '../principal';
import {
  createRevocationList,
  databaseRevocationStore,
  REVOCATION_LIFETIME_MS,
  redisRevocationStore,
  withRevocationCheck,
  type RevocationStore,
} from '../revocation';

const tokenOf = (overrides: Partial<Principal> = {}): Principal => ({
  subject: randomUUID(),
  kind: 'user',
  tenantId: randomUUID(),
  roles: ['OPERATOR'],
  scopes: [],
  tokenId: randomUUID(),
  sessionId: randomUUID(),
  issuedAt: new Date(Date.now() - 5_000),
  expiresAt: new Date(Date.now() + 600_000),
  ...overrides,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface OpenStore {
  store: RevocationStore;
  close(): Promise<void>;
}

async function databaseStore(): Promise<OpenStore> {
  const { db, close } = await migratedDatabase('pglite');
  return { store: databaseRevocationStore(db.sql), close };
}

async function redisStore(): Promise<OpenStore> {
  const redis = new Redis(process.env[REDIS_URL_ENV]!);
  return { store: redisRevocationStore(redis), close: async () => void (await redis.quit()) };
}

const redisOrDatabase = () => (process.env[REDIS_URL_ENV] ? redisStore() : databaseStore());

const stores: Array<[string, () => Promise<OpenStore>]> = [
  ['the database', databaseStore],
  ...(process.env[REDIS_URL_ENV] ? [['Redis', redisStore] as [string, () => Promise<OpenStore>]] : []),
];

describe.each(stores)('the revocation list in %s', (_name, open) => {
  let opened: OpenStore;
  const withStore = (run: (store: RevocationStore) => Promise<void>) => run(opened.store);
  beforeAll(async () => {
    opened = await open();
  });
  afterAll(async () => {
    await opened?.close();
  });

  it('makes another process refuse a revoked session within a second, and only that session', async () => {
    await withStore(async (store) => {
      const identity = createRevocationList(store);
      const verifier = createRevocationList(store);
      const victim = tokenOf();
      const bystander = tokenOf({ subject: victim.subject });
      expect(await verifier.isRevoked(victim)).toBe(false); // the verifier now holds a cached copy
      await identity.revokeSessions([victim.sessionId!]);
      expect(await identity.isRevoked(victim)).toBe(true); // the writer's own process at once
      const revokedAt = Date.now();
      while (!(await verifier.isRevoked(victim))) await sleep(50);
      expect(Date.now() - revokedAt).toBeLessThanOrEqual(1_100);
      expect(await verifier.isRevoked(bystander)).toBe(false);
    });
  });

  it('refuses every token of a revoked API client', async () => {
    await withStore(async (store) => {
      const list = createRevocationList(store);
      const client = tokenOf({ kind: 'client', sessionId: undefined, roles: ['PARTNER'] });
      await list.revokeSubject(client.subject);
      expect(await list.isRevoked(client)).toBe(true);
      expect(await list.isRevoked({ ...client, issuedAt: new Date() })).toBe(true);
    });
  });

  it('refuses a suspended tenant until reinstated, then only the tokens issued before the suspension', async () => {
    await withStore(async (store) => {
      const list = createRevocationList(store);
      const tenantId = randomUUID();
      const suspendedAt = new Date();
      const before = tokenOf({ tenantId, issuedAt: new Date(suspendedAt.getTime() - 1_000) });
      await list.suspendTenant(tenantId);
      expect(await list.isRevoked(before)).toBe(true);
      expect(await list.isRevoked(tokenOf({ tenantId, issuedAt: new Date(suspendedAt.getTime() + 5_000) }))).toBe(true);
      await list.reinstateTenant(tenantId, suspendedAt);
      expect(await list.isRevoked(before)).toBe(true);
      expect(await list.isRevoked(tokenOf({ tenantId, issuedAt: new Date(suspendedAt.getTime() + 5_000) }))).toBe(false);
      expect(await list.isRevoked(tokenOf())).toBe(false);
    });
  });

  it('forgets an entry once every token it refuses has expired', async () => {
    await withStore(async (store) => {
      let now = new Date();
      const list = createRevocationList(store, { cacheMs: 0, now: () => now });
      const token = tokenOf();
      await list.revokeSessions([token.sessionId!]);
      now = new Date(now.getTime() + REVOCATION_LIFETIME_MS - 1_000);
      expect(await list.isRevoked(token)).toBe(true);
      now = new Date(now.getTime() + 2_000);
      expect(await list.isRevoked(token)).toBe(false);
      await list.revokeSessions([randomUUID()]); // a write prunes what expired
      expect((await store.current(new Date(0))).some((entry) => entry.key === `session:${token.sessionId}`)).toBe(false);
    });
  });
});

describe('a verifier with a revocation list', () => {
  it('refuses a revoked token as UNAUTHENTICATED and passes others through', async () => {
    const { store, close } = await redisOrDatabase();
    await (async () => {
      const list = createRevocationList(store);
      const revoked = tokenOf();
      const fine = tokenOf();
      const verify = withRevocationCheck(async (token) => (token === 'revoked' ? revoked : fine), list);
      await list.revokeSessions([revoked.sessionId!]);
      await expect(verify('revoked')).rejects.toMatchObject({ message: expect.stringMatching(/revoked/), extensions: { code: 'UNAUTHENTICATED' } });
      await expect(verify('fine')).resolves.toBe(fine);
    })().finally(close);
  });
});

/**
 * Access tokens are self-contained for 15 minutes, so ending a session, changing a password or
 * revoking a client must also reach the tokens already handed out. Identity writes what it
 * revoked into one short list; every process that verifies tokens (each subgraph, the gateway)
 * reads the whole list at most once a second and refuses tokens it covers. An entry lives only
 * as long as the tokens it refuses could (their lifetime plus clock tolerance), so the list
 * holds the revocations of the last quarter hour and reading it whole stays cheap.
 *
 * Keys: `session:<refresh family id>` (a login session: the token's `sid`), `subject:<id>` (an
 * API client) and `tenant:<id>` (a suspended tenant). The list lives in Redis when REDIS_URL is
 * set, else in identity's `token_revocation` table (processes that share the database).
 */
import type Redis from 'ioredis';
import type { SqlExecutor } from '../db/sql';
import { ErrorCode, userError } from '../errors';
import { ACCESS_TOKEN_TTL_SECONDS, CLOCK_TOLERANCE_SECONDS, type TokenVerifier } from './accessToken';
import type { Principal } from './principal';

/** How long a revoked token could still pass `exp` (its lifetime plus the verifier's tolerance), with a margin. */
export const REVOCATION_LIFETIME_MS = (ACCESS_TOKEN_TTL_SECONDS + CLOCK_TOLERANCE_SECONDS + 30) * 1000;
/** How stale a verifier's copy of the list may be: a revoked token stops working within this. */
export const REVOCATION_CACHE_MS = 1000;

export interface Revocation {
  key: string;
  /** Tokens issued before this instant are refused; null refuses every token under the key. */
  revokedBefore: Date | null;
  /** When the entry can go; null while it must hold (a suspended tenant). */
  expiresAt: Date | null;
}

export const revocationKey = {
  session: (sessionId: string) => `session:${sessionId}`,
  subject: (subject: string) => `subject:${subject}`,
  tenant: (tenantId: string) => `tenant:${tenantId}`,
};

/** Where the list is kept. */
export interface RevocationStore {
  /** The entries still in force at `now`. */
  current(now: Date): Promise<Revocation[]>;
  /** Adds or replaces entries (by key), and forgets expired ones. */
  put(entries: Revocation[], now: Date): Promise<void>;
}

export function databaseRevocationStore(sql: SqlExecutor): RevocationStore {
  return {
    async current(now) {
      const rows = await sql.query<{ key: string; revoked_before: Date | string | null; expires_at: Date | string | null }>(
        'SELECT key, revoked_before, expires_at FROM identity.token_revocation WHERE expires_at IS NULL OR expires_at > $1',
        [now.toISOString()],
      );
      const toDate = (value: Date | string | null) => (value === null ? null : new Date(value));
      return rows.map((row) => ({ key: row.key, revokedBefore: toDate(row.revoked_before), expiresAt: toDate(row.expires_at) }));
    },
    async put(entries, now) {
      for (const entry of entries) {
        await sql.query(
          `INSERT INTO identity.token_revocation (key, revoked_before, expires_at) VALUES ($1, $2, $3)
           ON CONFLICT (key) DO UPDATE SET revoked_before = EXCLUDED.revoked_before, expires_at = EXCLUDED.expires_at`,
          [entry.key, entry.revokedBefore?.toISOString() ?? null, entry.expiresAt?.toISOString() ?? null],
        );
      }
      await sql.query('DELETE FROM identity.token_revocation WHERE expires_at <= $1', [now.toISOString()]);
    },
  };
}

const REDIS_HASH = 'farmiq:token-revocations';

/** One Redis hash: field = key, value = `{"before":ms|null,"expires":ms|null}`. */
export function redisRevocationStore(redis: Redis): RevocationStore {
  return {
    async current(now) {
      const fields = await redis.hgetall(REDIS_HASH);
      const entries: Revocation[] = [];
      for (const [key, value] of Object.entries(fields)) {
        const { before, expires } = JSON.parse(value) as { before: number | null; expires: number | null };
        if (expires !== null && expires <= now.getTime()) continue;
        entries.push({ key, revokedBefore: before === null ? null : new Date(before), expiresAt: expires === null ? null : new Date(expires) });
      }
      return entries;
    },
    async put(entries, now) {
      if (entries.length > 0) {
        await redis.hset(
          REDIS_HASH,
          Object.fromEntries(
            entries.map((entry) => [
              entry.key,
              JSON.stringify({ before: entry.revokedBefore?.getTime() ?? null, expires: entry.expiresAt?.getTime() ?? null }),
            ]),
          ),
        );
      }
      const expired = Object.entries(await redis.hgetall(REDIS_HASH))
        .filter(([, value]) => {
          const { expires } = JSON.parse(value) as { expires: number | null };
          return expires !== null && expires <= now.getTime();
        })
        .map(([key]) => key);
      if (expired.length > 0) await redis.hdel(REDIS_HASH, ...expired);
    },
  };
}

/** A process's view of the list: identity writes through it, every verifier checks with it. */
export interface RevocationList {
  /** True when the list covers this token. */
  isRevoked(principal: Principal): Promise<boolean>;
  /** Refuses every token of these login sessions from now on. */
  revokeSessions(sessionIds: string[]): Promise<void>;
  /** Refuses every token of this subject (an API client) from now on. */
  revokeSubject(subject: string): Promise<void>;
  /** Refuses the subject's tokens issued before `instant` (and in its second): a changed policy its tokens carry. */
  revokeSubjectTokensIssuedBefore(subject: string, instant: Date): Promise<void>;
  /** Refuses every token acting for the tenant until `reinstateTenant`. */
  suspendTenant(tenantId: string): Promise<void>;
  /** Tokens issued after `suspendedAt` work again (new ones only: the suspension still refuses older ones). */
  reinstateTenant(tenantId: string, suspendedAt: Date): Promise<void>;
}

export function createRevocationList(store: RevocationStore, options: { cacheMs?: number; now?: () => Date } = {}): RevocationList {
  const cacheMs = options.cacheMs ?? REVOCATION_CACHE_MS;
  const now = options.now ?? (() => new Date());
  let cached: { at: number; entries: Promise<Map<string, Revocation>> } | undefined;

  const snapshot = (): Promise<Map<string, Revocation>> => {
    const at = Date.now();
    if (!cached || at - cached.at >= cacheMs) {
      const entries = store.current(now()).then((list) => new Map(list.map((entry) => [entry.key, entry])));
      // A failed read is not kept: the next request asks again (and this one fails closed).
      entries.catch(() => {
        if (cached?.entries === entries) cached = undefined;
      });
      cached = { at, entries };
    }
    return cached.entries;
  };
  const put = async (entries: Revocation[]) => {
    await store.put(entries, now());
    cached = undefined; // this process sees its own revocations at once
  };
  const shortLived = (key: string): Revocation => ({ key, revokedBefore: null, expiresAt: new Date(now().getTime() + REVOCATION_LIFETIME_MS) });

  return {
    async isRevoked(principal) {
      const entries = await snapshot();
      const keys = [revocationKey.subject(principal.subject)];
      if (principal.sessionId) keys.push(revocationKey.session(principal.sessionId));
      if (principal.tenantId) keys.push(revocationKey.tenant(principal.tenantId));
      return keys.some((key) => {
        const entry = entries.get(key);
        return entry !== undefined && (entry.revokedBefore === null || principal.issuedAt.getTime() < entry.revokedBefore.getTime());
      });
    },
    revokeSessions: (sessionIds) => put(sessionIds.map((id) => shortLived(revocationKey.session(id)))),
    revokeSubject: (subject) => put([shortLived(revocationKey.subject(subject))]),
    revokeSubjectTokensIssuedBefore: (subject, instant) =>
      put([{ key: revocationKey.subject(subject), revokedBefore: instant, expiresAt: new Date(now().getTime() + REVOCATION_LIFETIME_MS) }]),
    suspendTenant: (tenantId) => put([{ key: revocationKey.tenant(tenantId), revokedBefore: null, expiresAt: null }]),
    reinstateTenant: (tenantId, suspendedAt) =>
      put([{ key: revocationKey.tenant(tenantId), revokedBefore: suspendedAt, expiresAt: new Date(now().getTime() + REVOCATION_LIFETIME_MS) }]),
  };
}

/** `verify`, then refuse a token the list covers. Without a list (a lone gateway without Redis) the subgraphs still check. */
export function withRevocationCheck(verify: TokenVerifier, list: RevocationList | undefined): TokenVerifier {
  if (!list) return verify;
  return async (token) => {
    const principal = await verify(token);
    if (await list.isRevoked(principal)) throw userError(ErrorCode.Unauthenticated, 'The access token has been revoked; log in again');
    return principal;
  };
}

/**
 * Prisma 6.19's client engine (`engineType = "client"`) compiles every query to a plan in
 * WebAssembly on the calling thread, again on every call: ≈ a tenth of the all-in-one
 * process's CPU under the gateway bench. Prisma 7.4 caches plans by query shape (values made
 * parameters, prisma/orm#29038); 6.19 has no such option and passes no parameters to its
 * executor, so the plan of a query is a pure function of its JSON request, values included.
 *
 * This remembers the plans of read queries (a raw `SELECT` included) by that exact request
 * text, once the same text has been compiled twice: the same read asked again (a dashboard's
 * tenant, its farms, the same page polled) is not compiled a third time. Writes
 * are never cached (their plans carry the data written). The plan is handed to the executor
 * as compiled and frozen: the executor only reads it (Prisma's runtime is strict mode, so a
 * write to a frozen plan would throw rather than change the next caller's query).
 */
import { QueryCompiler } from '@prisma/client/runtime/query_compiler_bg.postgresql.js';
import { deepFreeze } from '../deepFreeze';

/** Plans remembered at most; the least recently used goes first. */
export const PLAN_CACHE_ENTRIES = 1_000;

const READ_ACTIONS = new Set(['findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany', 'count', 'aggregate', 'groupBy']);

/**
 * One cache per compiler: a compiler is made for one connection (its adapter's limits, such as
 * bind values per statement, shape the plan), and a process may hold two (PGlite and PostgreSQL).
 */
const caches = new WeakMap<object, CompilerCache>();
let entries = 0;
let hits = 0;
let misses = 0;

interface CompilerCache {
  plans: Map<string, unknown>;
  /**
   * Reads compiled once lately and not kept: a plan is kept from its read's second compile on,
   * so a stream of reads that never repeat (the climate pair's, whose values change every
   * batch) passes by without evicting the plans that do repeat. Cleared when full.
   */
  seenOnce: Set<string>;
}

/** How often a read's plan came from the cache, and plans held (all compilers; for tests and profiling). */
export function planCacheStats(): { hits: number; misses: number; entries: number } {
  return { hits, misses, entries };
}

/**
 * The client writes `{"modelName":…,"action":…,"query":…}` for a model's query, and
 * `{"action":"queryRaw","query":{"arguments":{"query":"<SQL>",…}}}` for raw SQL: a raw `SELECT` is
 * a read too (its plan is the SQL text and its values); other raw SQL is not cached.
 */
const isRead = (request: string) => {
  if (RAW_SELECT.test(request)) return true;
  const action = /^\{"modelName":"\w+","action":"(\w+)"/.exec(request)?.[1];
  return action !== undefined && READ_ACTIONS.has(action);
};
const RAW_SELECT = /^\{"action":"queryRaw","query":\{"arguments":\{"query":"(?:\\n|\s)*SELECT\s/i;

type Compile = (this: object, request: string) => unknown;
const prototype = QueryCompiler.prototype as { compile: Compile; __farmiqPlanCache?: true };

/** Installs the cache on Prisma's query compiler, once per process. */
export function cacheReadPlans(): void {
  if (prototype.__farmiqPlanCache) return;
  const compile = prototype.compile;
  prototype.compile = function cachedCompile(request: string) {
    if (!isRead(request)) return compile.call(this, request);
    let cache = caches.get(this);
    if (!cache) caches.set(this, (cache = { plans: new Map(), seenOnce: new Set() }));
    const { plans, seenOnce } = cache;
    const cached = plans.get(request);
    if (cached !== undefined) {
      hits += 1;
      plans.delete(request);
      plans.set(request, cached);
      return cached;
    }
    misses += 1;
    if (!seenOnce.has(request)) {
      if (seenOnce.size >= PLAN_CACHE_ENTRIES) seenOnce.clear();
      seenOnce.add(request);
      return compile.call(this, request);
    }
    seenOnce.delete(request);
    const plan = deepFreeze(compile.call(this, request));
    plans.set(request, plan);
    entries += 1;
    if (plans.size > PLAN_CACHE_ENTRIES) {
      plans.delete(plans.keys().next().value!);
      entries -= 1;
    }
    return plan;
  };
  prototype.__farmiqPlanCache = true;
}

import DataLoader from 'dataloader';
import { isUuid } from '../validation';

const loadersByRequest = new WeakMap<object, Map<string, DataLoader<string, unknown>>>();

/**
 * A DataLoader that lives as long as one request's context: every `load` in one tick becomes
 * one `batch` call, so resolving N entities or N parents' lists costs one query, not N.
 */
export function requestLoader<Value>(ctx: object, name: string, batch: (keys: readonly string[]) => Promise<Value[]>): DataLoader<string, Value> {
  let loaders = loadersByRequest.get(ctx);
  if (!loaders) {
    loaders = new Map();
    loadersByRequest.set(ctx, loaders);
  }
  let loader = loaders.get(name);
  if (!loader) {
    loader = new DataLoader<string, Value>(batch, { maxBatchSize: 500 }) as DataLoader<string, unknown>;
    loaders.set(name, loader);
  }
  return loader as DataLoader<string, Value>;
}

/** `rows` in the order of `keys`, null where no row has that key. */
export function byKey<Row>(keys: readonly string[], rows: Row[], keyOf: (row: Row) => string): Array<Row | null> {
  const found = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => found.get(key) ?? null);
}

/** `rows` grouped under `keys`, in the order the rows came. */
export function groupByKey<Row>(keys: readonly string[], rows: Row[], keyOf: (row: Row) => string): Row[][] {
  const groups = new Map<string, Row[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key)!);
}

/**
 * A row of the caller's tenant by id, through a per-request loader (one query for all ids of a
 * request); null for an anonymous caller, a malformed id, or another tenant's row.
 */
export function loadTenantRow<Row extends { id: string }>(
  ctx: { principal: { tenantId: string | null } | null },
  name: string,
  id: string,
  find: (ids: string[], tenantId: string) => Promise<Row[]>,
): Promise<Row | null> {
  const tenantId = ctx.principal?.tenantId;
  if (!tenantId || !isUuid(id)) return Promise.resolve(null);
  return requestLoader(ctx, name, async (ids) => byKey(ids, await find([...ids], tenantId), (row) => row.id)).load(id);
}

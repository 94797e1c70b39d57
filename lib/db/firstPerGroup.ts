import type { PrismaClient } from './database';

/** A tenant-owned table listed per parent: names are constants of the calling module, never input. */
export interface GroupedTable {
  /** `"schema"."table"`. */
  table: string;
  /** The parent's id column, e.g. `farm_id`. */
  groupColumn: string;
  /** The list order within a parent, e.g. `placed_on DESC, id`. */
  orderBy: string;
}

/**
 * The ids of the first `perGroup` rows of each parent in `groupIds`, within one tenant, in one
 * query (a window function), so listing children of many parents is neither N queries nor
 * unbounded.
 */
export async function firstIdsPerGroup(
  db: PrismaClient,
  table: GroupedTable,
  tenantId: string,
  groupIds: readonly string[],
  perGroup: number,
): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<Array<{ id: string }>>(
    `SELECT id::text AS id FROM (
       SELECT id, row_number() OVER (PARTITION BY ${table.groupColumn} ORDER BY ${table.orderBy}) AS position
       FROM ${table.table}
       WHERE tenant_id = $1::uuid AND ${table.groupColumn} = ANY($2::uuid[])
     ) ranked WHERE position <= $3`,
    tenantId,
    [...groupIds],
    perGroup,
  );
  return rows.map((row) => row.id);
}

import { badInput } from '../errors';

/**
 * Opaque keyset cursors: the sort position of the last row of a page (a time and an id), so the
 * next page starts after it even while rows are added. Clients must not parse them.
 */
export interface CursorPosition {
  at: Date;
  id: string;
}

export const encodeCursor = (position: CursorPosition): string => Buffer.from(`${position.at.toISOString()}|${position.id}`).toString('base64url');

/** The position a cursor names; BAD_USER_INPUT for anything this API did not hand out. */
export function decodeCursor(cursor: string, field = 'after'): CursorPosition {
  const [at, id, extra] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const time = new Date(at ?? '');
  if (!id || extra !== undefined || Number.isNaN(time.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw badInput(`${field}: not a cursor this API handed out`, field);
  }
  return { at: time, id };
}

/** A page of `first` rows from `rows` fetched with `take: first + 1` (the extra row says there is more). */
export function pageOf<Row>(rows: Row[], first: number, positionOf: (row: Row) => CursorPosition) {
  const nodes = rows.slice(0, first);
  const last = nodes[nodes.length - 1];
  return { nodes, pageInfo: { endCursor: last ? encodeCursor(positionOf(last)) : null, hasNextPage: rows.length > first } };
}

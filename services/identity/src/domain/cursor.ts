/** Opaque list cursors (ARCHITECTURE.md, "API shape"): the sort key of the last item, base64url. */
export const encodeCursor = (key: string): string => Buffer.from(key, 'utf8').toString('base64url');
export const decodeCursor = (cursor: string | undefined): string | undefined =>
  cursor === undefined ? undefined : Buffer.from(cursor, 'base64url').toString('utf8');

/** Lists fetch one row more than asked, to know whether a next page exists without counting. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => string) {
  const items = rows.slice(0, limit);
  const nextCursor = rows.length > limit ? encodeCursor(keyOf(items[items.length - 1])) : null;
  return { items, nextCursor };
}

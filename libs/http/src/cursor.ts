import { z } from 'zod';
import { badRequest } from './problem';
import { controlCharacterErrors } from './text';

/**
 * An opaque list cursor (ARCHITECTURE.md, "API shape"): the sort key of a page's last item as
 * base64url JSON. A client can send anything back, so what it decodes to is parsed by `position`
 * like any other input; a cursor this API did not give out is a 400 on `cursor`, never a value
 * that reaches SQL.
 */
export interface CursorCodec<T> {
  encode(position: T): string;
  /** The position a cursor stands for; undefined when there is none (the first page). */
  decode(cursor: string | undefined): T | undefined;
  /**
   * One page from rows fetched with `limit + 1` (one more than asked, to know whether a next page
   * exists without counting); the cursor names the last row of the page.
   */
  page<R>(
    rows: R[],
    limit: number,
    positionOf: (row: R) => T,
  ): { items: R[]; nextCursor: string | null };
}

export const invalidCursor = () =>
  badRequest('The cursor is not one this API gave out.', [
    { field: 'cursor', message: 'Use nextCursor from the previous page' },
  ]);

export function cursorCodec<S extends z.ZodType>(position: S): CursorCodec<z.output<S>> {
  const decodeJson = (cursor: string): unknown => {
    try {
      return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    } catch {
      return undefined; // not base64url JSON: refused below like any other foreign cursor
    }
  };
  const codec: CursorCodec<z.output<S>> = {
    encode: (p) => Buffer.from(JSON.stringify(p), 'utf8').toString('base64url'),
    decode: (cursor) => {
      if (cursor === undefined) return undefined;
      const value = decodeJson(cursor);
      const parsed = position.safeParse(value);
      if (!parsed.success || controlCharacterErrors(value).length) throw invalidCursor();
      return parsed.data;
    },
    page: (rows, limit, positionOf) => {
      const items = rows.slice(0, limit);
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > limit ? codec.encode(positionOf(last)) : null };
    },
  };
  return codec;
}

import { badRequest } from '@hearth/http';

/** Opaque list cursors (ARCHITECTURE.md, "API shape"): the sort key of the last item, base64url. */
type Cursor = { t: string; id: string };
export const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
// The shapes Postgres prints a timestamptz and a uuid in: anything else was not given out here.
const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The position a cursor stands for; one this API did not give out is refused with 400. */
export function decodeCursor(cursor: string): Cursor {
  let c: Partial<Cursor> | undefined;
  try {
    c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    c = undefined; // not base64url JSON: refused below like any other foreign cursor
  }
  if (
    typeof c?.t === 'string' &&
    TIMESTAMP.test(c.t) &&
    typeof c.id === 'string' &&
    UUID.test(c.id)
  )
    return { t: c.t, id: c.id };
  throw badRequest('The cursor is not one this API gave out.', [
    { field: 'cursor', message: 'Use nextCursor from the previous page' },
  ]);
}

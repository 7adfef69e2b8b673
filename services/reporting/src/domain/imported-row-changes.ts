/**
 * What a row of a later export from the same source does to what an import holds (README,
 * "Import"): HUD's DateUpdated says which of two versions of a row is newer, DateDeleted that the
 * sending system deleted it. Pure: the rows and what we hold in, what to write and the counts out.
 */

/** What we hold of a row, by its HUD id. Times as HUD writes them: `yyyy-mm-dd hh:mm:ss`. */
export interface HeldStamp {
  dateUpdated: string;
  deleted: boolean;
}
export interface Stamped {
  dateUpdated: string;
  dateDeleted: string | null;
}
export type RowChange = 'accepted' | 'updated' | 'deleted' | 'alreadyHeld';

/**
 * A live row we never held is new; one we hold updates ours only when its DateUpdated is later
 * (an older or equal one is ours already). A DateDeleted row marks ours deleted unless ours is
 * deleted already or newer: a system may stamp DateDeleted without moving DateUpdated, so an equal
 * DateUpdated deletes. A DateDeleted row we never held is counted as deleted and not stored.
 */
export function changeOf(row: Stamped, held: HeldStamp | undefined): RowChange {
  if (row.dateDeleted !== null)
    return !held || (!held.deleted && row.dateUpdated >= held.dateUpdated)
      ? 'deleted'
      : 'alreadyHeld';
  if (!held) return 'accepted';
  // `yyyy-mm-dd hh:mm:ss` orders as text
  return row.dateUpdated > held.dateUpdated ? 'updated' : 'alreadyHeld';
}

export interface PagePlan<T> {
  counts: Record<RowChange, number>;
  /** Rows we did not hold before this page: each id once, its last version in the page. */
  inserts: T[];
  /** Rows we held before this page: each id once, the version that replaces ours. */
  updates: T[];
}

/**
 * A page of one file's rows against what we held before it, in file order: a HUD id twice in a
 * page is weighed against the version before it, so each id is written once, as it ends.
 */
export function planPage<T extends Stamped>(
  rows: T[],
  idOf: (row: T) => string,
  held: ReadonlyMap<string, HeldStamp>,
): PagePlan<T> {
  const counts: Record<RowChange, number> = { accepted: 0, updated: 0, deleted: 0, alreadyHeld: 0 };
  const now = new Map(held);
  const inserts = new Map<string, T>();
  const updates = new Map<string, T>();
  for (const row of rows) {
    const id = idOf(row);
    const change = changeOf(row, now.get(id));
    counts[change]++;
    if (change === 'alreadyHeld' || (change === 'deleted' && !now.has(id))) continue;
    now.set(id, { dateUpdated: row.dateUpdated, deleted: row.dateDeleted !== null });
    (held.has(id) ? updates : inserts).set(id, row);
  }
  return { counts, inserts: [...inserts.values()], updates: [...updates.values()] };
}

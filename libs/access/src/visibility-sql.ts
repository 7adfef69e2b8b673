import { dateOf } from '@hearth/time';
import { roleAllows } from './roles';
import type { Actor } from './types';

/**
 * Where a service keeps the sharing facts `decideAccess` reads: a participants table (already in
 * the query under an alias) and a releases table. Intake and enrollment name them differently.
 */
export interface SharingColumns {
  /** SQL naming the participant's id, owning organization and restriction, e.g. `p.id` */
  participantId: string;
  ownerOrgId: string;
  restriction: string;
  /** the releases table, with participant_id, to_org_id, begin_date, end_date, revoked_at */
  releasesTable: string;
}

/** Adds a value to the query's parameters and answers its placeholder (`$3`). */
export type Bind = (value: unknown) => string;

/** A `bind` over `params`, for the common case of building a parameter array as you go. */
export const binder =
  (params: unknown[]): Bind =>
  (value) => {
    params.push(value);
    return `$${params.length}`;
  };

/**
 * The SQL form of "may this actor read this participant" (decideAccess without a sub-record), so
 * lists and searches select only visible rows and their limits, cursors and counts never involve
 * hidden ones. The role is applied here too: an actor whose roles grant no read gets FALSE, so the
 * query returns nothing at all. libs/access/test/visibility-sql.int.test.ts keeps it in agreement
 * with decideAccess over the whole decision table.
 */
export function visibleToSql(cols: SharingColumns, actor: Actor, now: Date, bind: Bind): string {
  if (!roleAllows(actor, 'read')) return 'FALSE';
  const org = `${bind(actor.orgId)}::uuid`;
  const at = `${bind(now.toISOString())}::timestamptz`;
  // decideAccess compares release dates with the UTC calendar date of `now`, both ends inclusive
  const today = `${bind(dateOf(now))}::date`;
  return `(${cols.ownerOrgId} = ${org}
    OR ${cols.restriction} = 'share_global'
    OR (${cols.restriction} = 'share_mou' AND EXISTS (
      SELECT 1 FROM ${cols.releasesTable} rel
      WHERE rel.participant_id = ${cols.participantId} AND rel.to_org_id = ${org}
        AND (rel.revoked_at IS NULL OR rel.revoked_at > ${at})
        AND ${today} BETWEEN rel.begin_date AND rel.end_date)))`;
}

import { binder, canSeeParticipant, visibleToSql } from '@hearth/access';
import type { Actor } from '@hearth/auth';
import type { Queryable } from '@hearth/db';
import { cursorCodec, uuid } from '@hearth/http';
import { z } from 'zod';
import { normalizeId } from '../domain/matching';
import { normalizeName } from '../domain/names';
import type { ParticipantView } from '../domain/participant';
import { intakeSharing, participantViewOfRow, releasesOf } from './participants';

export interface SearchCriteria {
  lastName?: string;
  firstName?: string;
  birthDate?: string;
  sex?: string;
  alienNumber?: string;
  ssnLast4?: string;
  intakeId?: string;
}

/** The last row of a page in the search's order: normalized last and first name, then id. */
const searchCursor = cursorCodec(
  z.strictObject({ last: z.string().max(300), first: z.string().max(300), id: uuid() }),
);

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Find participants: names match by prefix of the normalized name, other fields exactly. The
 * query selects only participants the actor may read (roles included), so the page and its cursor
 * are built from visible rows alone; the access library still decides each row it returns.
 * Keyset pagination on (last name, first name, id) keeps pages stable and fast.
 */
export async function selectParticipants(
  db: Queryable,
  actor: Actor,
  now: Date,
  criteria: SearchCriteria,
  limit: number,
  cursor?: string,
): Promise<{ items: ParticipantView[]; nextCursor: string | null }> {
  const params: unknown[] = [];
  const where: string[] = [visibleToSql(intakeSharing, actor, now, binder(params))];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (criteria.lastName)
    add((n) => `p.last_norm LIKE ${n} || '%'`, escapeLike(normalizeName(criteria.lastName)));
  if (criteria.firstName)
    add((n) => `p.first_norm LIKE ${n} || '%'`, escapeLike(normalizeName(criteria.firstName)));
  if (criteria.birthDate) add((n) => `p.birth_date = ${n}`, criteria.birthDate);
  if (criteria.sex) add((n) => `p.sex = ${n}`, criteria.sex);
  if (criteria.alienNumber) add((n) => `p.alien_number = ${n}`, normalizeId(criteria.alienNumber));
  if (criteria.ssnLast4) add((n) => `p.ssn_last4 = ${n}`, criteria.ssnLast4);
  if (criteria.intakeId) add((n) => `p.id = ${n}`, criteria.intakeId);
  const after = searchCursor.decode(cursor);
  if (after) {
    params.push(after.last, after.first, after.id);
    const n = params.length;
    where.push(`(p.last_norm, p.first_norm, p.id) > ($${n - 2}, $${n - 1}, $${n}::uuid)`);
  }
  params.push(limit + 1);
  const { rows } = await db.query(
    `SELECT p.* FROM participants p WHERE ${where.join(' AND ')}
     ORDER BY p.last_norm, p.first_norm, p.id LIMIT $${params.length}`,
    params,
  );
  const page = rows.slice(0, limit);
  const releases = await releasesOf(
    db,
    page.filter((r) => r.security_restriction === 'share_mou').map((r) => r.id),
  );
  const items = page.map(participantViewOfRow).filter(
    (v) =>
      canSeeParticipant(
        actor,
        {
          ownerOrgId: v.ownerOrgId,
          restriction: v.securityRestriction,
          releases: releases.get(v.id) ?? [],
        },
        now,
      ).allowed,
  );
  // The cursor names the last row the actor was shown, never one the rules held back.
  const shown = new Set(items.map((v) => v.id));
  const last = [...page].reverse().find((r) => shown.has(r.id));
  return {
    items,
    nextCursor:
      rows.length > limit && last
        ? searchCursor.encode({ last: last.last_norm, first: last.first_norm, id: last.id })
        : null,
  };
}

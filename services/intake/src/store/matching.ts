import type { Queryable } from '@hearth/db';
import { birthDateVariants } from '../domain/birth-dates';
import { normalizeId, type MatchPerson } from '../domain/matching';
import { canonicalFirstName, nameKey, normalizeName } from '../domain/names';

export interface MatchQuery {
  firstName: string;
  lastName: string;
  birthDate?: string | null;
  ssnLast4?: string | null;
  alienNumber?: string | null;
}

export interface Candidate extends MatchPerson {
  id: string;
  middleName: string | null;
  ownerOrgId: string;
  securityRestriction: 'restrict_to_org' | 'share_mou' | 'share_global';
}

/**
 * Candidates for a duplicate check, found through indexes only (trigram name key, phonetic codes,
 * nickname + birth-date variants, SSN last 4, alien number). Every branch applies the visibility
 * prefilter itself, so other organizations' clients neither fill the limits nor come back; the
 * route still confirms each row with the access library, the one place that decides.
 */
export async function findCandidates(
  db: Queryable,
  query: MatchQuery,
  actorOrgId: string,
): Promise<{ candidates: Candidate[]; phonetic: MatchPerson['phonetic'] }> {
  const first = normalizeName(query.firstName);
  const last = normalizeName(query.lastName);
  const { rows } = await db.query(
    `WITH q AS (
       SELECT $1::text AS name_key, $2::text AS last_norm, $3::text AS first_canonical,
              dmetaphone($4) AS fdm, dmetaphone($5) AS ldm, $6::date[] AS dates,
              $7::text AS ssn4, $8::text AS alien, $9::uuid AS org
     ),
     ids AS (
       (SELECT p.id FROM participants p, q WHERE p.name_key % q.name_key AND ${VISIBLE}
          ORDER BY similarity(p.name_key, q.name_key) DESC LIMIT 50)
       UNION (SELECT p.id FROM participants p, q WHERE p.last_phonetic = q.ldm AND p.first_phonetic = q.fdm AND ${VISIBLE} LIMIT 50)
       UNION (SELECT p.id FROM participants p, q WHERE p.last_phonetic = q.fdm AND p.first_phonetic = q.ldm AND ${VISIBLE} LIMIT 50)
       UNION (SELECT p.id FROM participants p, q WHERE p.first_canonical = q.first_canonical AND p.birth_date = ANY(q.dates) AND ${VISIBLE} LIMIT 50)
       UNION (SELECT p.id FROM participants p, q WHERE p.birth_date = ANY(q.dates)
                AND (p.last_phonetic IN (q.ldm, q.fdm) OR p.last_norm % q.last_norm) AND ${VISIBLE} LIMIT 50)
       UNION (SELECT p.id FROM participants p, q WHERE p.ssn_last4 = q.ssn4 AND ${VISIBLE} LIMIT 50)
       UNION (SELECT p.id FROM participants p, q WHERE p.alien_number = q.alien AND ${VISIBLE} LIMIT 10)
     )
     SELECT p.id, p.owner_org_id, p.security_restriction, p.first_name, p.middle_name, p.last_name, p.birth_date, p.sex, p.ssn_last4, p.alien_number,
            p.first_phonetic, p.last_phonetic, (SELECT fdm FROM q) AS q_fdm, (SELECT ldm FROM q) AS q_ldm
     FROM participants p JOIN ids USING (id)`,
    [
      nameKey(first, last),
      last,
      canonicalFirstName(first),
      first,
      last,
      query.birthDate ? birthDateVariants(query.birthDate) : [],
      query.ssnLast4 ?? null,
      query.alienNumber ? normalizeId(query.alienNumber) : null,
      actorOrgId,
    ],
  );
  const phonetic = rows[0]
    ? { first: rows[0].q_fdm, last: rows[0].q_ldm }
    : await phoneticCodes(db, first, last);
  return {
    phonetic,
    candidates: rows.map((r) => ({
      id: r.id,
      ownerOrgId: r.owner_org_id,
      securityRestriction: r.security_restriction,
      firstName: r.first_name,
      middleName: r.middle_name,
      lastName: r.last_name,
      birthDate: r.birth_date,
      sex: r.sex,
      ssnLast4: r.ssn_last4,
      alienNumber: r.alien_number,
      phonetic: { first: r.first_phonetic, last: r.last_phonetic },
    })),
  };
}

/** Mirrors libs/access's participant rule as an index-friendly prefilter (owner, global, active release). */
export const VISIBLE = `(p.owner_org_id = q.org OR p.security_restriction = 'share_global'
  OR (p.security_restriction = 'share_mou' AND EXISTS (
    SELECT 1 FROM information_releases r WHERE r.participant_id = p.id AND r.to_org_id = q.org
      AND (r.revoked_at IS NULL OR r.revoked_at > now())
      AND (now() AT TIME ZONE 'UTC')::date BETWEEN r.begin_date AND r.end_date)))`;

export async function phoneticCodes(
  db: Queryable,
  first: string,
  last: string,
): Promise<MatchPerson['phonetic']> {
  const { rows } = await db.query('SELECT dmetaphone($1) AS first, dmetaphone($2) AS last', [
    first,
    last,
  ]);
  return rows[0];
}

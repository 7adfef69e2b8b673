import { binder, visibleToSql, type Actor } from '@hearth/access';
import { withTransaction, type Pool, type Queryable } from '@hearth/db';
import { birthDateVariants } from '../domain/birth-dates';
import { normalizeId, type MatchPerson } from '../domain/matching';
import { canonicalFirstName, nameKey, normalizeName } from '../domain/names';
import { intakeSharing } from './participants';

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
 * Candidates for a duplicate check, each branch served by an index: whole-name trigrams (strict
 * threshold: typos and swapped names), phonetic codes (sound-alike spellings, swapped too),
 * nickname + phonetic last name, nickname + birth-date variants, birth-date variants + a similar
 * or sound-alike last name, SSN last 4, alien number. Branches filter visibility themselves, so
 * other organizations' clients neither fill a branch's limit nor come back.
 */
export async function findCandidates(
  pool: Pool,
  query: MatchQuery,
  scope: { actor: Actor; now: Date } | 'all_records',
): Promise<{ candidates: Candidate[]; phonetic: MatchPerson['phonetic'] }> {
  const first = normalizeName(query.firstName);
  const last = normalizeName(query.lastName);
  const params = [
    nameKey(first, last), // $1
    last, // $2
    canonicalFirstName(first), // $3
    first, // $4
    query.birthDate ? birthDateVariants(query.birthDate) : [], // $5
    query.ssnLast4 ?? null, // $6
    query.alienNumber ? normalizeId(query.alienNumber) : null, // $7
  ];
  // the background scan (no user) compares every record; a user's check only what they may see
  const visible =
    scope === 'all_records'
      ? 'TRUE'
      : visibleToSql(intakeSharing, scope.actor, scope.now, binder(params)); // $8...
  const fdm = `coalesce(dmetaphone($4), '')`;
  const ldm = `coalesce(dmetaphone($2), '')`;
  const sql = `
    WITH ids AS (
      (SELECT p.id FROM participants p WHERE p.name_key % $1 AND ${visible} ORDER BY similarity(p.name_key, $1) DESC LIMIT 30)
      UNION (SELECT p.id FROM participants p WHERE p.last_phonetic = ${ldm} AND p.first_phonetic = ${fdm} AND ${visible} LIMIT 30)
      UNION (SELECT p.id FROM participants p WHERE p.last_phonetic = ${fdm} AND p.first_phonetic = ${ldm} AND ${visible} LIMIT 30)
      UNION (SELECT p.id FROM participants p WHERE p.first_canonical = $3 AND p.last_phonetic = ${ldm} AND ${visible} LIMIT 30)
      UNION (SELECT p.id FROM participants p WHERE p.first_canonical = $3 AND p.birth_date = ANY($5::date[]) AND ${visible} LIMIT 30)
      UNION (SELECT p.id FROM participants p WHERE p.birth_date = ANY($5::date[])
               AND (p.last_phonetic IN (${ldm}, ${fdm}) OR similarity(p.last_norm, $2) > 0.3 OR similarity(p.last_norm, $4) > 0.3)
               AND ${visible} LIMIT 30)
      UNION (SELECT p.id FROM participants p WHERE p.ssn_last4 = $6 AND ${visible} LIMIT 30)
      UNION (SELECT p.id FROM participants p WHERE p.alien_number = $7 AND ${visible} LIMIT 10)
    )
    SELECT p.id, p.owner_org_id, p.security_restriction, p.first_name, p.middle_name, p.last_name, p.birth_date, p.sex,
           p.ssn_last4, p.alien_number, p.first_phonetic, p.last_phonetic, ${fdm} AS q_fdm, ${ldm} AS q_ldm
    FROM participants p JOIN ids USING (id)`;
  const rows = await withTransaction(pool, async (tx) => {
    // Whole-name trigrams above 0.7 only: lower thresholds match thousands of common names,
    // and the other branches already cover what a loose name match would add.
    await tx.query('SET LOCAL pg_trgm.similarity_threshold = 0.7');
    return (await tx.query(sql, params)).rows;
  });
  const phonetic = rows[0]
    ? { first: rows[0].q_fdm, last: rows[0].q_ldm }
    : await phoneticCodes(pool, first, last);
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

export async function phoneticCodes(
  db: Queryable,
  first: string,
  last: string,
): Promise<MatchPerson['phonetic']> {
  const { rows } = await db.query(
    `SELECT coalesce(dmetaphone($1), '') AS first, coalesce(dmetaphone($2), '') AS last`,
    [first, last],
  );
  return rows[0];
}

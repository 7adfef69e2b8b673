import type { Queryable } from '@hearth/db';
import type { VacancyStatus } from '../domain/vacancy';

export interface Vacancy {
  id: string;
  orgId: string;
  program: string;
  unitType: string;
  householdSize: number;
  eligibilityNotes: string;
  availableFrom: string;
  status: VacancyStatus;
  referralId: string | null;
  reservedAt: Date | null;
  createdAt: string;
}

const columns = `v.id, v.org_id AS "orgId", v.program, v.unit_type AS "unitType",
  v.household_size AS "householdSize", v.eligibility_notes AS "eligibilityNotes",
  to_char(v.available_from, 'YYYY-MM-DD') AS "availableFrom", v.status,
  v.referral_id AS "referralId", v.reserved_at AS "reservedAt",
  to_char(v.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"`;

export type NewVacancy = Pick<
  Vacancy,
  'id' | 'orgId' | 'program' | 'unitType' | 'householdSize' | 'eligibilityNotes' | 'availableFrom'
>;

export async function insertVacancy(
  tx: Queryable,
  v: NewVacancy,
  postedBy: string,
  at: Date,
): Promise<Vacancy> {
  const { rows } = await tx.query<Vacancy>(
    `WITH v AS (
       INSERT INTO vacancies (id, org_id, program, unit_type, household_size, eligibility_notes,
         available_from, posted_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *)
     SELECT ${columns} FROM v`,
    [
      v.id,
      v.orgId,
      v.program,
      v.unitType,
      v.householdSize,
      v.eligibilityNotes,
      v.availableFrom,
      postedBy,
      at,
    ],
  );
  return rows[0];
}

/** One vacancy; `forUpdate` locks it: every reservation, fill and release of it takes turns. */
export async function findVacancy(
  db: Queryable,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Vacancy | undefined> {
  const { rows } = await db.query<Vacancy>(
    `SELECT ${columns} FROM vacancies v WHERE v.id = $1 ${options.forUpdate ? 'FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0];
}

/** Moves a locked vacancy: reserved by a referral, filled by it, or available again (none). */
export async function setVacancyStatus(
  tx: Queryable,
  id: string,
  status: VacancyStatus,
  referralId: string | null,
  at: Date,
): Promise<Vacancy> {
  const { rows } = await tx.query<Vacancy>(
    `WITH v AS (
       UPDATE vacancies SET status = $2, referral_id = $3,
         reserved_at = CASE WHEN $2 = 'reserved' THEN $4 WHEN $2 = 'available' THEN NULL
                       ELSE reserved_at END
       WHERE id = $1 RETURNING *)
     SELECT ${columns} FROM v`,
    [id, status, referralId, at],
  );
  return rows[0];
}

/**
 * Vacancies by the date they are available from, after the cursor's row; `overdueBefore` keeps
 * only reservations made before that instant (unanswered too long), when given.
 */
export async function listVacancies(
  db: Queryable,
  filter: {
    limit: number;
    status?: VacancyStatus;
    orgId?: string;
    overdueBefore?: Date;
    after?: { availableFrom: string; id: string };
  },
): Promise<Vacancy[]> {
  const { rows } = await db.query<Vacancy>(
    `SELECT ${columns} FROM vacancies v
     WHERE ($1::text IS NULL OR v.status = $1) AND ($2::uuid IS NULL OR v.org_id = $2)
       AND ($3::timestamptz IS NULL OR (v.status = 'reserved' AND v.reserved_at < $3))
       AND ($4::date IS NULL OR (v.available_from, v.id) > ($4::date, $5::uuid))
     ORDER BY v.available_from, v.id LIMIT $6`,
    [
      filter.status ?? null,
      filter.orgId ?? null,
      filter.overdueBefore ?? null,
      filter.after?.availableFrom ?? null,
      filter.after?.id ?? null,
      filter.limit,
    ],
  );
  return rows;
}

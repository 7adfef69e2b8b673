import type { Queryable } from '@hearth/db';
import { monthKey } from '../domain/engagement';

export interface EngagementCheck {
  enrollmentId: string;
  year: number;
  month: number;
  activities: string[];
  engaged: boolean;
  verifiedOn: string;
  verifiedBy: string;
  late: boolean;
}

const columns = `enrollment_id AS "enrollmentId", year, month, activities, engaged,
  to_char(verified_on, 'YYYY-MM-DD') AS "verifiedOn", verified_by AS "verifiedBy", late`;

/** Undefined when the month was checked already (one check per record and month). */
export async function insertCheck(
  tx: Queryable,
  c: EngagementCheck,
): Promise<EngagementCheck | undefined> {
  const { rows } = await tx.query<EngagementCheck>(
    `INSERT INTO engagement_checks (enrollment_id, year, month, activities, engaged, verified_on,
       verified_by, late) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT DO NOTHING RETURNING ${columns}`,
    [c.enrollmentId, c.year, c.month, c.activities, c.engaged, c.verifiedOn, c.verifiedBy, c.late],
  );
  return rows[0];
}

export async function checksOf(db: Queryable, enrollmentId: string): Promise<EngagementCheck[]> {
  const { rows } = await db.query<EngagementCheck>(
    `SELECT ${columns} FROM engagement_checks WHERE enrollment_id = $1 ORDER BY year, month`,
    [enrollmentId],
  );
  return rows;
}

/** The months ('YYYY-MM') whose check found the participant engaged. */
export async function engagedMonthsOf(db: Queryable, enrollmentId: string) {
  const { rows } = await db.query<{ year: number; month: number }>(
    'SELECT year, month FROM engagement_checks WHERE enrollment_id = $1 AND engaged',
    [enrollmentId],
  );
  return new Set(rows.map((r) => monthKey(r.year, r.month)));
}

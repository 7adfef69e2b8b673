import type { Pool, PoolClient } from 'pg';
import { MAX_REFUSALS } from '../domain/import-report';

/**
 * Records enrollment's answer for an imported enrollment: only one this import of the importer's
 * organization brought in, and only the first (a replay or a stranger's answer changes nothing).
 */
export async function recordEnrollmentOutcome(
  tx: PoolClient,
  orgId: string,
  answer: {
    importId: string;
    exportId: string;
    enrollmentId: string;
    outcome: 'recorded' | 'refused';
    recordedAs: string | null;
    reason: string | null;
  },
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO hmis_imported_enrollment_outcomes
       (org_id, import_id, enrollment_id, outcome, recorded_as, reason)
     SELECT e.org_id, e.import_id, e.enrollment_id, $5, $6, $7
     FROM hmis_imported_enrollments e JOIN hmis_imports i ON i.import_id = e.import_id
     WHERE e.org_id = $1 AND e.import_id = $2 AND e.enrollment_id = $3 AND i.export_id = $4
     ON CONFLICT DO NOTHING`,
    [
      orgId,
      answer.importId,
      answer.enrollmentId,
      answer.exportId,
      answer.outcome,
      answer.recordedAs,
      answer.reason,
    ],
  );
  return rowCount === 1;
}

export interface EnrollmentsInEnrollment {
  recorded: number;
  refused: number;
  /** Announced, enrollment's answer not here yet (a client intake has not answered, a member's head). */
  pending: number;
  refusals: Array<{ file: 'Enrollment.csv'; enrollmentId: string; message: string }>;
}

/**
 * What enrollment made of this import's Enrollment.csv rows so far. Only announced rows count
 * (both ids within HUD's 32 characters, as the announcement sends them); refusals by EnrollmentID,
 * the first MAX_REFUSALS. By the organization too: the rows' keys begin with it.
 */
export async function enrollmentsInEnrollment(
  db: Pool | PoolClient,
  imported: { orgId: string; importId: string },
): Promise<EnrollmentsInEnrollment> {
  const { orgId, importId } = imported;
  const { rows } = await db.query<Omit<EnrollmentsInEnrollment, 'refusals'>>(
    `SELECT count(*) FILTER (WHERE o.outcome = 'recorded')::int AS recorded,
       count(*) FILTER (WHERE o.outcome = 'refused')::int AS refused,
       count(*) FILTER (WHERE o.outcome IS NULL)::int AS pending
     FROM hmis_imported_enrollments e JOIN hmis_imports i ON i.import_id = e.import_id
     LEFT JOIN hmis_imported_enrollment_outcomes o
       ON o.org_id = e.org_id AND o.import_id = e.import_id AND o.enrollment_id = e.enrollment_id
     WHERE e.org_id = $2 AND e.import_id = $1 AND length(e.enrollment_id) <= 32
       AND length(e.personal_id) <= 32 AND length(i.export_id) <= 32`,
    [importId, orgId],
  );
  const refused = await db.query<{ enrollmentId: string; message: string }>(
    `SELECT enrollment_id AS "enrollmentId", coalesce(reason, '') AS message
     FROM hmis_imported_enrollment_outcomes
     WHERE org_id = $2 AND import_id = $1 AND outcome = 'refused'
     ORDER BY enrollment_id LIMIT ${MAX_REFUSALS}`,
    [importId, orgId],
  );
  return {
    ...rows[0]!,
    refusals: refused.rows.map((r) => ({ file: 'Enrollment.csv' as const, ...r })),
  };
}

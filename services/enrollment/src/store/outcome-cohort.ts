import type { Queryable } from '@hearth/db';
import type { ExitedEnrollment } from '../domain/outcome-measures';
import type { ExitReason } from '../domain/program-status';

/**
 * The program's enrollments exited from `from` to `to` (inclusive), each with the outcome facts the
 * measures count: a job counts only through a working confirmation of it.
 */
export async function exitedEnrollments(
  db: Queryable,
  programId: string,
  from: string,
  to: string,
): Promise<ExitedEnrollment[]> {
  const { rows } = await db.query(
    `SELECT e.id, e.exit_kind, e.exit_reason, e.housing_status_at_exit,
       EXISTS (SELECT 1 FROM employments j JOIN employment_confirmations c ON c.employment_id = j.id
               WHERE j.enrollment_id = e.id AND c.status = 'working'
                 AND j.employment_type IN ('unsubsidized', 'career_track')) AS unsubsidized,
       EXISTS (SELECT 1 FROM employments j JOIN employment_confirmations c ON c.employment_id = j.id
               WHERE j.enrollment_id = e.id AND c.status = 'working'
                 AND c.kind = 'career_plan_employment') AS career_track,
       (SELECT count(DISTINCT c.period) = 2 FROM employments j
          JOIN employment_confirmations c ON c.employment_id = j.id
          WHERE j.enrollment_id = e.id AND c.status = 'working' AND c.period IN ('q2', 'q4')) AS retained,
       EXISTS (SELECT 1 FROM credentials k
               WHERE k.enrollment_id = e.id AND k.status = 'attained') AS credential
     FROM enrollments e
     WHERE e.program_id = $1 AND e.exit_date BETWEEN $2 AND $3
     ORDER BY e.exit_date, e.id`,
    [programId, from, to],
  );
  return rows.map((r) => ({
    enrollmentId: r.id as string,
    exitKind: r.exit_kind as string,
    exitReason: r.exit_reason as ExitReason,
    housingStatusAtExit: r.housing_status_at_exit as string | null,
    unsubsidizedEmployment: r.unsubsidized as boolean,
    careerTrackEmployment: r.career_track as boolean,
    retainedQ2AndQ4: r.retained as boolean,
    credentialAttained: r.credential as boolean,
  }));
}

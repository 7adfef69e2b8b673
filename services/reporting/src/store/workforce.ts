import type { Queryable } from '@hearth/db';
import type { ExitedEnrollment } from '../domain/contract-outcomes';

/** A job as it now stands: a newer version replaces it, an older one delivered late is ignored. */
export async function applyEmployment(
  tx: Queryable,
  j: {
    employmentId: string;
    enrollmentId: string;
    participantId: string;
    employmentType: string;
    version: number;
  },
) {
  await tx.query(
    `INSERT INTO wf_employments (employment_id, enrollment_id, participant_id, employment_type, version)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (employment_id) DO UPDATE SET enrollment_id = EXCLUDED.enrollment_id,
       participant_id = EXCLUDED.participant_id, employment_type = EXCLUDED.employment_type,
       version = EXCLUDED.version
     WHERE wf_employments.version < EXCLUDED.version`,
    [j.employmentId, j.enrollmentId, j.participantId, j.employmentType, j.version],
  );
}

/** A confirmation is recorded once and never changed: a repeat changes nothing. */
export async function applyConfirmation(
  tx: Queryable,
  c: {
    confirmationId: string;
    employmentId: string;
    enrollmentId: string;
    kind: string;
    period: string;
    status: string;
  },
) {
  await tx.query(
    `INSERT INTO wf_confirmations (confirmation_id, employment_id, enrollment_id, kind, period, status)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (confirmation_id) DO NOTHING`,
    [c.confirmationId, c.employmentId, c.enrollmentId, c.kind, c.period, c.status],
  );
}

export async function applyCredential(
  tx: Queryable,
  k: { credentialId: string; enrollmentId: string; status: string },
) {
  await tx.query(
    `INSERT INTO wf_credentials (credential_id, enrollment_id, status) VALUES ($1, $2, $3)
     ON CONFLICT (credential_id) DO NOTHING`,
    [k.credentialId, k.enrollmentId, k.status],
  );
}

/**
 * The program's enrollments of the organization (owner or provider) exited from `from` to `to`
 * (inclusive), each with the facts libs/events' workforce-measures counts, read from our copies as
 * enrollment's store/outcome-cohort.ts reads its own tables: a job counts only through a working
 * confirmation of it; retention is a working confirmation in both q2 and q4 after exit.
 */
export async function exitedEnrollments(
  db: Queryable,
  programId: string,
  orgId: string,
  period: { from: string; to: string },
): Promise<ExitedEnrollment[]> {
  const { rows } = await db.query<ExitedEnrollment>(
    `SELECT e.enrollment_id AS "enrollmentId", e.head_participant_id AS "participantId",
       x.kind AS "exitKind", x.removed_from_performance AS "removedFromPerformance",
       x.housing_status AS "housingStatusAtExit",
       EXISTS (SELECT 1 FROM wf_employments j JOIN wf_confirmations c ON c.employment_id = j.employment_id
               WHERE j.enrollment_id = e.enrollment_id AND c.status = 'working'
                 AND j.employment_type IN ('unsubsidized', 'career_track')) AS "unsubsidizedEmployment",
       EXISTS (SELECT 1 FROM wf_employments j JOIN wf_confirmations c ON c.employment_id = j.employment_id
               WHERE j.enrollment_id = e.enrollment_id AND c.status = 'working'
                 AND c.kind = 'career_plan_employment') AS "careerTrackEmployment",
       (SELECT count(DISTINCT c.period) = 2 FROM wf_employments j
          JOIN wf_confirmations c ON c.employment_id = j.employment_id
          WHERE j.enrollment_id = e.enrollment_id AND c.status = 'working'
            AND c.period IN ('q2', 'q4')) AS "retainedQ2AndQ4",
       EXISTS (SELECT 1 FROM wf_credentials k
               WHERE k.enrollment_id = e.enrollment_id AND k.status = 'attained') AS "credentialAttained"
     FROM hmis_enrollments e JOIN hmis_exits x ON x.enrollment_id = e.enrollment_id
     WHERE e.program_id = $1 AND $2::uuid IN (e.org_id, e.provider_org_id)
       AND x.exit_date BETWEEN $3::date AND $4::date
     ORDER BY x.exit_date, e.enrollment_id`,
    [programId, orgId, period.from, period.to],
  );
  return rows;
}

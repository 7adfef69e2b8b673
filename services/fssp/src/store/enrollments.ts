import type { Queryable } from '@hearth/db';
import type { EnrollmentSnapshot } from '@hearth/events';

/** Apply a snapshot unless a newer one is kept (events may arrive out of order). */
export async function saveEnrollment(tx: Queryable, e: EnrollmentSnapshot, occurredAt: string) {
  const { rowCount } = await tx.query(
    `INSERT INTO enrollments (id, org_id, head_participant_id, application_date, exit_date,
       snapshot_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (id) DO UPDATE SET org_id = EXCLUDED.org_id,
       head_participant_id = EXCLUDED.head_participant_id,
       application_date = EXCLUDED.application_date, exit_date = EXCLUDED.exit_date,
       snapshot_at = EXCLUDED.snapshot_at
     WHERE enrollments.snapshot_at <= EXCLUDED.snapshot_at`,
    [e.enrollmentId, e.orgId, e.headParticipantId, e.applicationDate, e.exitDate, occurredAt],
  );
  if (!rowCount) return; // an older snapshot: the newer one's members stand
  await tx.query('DELETE FROM enrollment_members WHERE enrollment_id = $1', [e.enrollmentId]);
  await tx.query(
    `INSERT INTO enrollment_members (enrollment_id, participant_id)
     SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
    [e.enrollmentId, [e.headParticipantId, ...e.memberParticipantIds]],
  );
}

/** A member joined; ignored for an enrollment whose snapshot has not arrived yet. */
export async function addEnrollmentMember(tx: Queryable, enrollmentId: string, memberId: string) {
  await tx.query(
    `INSERT INTO enrollment_members (enrollment_id, participant_id)
     SELECT id, $2 FROM enrollments WHERE id = $1 ON CONFLICT DO NOTHING`,
    [enrollmentId, memberId],
  );
}

export async function removeEnrollmentMember(
  tx: Queryable,
  enrollmentId: string,
  memberId: string,
) {
  await tx.query(
    'DELETE FROM enrollment_members WHERE enrollment_id = $1 AND participant_id = $2',
    [enrollmentId, memberId],
  );
}

export async function recordEnrollmentExit(tx: Queryable, enrollmentId: string, exitDate: string) {
  await tx.query('UPDATE enrollments SET exit_date = $2 WHERE id = $1', [enrollmentId, exitDate]);
}

/** Whether the participant is on the organization's enrollment (any program, exited or not). */
export async function isOnEnrollment(
  db: Queryable,
  enrollmentId: string,
  orgId: string,
  participantId: string,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `SELECT 1 FROM enrollments e JOIN enrollment_members m ON m.enrollment_id = e.id
     WHERE e.id = $1 AND e.org_id = $2 AND m.participant_id = $3`,
    [enrollmentId, orgId, participantId],
  );
  return !!rowCount;
}

/**
 * Each participant's own active enrollment at the organization (not exited), the most recently
 * applied first; participants with none are missing from the map.
 */
export async function activeEnrollmentsOf(
  db: Queryable,
  orgId: string,
  participantIds: readonly string[],
): Promise<Map<string, string>> {
  const { rows } = await db.query<{ participantId: string; enrollmentId: string }>(
    `SELECT DISTINCT ON (m.participant_id) m.participant_id AS "participantId",
       e.id AS "enrollmentId"
     FROM enrollment_members m JOIN enrollments e ON e.id = m.enrollment_id
     WHERE m.participant_id = ANY($1::uuid[]) AND e.org_id = $2 AND e.exit_date IS NULL
     ORDER BY m.participant_id, e.application_date DESC, e.id`,
    [[...participantIds], orgId],
  );
  return new Map(rows.map((r) => [r.participantId, r.enrollmentId]));
}

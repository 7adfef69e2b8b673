import type { Queryable } from '@hearth/db';
import type { EnrollmentSnapshot, programKinds } from '@hearth/events';

export type ProgramKind = (typeof programKinds)[number];

export interface KnownEnrollment {
  id: string;
  programId: string;
  orgId: string;
  /** The hub of a Rent Assistance record (its service provider); null: `orgId` alone. */
  serviceProviderOrgId: string | null;
  programKind: ProgramKind | null;
  applicationDate: string;
  exitDate: string | null;
  memberIds: string[];
}

/**
 * Apply a snapshot unless a newer one was applied already (events may arrive out of order); the
 * members are those of the snapshot, head included.
 */
export async function saveEnrollmentSnapshot(
  tx: Queryable,
  e: EnrollmentSnapshot,
  occurredAt: string,
): Promise<void> {
  const { rowCount } = await tx.query(
    `INSERT INTO enrollments (id, program_id, org_id, head_participant_id, application_date,
       exit_date, status, snapshot_at, program_kind, service_provider_org_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (id) DO UPDATE SET program_id = EXCLUDED.program_id, org_id = EXCLUDED.org_id,
       program_kind = EXCLUDED.program_kind,
       service_provider_org_id = EXCLUDED.service_provider_org_id,
       head_participant_id = EXCLUDED.head_participant_id,
       application_date = EXCLUDED.application_date, exit_date = EXCLUDED.exit_date,
       status = EXCLUDED.status, snapshot_at = EXCLUDED.snapshot_at
     WHERE enrollments.snapshot_at <= EXCLUDED.snapshot_at`,
    [
      e.enrollmentId,
      e.programId,
      e.orgId,
      e.headParticipantId,
      e.applicationDate,
      e.exitDate,
      e.status,
      occurredAt,
      e.programKind ?? null,
      e.serviceProviderOrgId ?? null,
    ],
  );
  if (!rowCount) return; // an older snapshot: the newer one's members stand
  await tx.query('DELETE FROM enrollment_members WHERE enrollment_id = $1', [e.enrollmentId]);
  await tx.query(
    `INSERT INTO enrollment_members (enrollment_id, participant_id)
     SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
    [e.enrollmentId, [e.headParticipantId, ...e.memberParticipantIds]],
  );
}

/** A member joined or left; ignored for an enrollment whose snapshot has not arrived yet. */
export async function addMember(tx: Queryable, enrollmentId: string, participantId: string) {
  await tx.query(
    `INSERT INTO enrollment_members (enrollment_id, participant_id)
     SELECT id, $2 FROM enrollments WHERE id = $1 ON CONFLICT DO NOTHING`,
    [enrollmentId, participantId],
  );
}

export async function removeMember(tx: Queryable, enrollmentId: string, participantId: string) {
  await tx.query(
    'DELETE FROM enrollment_members WHERE enrollment_id = $1 AND participant_id = $2',
    [enrollmentId, participantId],
  );
}

export async function recordExit(tx: Queryable, enrollmentId: string, exitDate: string) {
  await tx.query('UPDATE enrollments SET exit_date = $2 WHERE id = $1', [enrollmentId, exitDate]);
}

const enrollmentColumns = `e.id, e.program_id AS "programId", e.org_id AS "orgId",
  e.service_provider_org_id AS "serviceProviderOrgId",
  e.program_kind AS "programKind",
  e.application_date AS "applicationDate", e.exit_date AS "exitDate",
  array(SELECT m.participant_id FROM enrollment_members m WHERE m.enrollment_id = e.id)
    AS "memberIds"`;

/** Held FOR SHARE until the caller commits, so an exit cannot slip in between check and write. */
export async function findEnrollment(
  db: Queryable,
  id: string,
): Promise<KnownEnrollment | undefined> {
  const { rows } = await db.query<KnownEnrollment>(
    `SELECT ${enrollmentColumns} FROM enrollments e WHERE e.id = $1 FOR SHARE`,
    [id],
  );
  return rows[0];
}

/** Many at once (held FOR SHARE like findEnrollment), by id; unknown ones are missing. */
export async function findEnrollments(
  db: Queryable,
  ids: readonly string[],
): Promise<Map<string, KnownEnrollment>> {
  const { rows } = await db.query<KnownEnrollment>(
    `SELECT ${enrollmentColumns} FROM enrollments e WHERE e.id = ANY($1::uuid[])
     ORDER BY e.id FOR SHARE`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((e) => [e.id, e]));
}

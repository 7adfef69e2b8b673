import type { Queryable } from '@hearth/db';
import type { EnrollmentSnapshot } from '@hearth/events';

export interface RaRecord {
  enrollmentId: string;
  programId: string;
  coachOrgId: string;
  hubOrgId: string;
  participantId: string;
  applicationDate: string;
  participationDate: string | null;
  exitDate: string | null;
  status: string;
  reviewedOn: string | null;
  reviewedBy: string | null;
  preProgramExitOn: string | null;
  preProgramExitReason: string | null;
  rejectionCaseNoteId: string | null;
  /** Enrollment's total amount requested: the record's payments together stay within it. */
  totalAmountRequestedCents: number | null;
  /** The participant's later record at the hub that marked this episode "received RA again". */
  receivedRaAgainIn: string | null;
  version: number;
}

export const recordColumns = `enrollment_id AS "enrollmentId", program_id AS "programId",
  coach_org_id AS "coachOrgId", hub_org_id AS "hubOrgId", participant_id AS "participantId",
  to_char(application_date, 'YYYY-MM-DD') AS "applicationDate",
  to_char(participation_date, 'YYYY-MM-DD') AS "participationDate",
  to_char(exit_date, 'YYYY-MM-DD') AS "exitDate", status,
  to_char(reviewed_on, 'YYYY-MM-DD') AS "reviewedOn", reviewed_by AS "reviewedBy",
  to_char(pre_program_exit_on, 'YYYY-MM-DD') AS "preProgramExitOn",
  pre_program_exit_reason AS "preProgramExitReason",
  rejection_case_note_id AS "rejectionCaseNoteId",
  total_amount_requested_cents::float8 AS "totalAmountRequestedCents",
  received_ra_again_in AS "receivedRaAgainIn", version`;

/**
 * Keep enrollment's snapshot of an RA record unless a newer one is kept (events may arrive out of
 * order); the review and the pre-program exit are this service's own and are left as they are.
 */
export async function saveRecordSnapshot(tx: Queryable, e: EnrollmentSnapshot, at: string) {
  await tx.query(
    `INSERT INTO ra_records (enrollment_id, program_id, coach_org_id, hub_org_id, participant_id,
       application_date, participation_date, exit_date, status, snapshot_at,
       total_amount_requested_cents)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (enrollment_id) DO UPDATE SET program_id = EXCLUDED.program_id,
       coach_org_id = EXCLUDED.coach_org_id, hub_org_id = EXCLUDED.hub_org_id,
       participant_id = EXCLUDED.participant_id, application_date = EXCLUDED.application_date,
       participation_date = EXCLUDED.participation_date, exit_date = EXCLUDED.exit_date,
       status = EXCLUDED.status, snapshot_at = EXCLUDED.snapshot_at,
       total_amount_requested_cents = EXCLUDED.total_amount_requested_cents
     WHERE ra_records.snapshot_at <= EXCLUDED.snapshot_at`,
    [
      e.enrollmentId,
      e.programId,
      e.orgId,
      e.serviceProviderOrgId ?? e.orgId,
      e.headParticipantId,
      e.applicationDate,
      e.participationDate,
      e.exitDate,
      e.status,
      at,
      e.totalAmountRequestedCents ?? null,
    ],
  );
}

export async function recordExitOf(tx: Queryable, enrollmentId: string, exitDate: string) {
  await tx.query('UPDATE ra_records SET exit_date = $2 WHERE enrollment_id = $1', [
    enrollmentId,
    exitDate,
  ]);
}

export async function findRecord(
  db: Queryable,
  enrollmentId: string,
  forUpdate = false,
): Promise<RaRecord | undefined> {
  const { rows } = await db.query<RaRecord>(
    `SELECT ${recordColumns} FROM ra_records WHERE enrollment_id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [enrollmentId],
  );
  return rows[0];
}

/**
 * Each record's non-voided payments, all plans together, in cents (0 for a record without any).
 * Read after the records are locked, in a statement of its own (see findPlan), so it counts every
 * payment of the transactions that held the lock before.
 */
export async function committedOfRecords(
  db: Queryable,
  enrollmentIds: readonly string[],
): Promise<Map<string, number>> {
  const { rows } = await db.query<{ id: string; cents: number }>(
    `SELECT enrollment_id AS id, sum(amount_cents)::float8 AS cents FROM payments
     WHERE enrollment_id = ANY($1::uuid[]) AND status <> 'voided' GROUP BY enrollment_id`,
    [enrollmentIds],
  );
  const committed = new Map(enrollmentIds.map((id) => [id, 0]));
  for (const r of rows) committed.set(r.id, r.cents);
  return committed;
}

export async function recordsAmong(db: Queryable, ids: readonly string[]): Promise<RaRecord[]> {
  const { rows } = await db.query<RaRecord>(
    `SELECT ${recordColumns} FROM ra_records WHERE enrollment_id = ANY($1::uuid[])`,
    [ids],
  );
  return rows;
}

/** The RA records of these participant records (a linked person's: several), latest first. */
export async function recordsOf(db: Queryable, participantIds: string[]): Promise<RaRecord[]> {
  const { rows } = await db.query<RaRecord>(
    `SELECT ${recordColumns} FROM ra_records WHERE participant_id = ANY ($1::uuid[])
     ORDER BY application_date DESC, enrollment_id LIMIT 200`,
    [participantIds],
  );
  return rows;
}

export async function markReviewed(tx: Queryable, id: string, on: string, by: string) {
  await tx.query(
    `UPDATE ra_records SET reviewed_on = $2, reviewed_by = $3, version = version + 1
     WHERE enrollment_id = $1`,
    [id, on, by],
  );
}

/** Only a record still without a review or an exit: a second run changes nothing. */
export async function markPreProgramExit(
  tx: Queryable,
  id: string,
  exit: { on: string; reason: string; caseNoteId: string | null },
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE ra_records SET pre_program_exit_on = $2, pre_program_exit_reason = $3,
       rejection_case_note_id = $4, version = version + 1
     WHERE enrollment_id = $1 AND pre_program_exit_on IS NULL AND reviewed_on IS NULL`,
    [id, exit.on, exit.reason, exit.caseNoteId],
  );
  return rowCount === 1;
}

/** Records still awaiting the hub whose application date is on or before `appliedBy`. */
export async function awaitingReview(db: Queryable, appliedBy: string, limit: number) {
  const { rows } = await db.query<RaRecord>(
    `SELECT ${recordColumns} FROM ra_records
     WHERE reviewed_on IS NULL AND pre_program_exit_on IS NULL AND exit_date IS NULL
       AND application_date <= $1
     ORDER BY application_date, enrollment_id LIMIT $2`,
    [appliedBy, limit],
  );
  return rows;
}

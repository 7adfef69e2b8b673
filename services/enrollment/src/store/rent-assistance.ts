import type { Queryable } from '@hearth/db';
import { toRecord, type EnrollmentRecord } from './enrollments';
import { toProgram, type Program } from './programs';

/** When a contract manager last removed the enrollment's exit (null: never). */
export async function lastExitRemovalAt(db: Queryable, enrollmentId: string): Promise<Date | null> {
  const { rows } = await db.query<{ at: Date | null }>(
    `SELECT max(recorded_at) AS at FROM program_statuses
     WHERE enrollment_id = $1 AND status = 'exit_removed'`,
    [enrollmentId],
  );
  return rows[0]?.at ?? null;
}

/** The participant's most recent open enrollment as head (any program, any organization). */
export async function latestOpenEnrollmentOf(
  db: Queryable,
  headParticipantId: string,
): Promise<EnrollmentRecord | undefined> {
  const { rows } = await db.query(
    `SELECT * FROM enrollments WHERE head_participant_id = $1 AND exit_date IS NULL
     ORDER BY application_date DESC, created_at DESC LIMIT 1`,
    [headParticipantId],
  );
  return rows[0] && toRecord(rows[0]);
}

/** Every hub's Rent Assistance programs (a coach refers to one), by name. */
export async function rentAssistancePrograms(db: Queryable, activeOn?: string): Promise<Program[]> {
  const { rows } = await db.query(
    `SELECT * FROM programs WHERE kind = 'rent_assistance'
       AND ($1::date IS NULL OR (active_from <= $1 AND (active_to IS NULL OR active_to >= $1)))
     ORDER BY name, id LIMIT 500`,
    [activeOn ?? null],
  );
  return rows.map(toProgram);
}

/** The head's most recently exited record in the program that ended with an exit or auto exit. */
export async function lastExitedRecordOf(
  db: Queryable,
  headParticipantId: string,
  programId: string,
): Promise<EnrollmentRecord | undefined> {
  const { rows } = await db.query(
    `SELECT * FROM enrollments
     WHERE head_participant_id = $1 AND program_id = $2 AND exit_kind IN ('exit', 'auto_exit')
     ORDER BY exit_date DESC, created_at DESC LIMIT 1`,
    [headParticipantId, programId],
  );
  return rows[0] && toRecord(rows[0]);
}

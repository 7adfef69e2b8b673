import type { Queryable } from '@hearth/db';
import type { Answers, Stage } from '../domain/hmis-elements';

export interface AssessmentRecord {
  id: string;
  enrollmentId: string;
  participantId: string;
  orgId: string;
  authorUserId: string;
  stage: Stage;
  informationDate: string;
  restriction: 'org' | 'mou';
  elements: Record<string, Answers>;
  totalMonthlyIncomeCents: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

const toRecord = (r: Record<string, unknown>): AssessmentRecord => ({
  id: r.id as string,
  enrollmentId: r.enrollment_id as string,
  participantId: r.participant_id as string,
  orgId: r.org_id as string,
  authorUserId: r.author_user_id as string,
  stage: r.stage as Stage,
  informationDate: r.information_date as string,
  restriction: r.restriction as 'org' | 'mou',
  elements: r.elements as Record<string, Answers>,
  totalMonthlyIncomeCents:
    r.total_monthly_income_cents === null ? null : Number(r.total_monthly_income_cents),
  version: r.version as number,
  createdAt: (r.created_at as Date).toISOString(),
  updatedAt: (r.updated_at as Date).toISOString(),
});

export type NewAssessment = Omit<AssessmentRecord, 'version' | 'createdAt' | 'updatedAt'>;

export async function insertAssessment(tx: Queryable, a: NewAssessment): Promise<AssessmentRecord> {
  const { rows } = await tx.query(
    `INSERT INTO hmis_assessments (id, enrollment_id, participant_id, org_id, author_user_id, stage,
       information_date, restriction, elements, total_monthly_income_cents)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
    [
      a.id,
      a.enrollmentId,
      a.participantId,
      a.orgId,
      a.authorUserId,
      a.stage,
      a.informationDate,
      a.restriction,
      JSON.stringify(a.elements),
      a.totalMonthlyIncomeCents,
    ],
  );
  return toRecord(rows[0]);
}

export async function findAssessment(
  db: Queryable,
  enrollmentId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<AssessmentRecord | undefined> {
  const { rows } = await db.query(
    `SELECT * FROM hmis_assessments WHERE id = $1 AND enrollment_id = $2 ${options.lock ? 'FOR UPDATE' : ''}`,
    [id, enrollmentId],
  );
  return rows[0] ? toRecord(rows[0]) : undefined;
}

/** Does the member already have an assessment at this stage (the unique stages)? */
export async function hasAssessmentAt(
  db: Queryable,
  enrollmentId: string,
  participantId: string,
  stage: Stage,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `SELECT 1 FROM hmis_assessments WHERE enrollment_id = $1 AND participant_id = $2 AND stage = $3`,
    [enrollmentId, participantId, stage],
  );
  return (rowCount ?? 0) > 0;
}

/**
 * Which assessments a reader could see at all, so a page counts only those: their organization's,
 * and `mou` ones of members who released their data to it. Each row is still decided.
 */
export interface AssessmentReader {
  orgId: string;
  /** the members who released their data to the reader's organization */
  releasedMouParticipantIds: readonly string[];
}

/** An enrollment's assessments, newest information date first, after the cursor. */
export async function listAssessments(
  db: Queryable,
  enrollmentId: string,
  options: {
    limit: number;
    after?: { informationDate: string; id: string };
    participantIds: readonly string[];
    stage?: Stage;
    reader: AssessmentReader;
  },
): Promise<AssessmentRecord[]> {
  const { rows } = await db.query(
    `SELECT * FROM hmis_assessments
     WHERE enrollment_id = $1 AND participant_id = ANY ($2::uuid[])
       AND ($3::text IS NULL OR stage = $3)
       AND ($4::date IS NULL OR (information_date, id) < ($4::date, $5::uuid))
       AND (org_id = $6::uuid OR (restriction = 'mou' AND participant_id = ANY ($7::uuid[])))
     ORDER BY information_date DESC, id DESC
     LIMIT $8`,
    [
      enrollmentId,
      options.participantIds,
      options.stage ?? null,
      options.after?.informationDate ?? null,
      options.after?.id ?? null,
      options.reader.orgId,
      options.reader.releasedMouParticipantIds,
      options.limit,
    ],
  );
  return rows.map(toRecord);
}

/** Writes a corrected assessment, keeping the version it replaces in the history. */
export async function updateAssessment(
  tx: Queryable,
  before: AssessmentRecord,
  after: Pick<
    AssessmentRecord,
    'informationDate' | 'restriction' | 'elements' | 'totalMonthlyIncomeCents'
  >,
  changedBy: string,
): Promise<AssessmentRecord> {
  await tx.query(
    `INSERT INTO hmis_assessment_history
       (assessment_id, version, information_date, restriction, elements, changed_by_user_id)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      before.id,
      before.version,
      before.informationDate,
      before.restriction,
      JSON.stringify(before.elements),
      changedBy,
    ],
  );
  const { rows } = await tx.query(
    `UPDATE hmis_assessments SET information_date = $2, restriction = $3, elements = $4,
       total_monthly_income_cents = $5, version = version + 1, updated_at = now()
     WHERE id = $1 RETURNING *`,
    [
      before.id,
      after.informationDate,
      after.restriction,
      JSON.stringify(after.elements),
      after.totalMonthlyIncomeCents,
    ],
  );
  return toRecord(rows[0]);
}

export interface AssessmentVersion {
  version: number;
  informationDate: string;
  restriction: 'org' | 'mou';
  elements: Record<string, Answers>;
  changedByUserId: string;
  changedAt: string;
}

/** The versions an assessment had before its corrections, oldest first. */
export async function assessmentHistory(db: Queryable, id: string): Promise<AssessmentVersion[]> {
  const { rows } = await db.query(
    `SELECT * FROM hmis_assessment_history WHERE assessment_id = $1 ORDER BY version`,
    [id],
  );
  return rows.map((r) => ({
    version: r.version,
    informationDate: r.information_date,
    restriction: r.restriction,
    elements: r.elements,
    changedByUserId: r.changed_by_user_id,
    changedAt: (r.changed_at as Date).toISOString(),
  }));
}

/** The latest information date of the enrollment's assessments before any exit (post-exit aside). */
export async function lastAssessedOn(db: Queryable, enrollmentId: string): Promise<string | null> {
  const { rows } = await db.query(
    `SELECT max(information_date) AS last FROM hmis_assessments
     WHERE enrollment_id = $1 AND stage <> 'post_exit'`,
    [enrollmentId],
  );
  return rows[0].last;
}

/** The information date of a member's exit assessment in an enrollment, if it has one. */
export async function exitAssessedOn(
  db: Queryable,
  enrollmentId: string,
  participantId: string,
): Promise<string | null> {
  const { rows } = await db.query(
    `SELECT information_date FROM hmis_assessments
     WHERE enrollment_id = $1 AND participant_id = $2 AND stage = 'exit'`,
    [enrollmentId, participantId],
  );
  return rows[0]?.information_date ?? null;
}

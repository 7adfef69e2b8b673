import type { Queryable } from '@hearth/db';
import type { Question, ScoredAnswer } from '../domain/assessment';

export interface AssessmentDefinition {
  id: string;
  version: number;
  name: string;
  questions: Question[];
  createdAt: string;
}

const definitionColumns = `d.id, d.version, d.name, d.questions,
  to_char(d.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"`;

/** Each definition at its latest version, by name. */
export async function latestDefinitions(db: Queryable): Promise<AssessmentDefinition[]> {
  const { rows } = await db.query<AssessmentDefinition>(
    `SELECT DISTINCT ON (d.id) ${definitionColumns} FROM assessment_definitions d
     ORDER BY d.id, d.version DESC LIMIT 200`,
  );
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}

/** The latest version of one definition; `forUpdate` locks it against a concurrent edit. */
export async function latestDefinition(
  db: Queryable,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<AssessmentDefinition | undefined> {
  const { rows } = await db.query<AssessmentDefinition>(
    `SELECT ${definitionColumns} FROM assessment_definitions d WHERE d.id = $1
     ORDER BY d.version DESC LIMIT 1 ${options.forUpdate ? 'FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0];
}

export async function insertDefinition(
  tx: Queryable,
  d: { id: string; version: number; name: string; questions: Question[]; createdBy: string },
  at: Date,
): Promise<AssessmentDefinition> {
  const { rows } = await tx.query<AssessmentDefinition>(
    `WITH d AS (
       INSERT INTO assessment_definitions (id, version, name, questions, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING *)
     SELECT ${definitionColumns} FROM d`,
    [d.id, d.version, d.name, JSON.stringify(d.questions), d.createdBy, at],
  );
  return rows[0];
}

export interface Assessment {
  id: string;
  participantId: string;
  orgId: string;
  assessedBy: string;
  definitionId: string;
  definitionVersion: number;
  assessmentDate: string;
  score: number;
  answers: ScoredAnswer[];
  createdAt: string;
}

const assessmentColumns = `a.id, a.participant_id AS "participantId", a.org_id AS "orgId",
  a.assessed_by AS "assessedBy", a.definition_id AS "definitionId",
  a.definition_version AS "definitionVersion",
  to_char(a.assessment_date, 'YYYY-MM-DD') AS "assessmentDate", a.score, a.answers,
  to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"`;

export async function insertAssessment(
  tx: Queryable,
  a: Omit<Assessment, 'createdAt'>,
  at: Date,
): Promise<Assessment> {
  const { rows } = await tx.query<Assessment>(
    `WITH a AS (
       INSERT INTO assessments (id, participant_id, org_id, assessed_by, definition_id,
         definition_version, assessment_date, score, answers, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *)
     SELECT ${assessmentColumns} FROM a`,
    [
      a.id,
      a.participantId,
      a.orgId,
      a.assessedBy,
      a.definitionId,
      a.definitionVersion,
      a.assessmentDate,
      a.score,
      JSON.stringify(a.answers),
      at,
    ],
  );
  return rows[0];
}

/** A participant's assessments, latest first (by date, then when recorded). */
export async function assessmentsOf(
  db: Queryable,
  participantId: string,
  limit = 200,
): Promise<Assessment[]> {
  const { rows } = await db.query<Assessment>(
    `SELECT ${assessmentColumns} FROM assessments a WHERE a.participant_id = $1
     ORDER BY a.assessment_date DESC, a.created_at DESC, a.id DESC LIMIT $2`,
    [participantId, limit],
  );
  return rows;
}

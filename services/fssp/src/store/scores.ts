import type { Queryable } from '@hearth/db';
import type { PrintedScore } from '../domain/plan-print';

export interface Score {
  id: string;
  goalId: string;
  scoreDate: string;
  score: number;
  recordedBy: string;
  recordedAt: string;
}

export async function insertScore(
  tx: Queryable,
  score: Pick<Score, 'id' | 'goalId' | 'scoreDate' | 'score' | 'recordedBy'>,
): Promise<void> {
  await tx.query(
    `INSERT INTO goal_scores (id, goal_id, score_date, score, recorded_by)
     VALUES ($1, $2, $3, $4, $5)`,
    [score.id, score.goalId, score.scoreDate, score.score, score.recordedBy],
  );
}

/** A goal's whole history, by date (same-day scores in the order given). */
export async function scoresOf(db: Queryable, goalId: string): Promise<Score[]> {
  const { rows } = await db.query<Score>(
    `SELECT id, goal_id AS "goalId", to_char(score_date, 'YYYY-MM-DD') AS "scoreDate", score,
       recorded_by AS "recordedBy",
       to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "recordedAt"
     FROM goal_scores WHERE goal_id = $1 ORDER BY score_date, seq`,
    [goalId],
  );
  return rows;
}

/** Every score of a plan's goals, each goal's by date, and the follow-up that recorded it. */
export async function scoresOfPlan(db: Queryable, planId: string): Promise<PrintedScore[]> {
  const { rows } = await db.query<PrintedScore>(
    `SELECT s.goal_id AS "goalId", to_char(s.score_date, 'YYYY-MM-DD') AS "scoreDate", s.score,
       s.assessment_id AS "assessmentId"
     FROM goal_scores s JOIN goals g ON g.id = s.goal_id
     WHERE g.plan_id = $1 ORDER BY s.score_date, s.seq`,
    [planId],
  );
  return rows;
}

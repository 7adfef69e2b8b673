import type { Queryable } from '@hearth/db';

export type FollowUpType = 'six_month' | 'twelve_month' | 'revision';

export async function insertAssessment(
  tx: Queryable,
  a: { id: string; planId: string; type: FollowUpType; date: string; recordedBy: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO plan_assessments (id, plan_id, assessment_type, assessment_date, recorded_by)
     VALUES ($1, $2, $3, $4, $5)`,
    [a.id, a.planId, a.type, a.date, a.recordedBy],
  );
}

export async function revisionCount(db: Queryable, planId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM plan_assessments
     WHERE plan_id = $1 AND assessment_type = 'revision'`,
    [planId],
  );
  return rows[0].n;
}

/** The plan's goals and their members, for re-scoring. */
export async function goalMembersOfPlan(db: Queryable, planId: string) {
  const { rows } = await db.query<{ id: string; participantIds: string[] }>(
    `SELECT g.id, array(SELECT m.participant_id FROM goal_members m WHERE m.goal_id = g.id
                        ORDER BY m.participant_id) AS "participantIds"
     FROM goals g WHERE g.plan_id = $1`,
    [planId],
  );
  return new Map(rows.map((r) => [r.id, r.participantIds]));
}

export async function insertAssessmentScores(
  tx: Queryable,
  a: { id: string; date: string; recordedBy: string },
  scores: ReadonlyArray<{ scoreId: string; goalId: string; score: number }>,
): Promise<void> {
  await tx.query(
    `INSERT INTO goal_scores (assessment_id, score_date, recorded_by, id, goal_id, score)
     SELECT $1, $2, $3, * FROM unnest($4::uuid[], $5::uuid[], $6::smallint[])`,
    [
      a.id,
      a.date,
      a.recordedBy,
      scores.map((s) => s.scoreId),
      scores.map((s) => s.goalId),
      scores.map((s) => s.score),
    ],
  );
}

export interface DueFollowUp {
  planId: string;
  orgId: string;
  headParticipantId: string;
  caseWorkerUserId: string;
  followUp: 'six_month' | 'twelve_month';
  dueDate: string;
}

const dueSql = `SELECT p.id AS "planId", p.org_id AS "orgId",
    p.head_participant_id AS "headParticipantId", p.created_by AS "caseWorkerUserId",
    f.follow_up AS "followUp", to_char(f.due, 'YYYY-MM-DD') AS "dueDate"
  FROM plans p
  CROSS JOIN LATERAL (VALUES ('six_month', p.six_month_follow_up_date),
                             ('twelve_month', p.twelve_month_follow_up_date)) AS f (follow_up, due)
  WHERE p.status = 'open' AND f.due BETWEEN $1::date AND $2::date
    AND NOT EXISTS (SELECT 1 FROM plan_assessments a
                    WHERE a.plan_id = p.id AND a.assessment_type = f.follow_up)`;

/** A case worker's follow-ups due from `from` to `to` (inclusive), not yet recorded, soonest first. */
export async function followUpsDueFor(
  db: Queryable,
  orgId: string,
  userId: string,
  from: string,
  to: string,
): Promise<DueFollowUp[]> {
  const { rows } = await db.query<DueFollowUp>(
    `${dueSql} AND p.org_id = $3 AND p.created_by = $4 ORDER BY f.due, p.id LIMIT 500`,
    [from, to, orgId, userId],
  );
  return rows;
}

/**
 * Marks the follow-ups due from `from` to `to` as announced and answers those not announced
 * before: the job publishes exactly these, so each is announced once.
 */
export async function claimDueFollowUps(
  tx: Queryable,
  from: string,
  to: string,
  now: Date,
): Promise<DueFollowUp[]> {
  const { rows } = await tx.query<DueFollowUp>(
    `WITH due AS (${dueSql}),
     claimed AS (
       INSERT INTO follow_up_announcements (plan_id, follow_up, announced_at)
       SELECT "planId", "followUp", $3 FROM due ON CONFLICT DO NOTHING
       RETURNING plan_id, follow_up)
     SELECT due.* FROM due JOIN claimed
       ON claimed.plan_id = due."planId" AND claimed.follow_up = due."followUp"
     ORDER BY due."dueDate", due."planId"`,
    [from, to, now],
  );
  return rows;
}

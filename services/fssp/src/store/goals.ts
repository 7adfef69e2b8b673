import type { Queryable } from '@hearth/db';
import type { CreateGoalBody } from '../domain/goal';
import { progressOf, type DatedScore } from '../domain/score';

type Step = CreateGoalBody['actionSteps'][number];

export interface Goal {
  id: string;
  planId: string;
  orgId: string;
  kind: 'individual' | 'family';
  participantIds: string[];
  category: string;
  goal: string;
  startDate: string;
  targetDate: string;
  strengths: string;
  status: 'open' | 'closed';
  barriers: Array<{ id: string; description: string }>;
  actionSteps: Step[];
  /** First and latest score and the change; null before any score. */
  progress: ReturnType<typeof progressOf>;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type GoalFields = Omit<
  Goal,
  'participantIds' | 'barriers' | 'progress' | 'version' | 'createdAt' | 'updatedAt'
>;

export async function insertGoal(
  tx: Queryable,
  goal: GoalFields,
  participantIds: readonly string[],
  barriers: ReadonlyArray<{ id: string; description: string }>,
): Promise<void> {
  await tx.query(
    `INSERT INTO goals (id, plan_id, org_id, kind, category, goal, start_date, target_date,
       strengths, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      goal.id,
      goal.planId,
      goal.orgId,
      goal.kind,
      goal.category,
      goal.goal,
      goal.startDate,
      goal.targetDate,
      goal.strengths,
      goal.status,
    ],
  );
  await tx.query(
    'INSERT INTO goal_members (goal_id, participant_id) SELECT $1, unnest($2::uuid[])',
    [goal.id, [...participantIds]],
  );
  await tx.query(
    `INSERT INTO barriers (goal_id, id, description, position)
     SELECT $1, b.id, b.description, b.n FROM unnest($2::uuid[], $3::text[])
       WITH ORDINALITY AS b (id, description, n)`,
    [goal.id, barriers.map((b) => b.id), barriers.map((b) => b.description)],
  );
  await replaceActionSteps(tx, goal.id, goal.actionSteps);
}

export async function replaceActionSteps(tx: Queryable, goalId: string, steps: readonly Step[]) {
  await tx.query('DELETE FROM action_steps WHERE goal_id = $1', [goalId]);
  await tx.query(
    `INSERT INTO action_steps (goal_id, text, due_date, done_date, position)
     SELECT $1, * FROM unnest($2::text[], $3::date[], $4::date[]) WITH ORDINALITY`,
    [goalId, steps.map((s) => s.text), steps.map((s) => s.dueDate), steps.map((s) => s.doneDate)],
  );
}

/** The fields of one goal a change may set, and its version raised. */
export async function updateGoalRow(
  tx: Queryable,
  goal: Pick<Goal, 'id' | 'startDate' | 'targetDate' | 'strengths' | 'status'>,
): Promise<void> {
  await tx.query(
    `UPDATE goals SET start_date = $2, target_date = $3, strengths = $4, status = $5,
       version = version + 1, updated_at = now()
     WHERE id = $1`,
    [goal.id, goal.startDate, goal.targetDate, goal.strengths, goal.status],
  );
}

const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
const instant = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
const goalColumns = `g.id, g.plan_id AS "planId", g.org_id AS "orgId", g.kind, g.category, g.goal,
  ${day('g.start_date')} AS "startDate", ${day('g.target_date')} AS "targetDate", g.strengths,
  g.status, g.version, ${instant('g.created_at')} AS "createdAt",
  ${instant('g.updated_at')} AS "updatedAt",
  array(SELECT m.participant_id FROM goal_members m WHERE m.goal_id = g.id
        ORDER BY m.participant_id) AS "participantIds",
  (SELECT coalesce(json_agg(json_build_object('id', b.id, 'description', b.description)
     ORDER BY b.position), '[]') FROM barriers b WHERE b.goal_id = g.id) AS barriers,
  (SELECT coalesce(json_agg(json_build_object('text', s.text, 'dueDate', ${day('s.due_date')},
     'doneDate', ${day('s.done_date')}) ORDER BY s.position), '[]')
   FROM action_steps s WHERE s.goal_id = g.id) AS "actionSteps",
  (SELECT coalesce(json_agg(json_build_object('scoreDate', ${day('c.score_date')},
     'score', c.score) ORDER BY c.score_date, c.seq), '[]')
   FROM goal_scores c WHERE c.goal_id = g.id) AS "scoreHistory"`;

type GoalRow = Omit<Goal, 'progress'> & { scoreHistory: DatedScore[] };
const withProgress = ({ scoreHistory, ...goal }: GoalRow): Goal => ({
  ...goal,
  progress: progressOf(scoreHistory),
});

/** One goal; `lock` holds it FOR UPDATE until the caller commits (a change re-reads it). */
export async function findGoal(db: Queryable, id: string, lock = false) {
  const { rows } = await db.query<GoalRow>(
    `SELECT ${goalColumns} FROM goals g WHERE g.id = $1 ${lock ? 'FOR UPDATE OF g' : ''}`,
    [id],
  );
  return rows[0] && withProgress(rows[0]);
}

/** The goals a participant is a member of, individual or family, the newest plan's first. */
export async function goalsOf(db: Queryable, participantId: string, limit: number) {
  const { rows } = await db.query<GoalRow>(
    `SELECT ${goalColumns} FROM goals g
     WHERE EXISTS (SELECT 1 FROM goal_members m
                   WHERE m.goal_id = g.id AND m.participant_id = $1)
     ORDER BY g.created_at DESC, g.id LIMIT $2`,
    [participantId, limit],
  );
  return rows.map(withProgress);
}

/** A plan's goals, the oldest first, as the plan shows them (each with its progress). */
export async function goalsOfPlan(db: Queryable, planId: string) {
  const { rows } = await db.query<GoalRow>(
    `SELECT ${goalColumns} FROM goals g WHERE g.plan_id = $1 ORDER BY g.created_at, g.id`,
    [planId],
  );
  return rows.map(withProgress);
}

import { join } from 'node:path';
import type { MigrationSource, Queryable } from '@hearth/db';
import type { FsspGoalAdded } from '@hearth/events';
import type { FieldError } from '@hearth/http';
import type { z } from 'zod';

export type GoalSnapshot = z.infer<(typeof FsspGoalAdded)['data']>;

/** The plan_goal_facts table; every service that checks an associated goal or barrier migrates it. */
export const planGoalFactsMigrations: MigrationSource = {
  scope: 'plan-goals',
  dir: join(__dirname, '..', 'migrations'),
};

/** Replace a goal with fssp's latest description of it, unless a newer version is already here. */
export async function applyGoal(tx: Queryable, goal: GoalSnapshot): Promise<void> {
  await tx.query(
    `INSERT INTO plan_goal_facts
       (goal_id, org_id, plan_id, participant_ids, barrier_ids, is_open, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (goal_id) DO UPDATE SET participant_ids = EXCLUDED.participant_ids,
       barrier_ids = EXCLUDED.barrier_ids, is_open = EXCLUDED.is_open, version = EXCLUDED.version
     WHERE plan_goal_facts.version < EXCLUDED.version`,
    [
      goal.goalId,
      goal.orgId,
      goal.planId,
      goal.participantIds,
      goal.barrierIds,
      goal.status === 'open',
      goal.version,
    ],
  );
}

/** An id a request names, with the field that named it (`goalId`, `needIds.1`). */
export interface NamedId {
  field: string;
  id: string;
}

export interface KnownGoal {
  goalId: string;
  barrierIds: string[];
  isOpen: boolean;
}

/** The organization's goals for the participant (theirs alone, or a family goal listing them). */
export async function goalsOf(
  db: Queryable,
  orgId: string,
  participantId: string,
): Promise<KnownGoal[]> {
  const { rows } = await db.query<KnownGoal>(
    `SELECT goal_id AS "goalId", barrier_ids::text[] AS "barrierIds", is_open AS "isOpen"
     FROM plan_goal_facts WHERE org_id = $1 AND $2 = ANY(participant_ids) ORDER BY goal_id`,
    [orgId, participantId],
  );
  return rows;
}

/**
 * What is wrong with the goals and barriers a record names for a participant: each goal must be
 * one of the organization's goals for that participant, each barrier a barrier of such a goal, and
 * of one of the named goals when the record names any (a barrier is listed under its goal). Closed
 * goals count: a service dated while the goal was open may be recorded late. Unknown, another
 * participant's and another organization's ids read the same, so nothing about them leaks.
 */
export async function planGoalProblems(
  db: Queryable,
  owner: { orgId: string; participantId: string },
  goals: readonly NamedId[],
  barriers: readonly NamedId[],
): Promise<FieldError[]> {
  if (!goals.length && !barriers.length) return [];
  const known = await goalsOf(db, owner.orgId, owner.participantId);
  const goalIds = new Set(known.map((g) => g.goalId));
  const problems: FieldError[] = goals
    .filter((g) => !goalIds.has(g.id))
    .map((g) => ({ field: g.field, message: "Not a goal of this participant's plan" }));
  const named = known.filter((g) => goals.some((n) => n.id === g.goalId));
  const allowed = new Set((goals.length ? named : known).flatMap((g) => g.barrierIds));
  for (const b of barriers)
    if (!allowed.has(b.id))
      problems.push({
        field: b.field,
        message: goals.length
          ? 'Not a barrier of the goal named'
          : "Not a barrier of this participant's plan",
      });
  return problems;
}

import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import type { Queryable } from '@hearth/db';
import { organizationToday } from '@hearth/directory';
import { FsspGoalAdded } from '@hearth/events';
import { conflict, unprocessable } from '@hearth/http';
import type { FsspDeps } from '../deps';
import { newGoalProblems, type CreateGoalBody } from '../domain/goal';
import { findGoal, insertGoal, type Goal } from '../store/goals';
import { lockPlanForGoals } from '../store/plans';
import { announceGoal } from './goal-events';

/**
 * Add a goal to an open plan (the route has passed the plan's gate for writing): one row however
 * many members it lists, its barriers with ids of their own, and `fssp.goal.added`, together.
 */
export async function addGoal(
  tx: Queryable,
  deps: Pick<FsspDeps, 'clock'>,
  actor: Actor,
  body: CreateGoalBody,
): Promise<Goal> {
  const plan = await lockPlanForGoals(tx, body.planId);
  if (plan?.status !== 'open')
    throw conflict('The FSSP is closed: its goals are kept as they were.', [
      { field: 'planId', message: 'Closed' },
    ]);
  const today = await organizationToday(tx, actor.orgId, deps.clock);
  const problems = newGoalProblems(body, plan.included, today);
  if (problems.length) throw unprocessable('The goal breaks a rule.', problems);
  const id = randomUUID();
  const barriers = body.barriers.map((b) => ({ id: randomUUID(), description: b.description }));
  await insertGoal(tx, { ...body, id, orgId: actor.orgId }, body.participantIds, barriers);
  const goal = (await findGoal(tx, id))!;
  await announceGoal(tx, FsspGoalAdded, actor, goal);
  return goal;
}

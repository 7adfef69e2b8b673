import type { Actor } from '@hearth/auth';
import { withTransaction } from '@hearth/db';
import { organizationToday } from '@hearth/directory';
import { FsspGoalUpdated } from '@hearth/events';
import { conflict, requireCurrentVersion, unprocessable } from '@hearth/http';
import type { FsspDeps } from '../deps';
import { goalDateProblems, type UpdateGoalBody } from '../domain/goal';
import { findGoal, replaceActionSteps, updateGoalRow, type Goal } from '../store/goals';
import { lockPlanForGoals } from '../store/plans';
import { announceGoal } from './goal-events';

/**
 * Change a goal through one of its members (the route has passed the gate): a family goal is one
 * row, so the change reaches every member; `fssp.goal.updated` commits with it.
 */
export async function changeGoal(
  deps: Pick<FsspDeps, 'pool' | 'clock'>,
  actor: Actor,
  goalId: string,
  body: UpdateGoalBody,
): Promise<Goal> {
  return withTransaction(deps.pool, async (tx) => {
    const current = (await findGoal(tx, goalId, true))!; // the gate found it; goals are never deleted
    requireCurrentVersion('goal', current.version, body.version);
    if ((await lockPlanForGoals(tx, current.planId))?.status !== 'open')
      throw conflict('The FSSP is closed: its goals are kept as they were.', [
        { field: 'version', message: 'The FSSP is closed' },
      ]);
    const { version: _v, participantId: _p, ...changes } = body;
    const next = { ...current, ...changes };
    const problems = goalDateProblems(next, await organizationToday(tx, actor.orgId, deps.clock));
    if (problems.length) throw unprocessable('The goal breaks a rule.', problems);
    await updateGoalRow(tx, next);
    if (body.actionSteps) await replaceActionSteps(tx, goalId, body.actionSteps);
    const saved = (await findGoal(tx, goalId))!;
    await announceGoal(tx, FsspGoalUpdated, actor, saved);
    return saved;
  });
}

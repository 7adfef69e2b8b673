import type { Action, Actor } from '@hearth/access';
import type { Queryable } from '@hearth/db';
import { notFound, unprocessable } from '@hearth/http';
import { findGoal, type Goal } from '../store/goals';
import { participantFor } from './participant-gate';
import { planFor } from './plan-gate';

/**
 * A goal is read and changed as its plan allows (plan-gate.ts); a change goes through one of
 * its members, who passes the participant gate too. Denied or unknown = 404, audited.
 */
export async function goalFor(
  pool: Queryable,
  actor: Actor,
  goalId: string,
  action: Action,
  now: Date,
  throughParticipantId?: string,
): Promise<Goal> {
  const goal = await findGoal(pool, goalId);
  if (!goal) throw notFound('The goal');
  await planFor(pool, actor, goal.planId, action, now);
  if (throughParticipantId === undefined) return goal;
  if (!goal.participantIds.includes(throughParticipantId))
    throw unprocessable('A goal is changed through one of its members.', [
      { field: 'participantId', message: 'Not a member of this goal' },
    ]);
  await participantFor(pool, actor, throughParticipantId, action, now, 'The goal');
  return goal;
}

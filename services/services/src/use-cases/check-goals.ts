import type { Actor } from '@hearth/auth';
import type { Queryable } from '@hearth/db';
import { unprocessable } from '@hearth/http';
import { goalsOf, planGoalProblems, type NamedId } from '@hearth/plan-goals';

interface Associated {
  goalId?: string | null;
  barrierId?: string | null;
}

const named = (field: string, id: string | null | undefined): NamedId[] =>
  id ? [{ field, id }] : [];

/**
 * A service's goal must be one of the organization's FSSP goals for that participant (theirs, or a
 * family goal listing them) and its barrier a barrier of that goal, or of one of their goals when
 * no goal is named (libs/plan-goals); otherwise 422 naming the field.
 */
export async function checkGoals(
  tx: Queryable,
  actor: Actor,
  participantId: string,
  s: Associated,
): Promise<void> {
  const problems = await planGoalProblems(
    tx,
    { orgId: actor.orgId, participantId },
    named('goalId', s.goalId),
    named('barrierId', s.barrierId),
  );
  if (problems.length)
    throw unprocessable("The goal or barrier is not one of the participant's plan.", problems);
}

/**
 * What a copy keeps: the goal while it is still one of the participant's, the barrier while it is
 * still one of the kept goal's (or of theirs, with no goal); the rest is left off, not refused,
 * since the worker copies a service, not a plan (the goal may have moved on since).
 */
export async function stillAssociated(
  db: Queryable,
  actor: Actor,
  participantId: string,
  s: Associated,
): Promise<{ goalId: string | null; barrierId: string | null }> {
  if (!s.goalId && !s.barrierId) return { goalId: null, barrierId: null };
  const goals = await goalsOf(db, actor.orgId, participantId);
  const goal = goals.find((g) => g.goalId === s.goalId);
  const barriers = (goal ? [goal] : goals).flatMap((g) => g.barrierIds);
  return {
    goalId: goal?.goalId ?? null,
    barrierId: s.barrierId && barriers.includes(s.barrierId) ? s.barrierId : null,
  };
}

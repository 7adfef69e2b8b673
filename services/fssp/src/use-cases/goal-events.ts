import type { Actor } from '@hearth/auth';
import { authorOf, recordEvent } from '@hearth/bus';
import type { Queryable } from '@hearth/db';
import { FsspGoalAdded, FsspGoalUpdated, createEvent } from '@hearth/events';
import type { Goal } from '../store/goals';

/** A goal's event in the transaction of its change: ids, dates, codes, never free text. */
export function announceGoal(
  tx: Queryable,
  definition: typeof FsspGoalAdded | typeof FsspGoalUpdated,
  actor: Actor,
  goal: Goal,
): Promise<void> {
  return recordEvent(
    tx,
    createEvent(definition, {
      orgId: goal.orgId,
      ...authorOf(actor),
      data: {
        goalId: goal.id,
        planId: goal.planId,
        orgId: goal.orgId,
        kind: goal.kind,
        participantIds: goal.participantIds,
        barrierIds: goal.barriers.map((b) => b.id),
        category: goal.category,
        goal: goal.goal,
        startDate: goal.startDate,
        targetDate: goal.targetDate,
        status: goal.status,
        version: goal.version,
      },
    }),
  );
}

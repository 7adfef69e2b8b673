import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { authorOf, recordEvent } from '@hearth/bus';
import type { Queryable } from '@hearth/db';
import { organizationToday } from '@hearth/directory';
import { FsspScoreRecorded, createEvent } from '@hearth/events';
import { conflict, unprocessable } from '@hearth/http';
import type { FsspDeps } from '../deps';
import type { RecordScoreBody } from '../domain/score';
import { findGoal } from '../store/goals';
import { lockPlanForGoals } from '../store/plans';
import { insertScore, scoresOf, type Score } from '../store/scores';

/**
 * Score a goal of an open plan (the route has passed the gate): a new row in its history, never
 * an overwrite, and `fssp.score.recorded` in the same transaction.
 */
export async function recordScore(
  tx: Queryable,
  deps: Pick<FsspDeps, 'clock'>,
  actor: Actor,
  goalId: string,
  body: RecordScoreBody,
): Promise<Score> {
  const goal = (await findGoal(tx, goalId, true))!; // the gate found it; goals are never deleted
  if ((await lockPlanForGoals(tx, goal.planId))?.status !== 'open')
    throw conflict('The FSSP is closed: its goals are kept as they were.', [
      { field: 'scoreDate', message: 'The FSSP is closed' },
    ]);
  const today = await organizationToday(tx, actor.orgId, deps.clock);
  if (body.scoreDate > today)
    throw unprocessable('A score is dated when it was given.', [
      { field: 'scoreDate', message: `Not after today (${today})` },
    ]);
  const id = randomUUID();
  await insertScore(tx, {
    id,
    goalId,
    scoreDate: body.scoreDate,
    score: body.score,
    recordedBy: actor.userId,
  });
  await recordEvent(
    tx,
    createEvent(FsspScoreRecorded, {
      orgId: goal.orgId,
      ...authorOf(actor),
      data: {
        scoreId: id,
        goalId,
        planId: goal.planId,
        orgId: goal.orgId,
        participantIds: goal.participantIds,
        scoreDate: body.scoreDate,
        score: body.score,
      },
    }),
  );
  return (await scoresOf(tx, goalId)).find((s) => s.id === id)!;
}

import type { Queryable } from '@hearth/db';
import { unprocessable } from '@hearth/http';
import { planGoalProblems } from '@hearth/plan-goals';

const named = (field: string, ids: readonly string[]) =>
  ids.map((id, i) => ({ field: `${field}.${i}`, id }));

/**
 * A referral's associated needs are the referring organization's FSSP goals for the participant
 * (theirs, or a family goal listing them) and its barriers barriers of those goals, or of any of
 * their goals when no need is named (libs/plan-goals); otherwise 422 naming the row.
 */
export async function checkNeeds(
  tx: Queryable,
  owner: { orgId: string; participantId: string },
  needIds: readonly string[],
  barrierIds: readonly string[],
): Promise<void> {
  const problems = await planGoalProblems(
    tx,
    owner,
    named('needIds', needIds),
    named('barrierIds', barrierIds),
  );
  if (problems.length)
    throw unprocessable("A need or barrier is not one of the participant's plan.", problems);
}

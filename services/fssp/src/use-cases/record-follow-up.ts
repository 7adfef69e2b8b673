import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { authorOf, recordEvents } from '@hearth/bus';
import type { Queryable } from '@hearth/db';
import { organizationToday } from '@hearth/directory';
import { FsspScoreRecorded, createEvent } from '@hearth/events';
import { conflict, onUniqueViolation, unprocessable, type FieldError } from '@hearth/http';
import type { FsspDeps } from '../deps';
import { MAX_REVISIONS, type RecordFollowUpBody } from '../domain/follow-up';
import {
  goalMembersOfPlan,
  insertAssessment,
  insertAssessmentScores,
  revisionCount,
} from '../store/follow-ups';
import { lockPlanForGoals } from '../store/plans';

const recordedAlready = conflict('This follow-up is recorded already: record a revision.', [
  { field: 'type', message: 'Recorded already' },
]);

/**
 * A 6-month, 12-month or other revision of an open plan (the route has passed the gate): an
 * assessment of the same plan whose scores join each goal's history, with their events.
 */
export async function recordFollowUp(
  tx: Queryable,
  deps: Pick<FsspDeps, 'clock'>,
  actor: Actor,
  planId: string,
  body: RecordFollowUpBody,
) {
  const plan = await lockPlanForGoals(tx, planId);
  if (plan?.status !== 'open')
    throw conflict('The FSSP is closed.', [{ field: 'type', message: 'The FSSP is closed' }]);
  const today = await organizationToday(tx, actor.orgId, deps.clock);
  const goals = await goalMembersOfPlan(tx, planId);
  const problems: FieldError[] = [];
  if (body.assessmentDate > today || body.assessmentDate < plan.assessmentDate)
    problems.push({
      field: 'assessmentDate',
      message: `From the plan's assessment (${plan.assessmentDate}) to today (${today})`,
    });
  if (body.type === 'revision' && (await revisionCount(tx, planId)) >= MAX_REVISIONS)
    problems.push({ field: 'type', message: `At most ${MAX_REVISIONS} revisions` });
  const seen = new Set<string>();
  body.scores.forEach((s, i) => {
    if (!goals.has(s.goalId))
      problems.push({ field: `scores.${i}.goalId`, message: 'Not a goal of this FSSP' });
    else if (seen.has(s.goalId))
      problems.push({ field: `scores.${i}.goalId`, message: 'Scored twice' });
    seen.add(s.goalId);
  });
  if (problems.length) throw unprocessable('The follow-up breaks a rule.', problems);
  const id = randomUUID();
  const assessment = { id, date: body.assessmentDate, recordedBy: actor.userId };
  await insertAssessment(tx, { ...assessment, planId, type: body.type }).catch(
    onUniqueViolation(recordedAlready),
  );
  const scores = body.scores.map((s) => ({ ...s, scoreId: randomUUID() }));
  await insertAssessmentScores(tx, assessment, scores);
  await recordEvents(
    tx,
    scores.map((s) =>
      createEvent(FsspScoreRecorded, {
        orgId: actor.orgId,
        ...authorOf(actor),
        data: {
          scoreId: s.scoreId,
          goalId: s.goalId,
          planId,
          orgId: actor.orgId,
          participantIds: goals.get(s.goalId)!,
          scoreDate: body.assessmentDate,
          score: s.score,
        },
      }),
    ),
  );
  return {
    id,
    planId,
    type: body.type,
    assessmentDate: body.assessmentDate,
    scores: body.scores,
  };
}

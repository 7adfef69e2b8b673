import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { withTransaction } from '@hearth/db';
import { organizationToday } from '@hearth/directory';
import { AssessmentRecorded } from '@hearth/events';
import { unprocessable } from '@hearth/http';
import type { ReferralsDeps } from '../deps';
import { scoreAssessment, type GivenAnswer } from '../domain/assessment';
import { insertAssessment, latestDefinition } from '../store/assessments';
import { announce } from './announce';

/**
 * Answers the latest version of a definition for a participant (the route passed the gate), scores
 * them, and keeps answers, score and date with `referrals.assessment.recorded`, together.
 */
export function recordAssessment(
  deps: Pick<ReferralsDeps, 'pool' | 'clock'>,
  actor: Actor,
  body: {
    participantId: string;
    definitionId: string;
    assessmentDate: string;
    answers: GivenAnswer[];
  },
) {
  return withTransaction(deps.pool, async (tx) => {
    const now = deps.clock();
    const definition = await latestDefinition(tx, body.definitionId);
    if (!definition)
      throw unprocessable('No such assessment.', [{ field: 'definitionId', message: 'Not found' }]);
    // "today" on the organization's calendar, as every date a worker gives
    if (body.assessmentDate > (await organizationToday(tx, actor.orgId, deps.clock)))
      throw unprocessable('An assessment is not dated in the future.', [
        { field: 'assessmentDate', message: 'In the future' },
      ]);
    const scored = scoreAssessment(definition.questions, body.answers);
    if ('problems' in scored)
      throw unprocessable('The answers do not fit the assessment.', scored.problems);
    const saved = await insertAssessment(
      tx,
      {
        id: randomUUID(),
        participantId: body.participantId,
        orgId: actor.orgId,
        assessedBy: actor.userId,
        definitionId: definition.id,
        definitionVersion: definition.version,
        assessmentDate: body.assessmentDate,
        score: scored.score,
        answers: scored.answers,
      },
      now,
    );
    await announce(
      tx,
      AssessmentRecorded,
      actor,
      {
        assessmentId: saved.id,
        participantId: saved.participantId,
        orgId: saved.orgId,
        definitionId: saved.definitionId,
        definitionVersion: saved.definitionVersion,
        assessmentDate: saved.assessmentDate,
        score: saved.score,
      },
      now,
    );
    return saved;
  });
}

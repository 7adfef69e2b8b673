import { auditDenialAfterAnswer, type Action, type ParticipantSharing } from '@hearth/access';
import type { Actor } from '@hearth/auth';
import { forbidden, notFound } from '@hearth/http';
import { enrollmentFor, participantFor } from '../access';
import type { EnrollmentDeps } from '../deps';
import { decideAssessmentAccess } from '../domain/hmis-assessment';
import { findAssessment, type AssessmentRecord } from '../store/hmis-assessments';

/**
 * The assessment, when the actor may act on it: the enrollment's gate, the member's participant
 * gate, then the assessment's own restriction. One the actor may not read answers 404 like an
 * unknown one (audited after the answer); one they may read but not change is a 403.
 */
export async function assessmentFor(
  deps: Pick<EnrollmentDeps, 'pool' | 'clock' | 'logger'>,
  actor: Actor,
  enrollmentId: string,
  assessmentId: string,
  action: Action,
): Promise<{ assessment: AssessmentRecord; sharing: ParticipantSharing }> {
  const now = deps.clock();
  await enrollmentFor(deps.pool, actor, enrollmentId, 'read', now);
  const assessment = await findAssessment(deps.pool, enrollmentId, assessmentId);
  if (!assessment) throw notFound('The assessment');
  const member = await participantFor(
    deps.pool,
    actor,
    assessment.participantId,
    'read',
    now,
    'The assessment',
  );
  const ask = (a: Action) =>
    decideAssessmentAccess({ actor, participant: member.sharing, assessment, action: a, now });
  const read = ask('read');
  if (!read.allowed) {
    auditDenialAfterAnswer(
      deps.pool,
      actor,
      assessment.participantId,
      'read',
      read.reason,
      deps.logger,
    );
    throw notFound('The assessment');
  }
  if (action !== 'read' && !ask(action).allowed)
    throw forbidden('Only the organization that recorded the assessment can change it.');
  return { assessment, sharing: member.sharing };
}

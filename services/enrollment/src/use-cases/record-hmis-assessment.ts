import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { authorOf } from '@hearth/bus';
import { withTransaction } from '@hearth/db';
import {
  conflict,
  onUniqueViolation,
  unprocessable,
  type FieldError,
  type Problem,
} from '@hearth/http';
import { dateOf } from '@hearth/time';
import type { EnrollmentDeps } from '../deps';
import {
  ONCE_PER_MEMBER,
  informationDateProblems,
  type AssessmentRestriction,
} from '../domain/hmis-assessment';
import {
  completeElements,
  elementProblems,
  totalMonthlyIncomeCents,
  type ElementsBody,
  type Stage,
} from '../domain/hmis-elements';
import { missingRequiredSets } from '../domain/hmis-requirements';
import { announceAssessment } from '../events/hmis-assessments';
import { findEnrollment, type EnrollmentRecord } from '../store/enrollments';
import {
  hasAssessmentAt,
  insertAssessment,
  type AssessmentRecord,
} from '../store/hmis-assessments';
import { requirementsOf } from '../store/hmis-requirements';
import { currentMembers } from '../store/members';

export interface AssessmentRequest {
  participantId: string;
  stage: Stage;
  informationDate: string;
  restriction: AssessmentRestriction;
  elements: ElementsBody;
}

export const alreadyAssessed = (stage: Stage, field = 'stage') =>
  conflict(`This member already has a ${stage} assessment in this enrollment; correct that one.`, [
    { field, message: `One ${stage} assessment per member per enrollment` },
  ]);

/**
 * What is wrong with an assessment of this enrollment's member (membership, date, answers, the
 * sets its program requires at the stage among `answered`: a correction's merged answers).
 */
export async function assessmentProblems(
  db: Parameters<typeof currentMembers>[0],
  enrollment: EnrollmentRecord,
  a: Omit<AssessmentRequest, 'restriction'>,
  today: string,
  answered: ElementsBody = a.elements,
): Promise<FieldError[]> {
  const members = await currentMembers(db, enrollment.id);
  if (!members.some((m) => m.participantId === a.participantId))
    return [{ field: 'participantId', message: 'Not a member of this enrollment' }];
  const required = (await requirementsOf(db, enrollment.programId)).stages;
  return [
    ...informationDateProblems(enrollment, a.stage, a.informationDate, today),
    ...elementProblems(a.stage, a.elements),
    ...missingRequiredSets(required, a.stage, answered),
  ];
}

/** Inserts an assessment already checked, with its event, in the caller's transaction. */
export async function insertChecked(
  tx: Parameters<typeof insertAssessment>[0],
  actor: Actor,
  enrollment: EnrollmentRecord,
  request: AssessmentRequest,
  duplicate: Problem = alreadyAssessed(request.stage),
): Promise<AssessmentRecord> {
  const elements = completeElements(request.elements);
  const saved = await insertAssessment(tx, {
    id: randomUUID(),
    enrollmentId: enrollment.id,
    participantId: request.participantId,
    orgId: enrollment.orgId,
    authorUserId: actor.userId,
    stage: request.stage,
    informationDate: request.informationDate,
    restriction: request.restriction,
    elements,
    totalMonthlyIncomeCents: totalMonthlyIncomeCents(elements),
  }).catch(onUniqueViolation(duplicate));
  await announceAssessment(tx, 'recorded', saved, authorOf(actor));
  return saved;
}

/**
 * Records a member's assessment at a stage, checked under the enrollment's lock; the unique index
 * holds "one project start, one exit" against a racing request, answered like the check.
 */
export function recordHmisAssessment(
  deps: Pick<EnrollmentDeps, 'pool' | 'clock'>,
  actor: Actor,
  enrollmentId: string,
  request: AssessmentRequest,
): Promise<AssessmentRecord> {
  return withTransaction(deps.pool, async (tx) => {
    const enrollment = (await findEnrollment(tx, enrollmentId, { lock: true }))!;
    const problems = await assessmentProblems(tx, enrollment, request, dateOf(deps.clock()));
    if (problems.length) throw unprocessable('The assessment cannot be recorded.', problems);
    const { participantId, stage } = request;
    if (
      ONCE_PER_MEMBER.includes(stage) &&
      (await hasAssessmentAt(tx, enrollmentId, participantId, stage))
    )
      throw alreadyAssessed(stage);
    return insertChecked(tx, actor, enrollment, request);
  });
}

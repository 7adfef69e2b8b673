import type { Actor } from '@hearth/auth';
import { authorOf } from '@hearth/bus';
import { withTransaction } from '@hearth/db';
import { requireCurrentVersion, unprocessable } from '@hearth/http';
import { dateOf } from '@hearth/time';
import type { EnrollmentDeps } from '../deps';
import type { AssessmentRestriction } from '../domain/hmis-assessment';
import {
  completeElements,
  totalMonthlyIncomeCents,
  type ElementsBody,
} from '../domain/hmis-elements';
import { announceAssessment } from '../events/hmis-assessments';
import { findEnrollment } from '../store/enrollments';
import { findAssessment, updateAssessment, type AssessmentRecord } from '../store/hmis-assessments';
import { assessmentProblems } from './record-hmis-assessment';

export interface AssessmentCorrection {
  version: number;
  informationDate?: string;
  restriction?: AssessmentRestriction;
  /** the element sets given replace theirs; the others stay as answered */
  elements?: ElementsBody;
}

/** Corrects an assessment (its stage never changes); the version it replaces stays as history. */
export function correctHmisAssessment(
  deps: Pick<EnrollmentDeps, 'pool' | 'clock'>,
  actor: Actor,
  enrollmentId: string,
  assessmentId: string,
  change: AssessmentCorrection,
): Promise<AssessmentRecord> {
  return withTransaction(deps.pool, async (tx) => {
    const enrollment = (await findEnrollment(tx, enrollmentId, { lock: true }))!;
    const before = (await findAssessment(tx, enrollmentId, assessmentId, { lock: true }))!;
    requireCurrentVersion('assessment', before.version, change.version);
    const informationDate = change.informationDate ?? before.informationDate;
    const given = change.elements ?? {};
    const problems = await assessmentProblems(
      tx,
      enrollment,
      {
        participantId: before.participantId,
        stage: before.stage,
        informationDate,
        elements: given,
      },
      dateOf(deps.clock()),
      { ...before.elements, ...given },
    );
    if (problems.length) throw unprocessable('The assessment cannot be corrected.', problems);
    const elements = { ...before.elements, ...completeElements(given) };
    const saved = await updateAssessment(
      tx,
      before,
      {
        informationDate,
        restriction: change.restriction ?? before.restriction,
        elements,
        totalMonthlyIncomeCents: totalMonthlyIncomeCents(elements),
      },
      actor.userId,
    );
    await announceAssessment(tx, 'updated', saved, authorOf(actor));
    return saved;
  });
}

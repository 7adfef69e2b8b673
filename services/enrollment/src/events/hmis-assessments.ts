import { recordEvent, type EventAuthor } from '@hearth/bus';
import type { Queryable } from '@hearth/db';
import { createEvent, HmisAssessmentRecorded, HmisAssessmentUpdated } from '@hearth/events';
import { codedElements } from '../domain/hmis-elements';
import type { AssessmentRecord } from '../store/hmis-assessments';

/** Record an assessment event in the caller's transaction: its coded answers, no free text. */
export async function announceAssessment(
  tx: Queryable,
  verb: 'recorded' | 'updated',
  a: AssessmentRecord,
  author: EventAuthor,
): Promise<void> {
  const definition = verb === 'recorded' ? HmisAssessmentRecorded : HmisAssessmentUpdated;
  await recordEvent(
    tx,
    createEvent(definition, {
      orgId: a.orgId,
      ...author,
      data: {
        assessmentId: a.id,
        enrollmentId: a.enrollmentId,
        participantId: a.participantId,
        orgId: a.orgId,
        stage: a.stage,
        informationDate: a.informationDate,
        restriction: a.restriction,
        elements: codedElements(a.elements) as Record<
          string,
          Record<string, number | string | null>
        >,
        totalMonthlyIncomeCents: a.totalMonthlyIncomeCents,
        version: a.version,
      },
    }),
  );
}

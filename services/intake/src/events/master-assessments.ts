import type { Actor } from '@hearth/auth';
import { authorOf, recordEvent } from '@hearth/bus';
import type { Queryable } from '@hearth/db';
import { MasterAssessmentCompleted, createEvent } from '@hearth/events';
import { answeredElements, codedElements } from '@hearth/hmis-elements';
import type { MasterAssessment } from '../domain/master-assessment';

/**
 * intake.master-assessment.completed, in the transaction that finishes the draft: each member's
 * answers as given, coded only (the step refuses free text), for enrollment to record.
 */
export async function announceMasterAssessment(
  tx: Queryable,
  actor: Actor,
  workflowId: string,
  assessment: MasterAssessment,
): Promise<void> {
  await recordEvent(
    tx,
    createEvent(MasterAssessmentCompleted, {
      orgId: actor.orgId,
      ...authorOf(actor),
      data: {
        workflowId,
        enrollmentId: assessment.enrollmentId,
        restriction: assessment.restriction,
        members: assessment.members.map((m) => ({
          participantId: m.participantId,
          elements: codedElements(answeredElements(m.elements)),
        })),
      },
    }),
  );
}

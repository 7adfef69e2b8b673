import type { PoolClient } from '@hearth/db';
import type { Envelope, MasterAssessmentCompleted } from '@hearth/events';
import { Problem } from '@hearth/http';
import type { z } from 'zod';
import type { EnrollmentDeps } from '../deps';
import { elementsBody } from '../domain/hmis-elements';
import { findEnrollment } from '../store/enrollments';
import { hasAssessmentAt } from '../store/hmis-assessments';
import { recordProjectStartsIn } from './record-project-starts';

type Completed = Envelope<z.infer<(typeof MasterAssessmentCompleted)['data']>>;

/**
 * Intake's finished master assessment becomes each member's project-start assessment, dated the
 * enrollment's entry (HUD: the project start's information date is the project start), by the
 * rules of POST .../assessments/project-start, in the consumer's transaction. Only the
 * enrollment's own organization writes its assessments (intake gated each member for writing).
 * A member who already has one (a redelivery, a direct record) is left as recorded. A refusal
 * by enrollment's rules (not a member, a set the program requires missing) is final, not worth
 * a retry: logged, nothing recorded.
 */
export async function recordMasterAssessment(
  deps: Pick<EnrollmentDeps, 'clock' | 'logger'>,
  tx: PoolClient,
  event: Completed,
): Promise<number> {
  const { enrollmentId, workflowId } = event.data;
  const log = deps.logger.child({ eventId: event.id, workflowId, enrollmentId });
  const enrollment = await findEnrollment(tx, enrollmentId, { lock: true });
  if (!enrollment || enrollment.orgId !== event.orgId || !event.actor.userId) {
    log.warn("master assessment names no enrollment of the author's organization; not recorded");
    return 0;
  }
  const members = [];
  for (const m of event.data.members) {
    if (await hasAssessmentAt(tx, enrollmentId, m.participantId, 'project_start')) continue;
    const elements = elementsBody.safeParse(m.elements);
    if (!elements.success) {
      log.warn({ participantId: m.participantId }, 'master assessment answers refused');
      return 0;
    }
    members.push({ participantId: m.participantId, elements: elements.data });
  }
  if (members.length === 0) return 0;
  const actor = {
    userId: event.actor.userId,
    name: event.actor.name,
    orgId: event.orgId,
    roles: [],
  };
  const batch = {
    informationDate: enrollment.applicationDate,
    restriction: event.data.restriction,
    members,
  };
  try {
    return (await recordProjectStartsIn(tx, deps, actor, enrollmentId, batch)).length;
  } catch (err) {
    // rules are checked before any row is written, so the transaction is still sound here
    if (!(err instanceof Problem) || err.status !== 422) throw err;
    log.warn({ errors: err.errors }, 'master assessment refused by the program rules');
    return 0;
  }
}

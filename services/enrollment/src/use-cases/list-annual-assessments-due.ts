import { allowedParticipants, type Actor } from '@hearth/access';
import { dateOf } from '@hearth/time';
import type { EnrollmentDeps } from '../deps';
import { annualAssessmentsDue } from '../store/annual-due';
import { findParticipants } from '../store/participant-facts';

/**
 * The program's enrollments with an annual assessment due today: only those whose head the actor
 * may see, naming only members they may see (each decided by the shared rule).
 */
export async function listAnnualAssessmentsDue(
  deps: Pick<EnrollmentDeps, 'pool' | 'clock' | 'logger'>,
  actor: Actor,
  programId: string,
) {
  const now = deps.clock();
  const due = await annualAssessmentsDue(deps.pool, dateOf(now), { programId });
  const ids = [...new Set(due.flatMap((d) => [d.headParticipantId, ...d.participantIds]))];
  const known = await findParticipants(deps.pool, ids);
  const sharing = new Map([...known].map(([id, p]) => [id, p.sharing]));
  const visible = allowedParticipants(deps.pool, actor, sharing, 'read', now, deps.logger);
  return {
    items: due
      .filter((d) => visible.has(d.headParticipantId))
      .map((d) => ({
        enrollmentId: d.enrollmentId,
        headParticipantId: d.headParticipantId,
        participantIds: d.participantIds.filter((id) => visible.has(id)),
        anniversaryDate: d.anniversary,
        dueFrom: d.from,
        dueBy: d.to,
      })),
  };
}

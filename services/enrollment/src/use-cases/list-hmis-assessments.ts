import { allowedParticipants, isReleaseActive, type Actor } from '@hearth/access';
import { cursorCodec, isoDate, uuid } from '@hearth/http';
import { z } from 'zod';
import type { EnrollmentDeps } from '../deps';
import { decideAssessmentAccess } from '../domain/hmis-assessment';
import type { Stage } from '../domain/hmis-elements';
import { listAssessments } from '../store/hmis-assessments';
import { currentMembers } from '../store/members';
import { findParticipants } from '../store/participant-facts';

export const assessmentCursor = cursorCodec(
  z.strictObject({ informationDate: isoDate(), id: uuid() }),
);

/**
 * An enrollment's assessments (the route has passed its gate), newest first: only of members
 * the actor may see, and only those whose restriction lets them read; each item still passes its
 * own decision, the one rule of libs/access.
 */
export async function listHmisAssessments(
  deps: Pick<EnrollmentDeps, 'pool' | 'clock' | 'logger'>,
  actor: Actor,
  enrollmentId: string,
  q: { participantId?: string; stage?: Stage; limit: number; cursor?: string },
) {
  const now = deps.clock();
  const memberIds = (await currentMembers(deps.pool, enrollmentId))
    .map((m) => m.participantId)
    .filter((id) => !q.participantId || id === q.participantId);
  const known = await findParticipants(deps.pool, memberIds);
  const sharing = new Map([...known].map(([id, p]) => [id, p.sharing]));
  const visible = allowedParticipants(deps.pool, actor, sharing, 'read', now, deps.logger);
  const released = [...visible].filter((id) =>
    sharing.get(id)!.releases.some((r) => r.toOrgId === actor.orgId && isReleaseActive(r, now)),
  );
  const rows = await listAssessments(deps.pool, enrollmentId, {
    limit: q.limit + 1,
    after: assessmentCursor.decode(q.cursor),
    participantIds: [...visible],
    stage: q.stage,
    reader: { orgId: actor.orgId, releasedMouParticipantIds: released },
  });
  const { items, nextCursor } = assessmentCursor.page(rows, q.limit, (a) => ({
    informationDate: a.informationDate,
    id: a.id,
  }));
  const readable = items.filter(
    (assessment) =>
      decideAssessmentAccess({
        actor,
        participant: sharing.get(assessment.participantId)!,
        assessment,
        action: 'read',
        now,
      }).allowed,
  );
  return { items: readable, nextCursor };
}

import { decideAccess } from '@hearth/access';
import type { Actor } from '@hearth/auth';
import type { Queryable } from '@hearth/db';
import { unprocessable } from '@hearth/http';
import { enrollmentFor, participantFor } from './access';
import type { EnrollmentRecord } from './store/enrollments';
import { findParticipants, type KnownParticipant } from './store/participant-facts';

/**
 * The enrollment and the participant an outcome (a job, a credential) is recorded for: the
 * enrollment through its gate, the participant through theirs (404 when hidden), and they must
 * be or have been a member of it (post-exit jobs count too, so a removed member still qualifies).
 */
export async function outcomeHolderFor(
  db: Queryable,
  actor: Actor,
  enrollmentId: string,
  participantId: string,
  action: 'read' | 'write',
  now: Date,
): Promise<{ enrollment: EnrollmentRecord; participant: KnownParticipant }> {
  const { enrollment } = await enrollmentFor(db, actor, enrollmentId, action, now);
  const participant = await participantFor(db, actor, participantId, action, now);
  const { rowCount } = await db.query(
    'SELECT 1 FROM enrollment_members WHERE enrollment_id = $1 AND participant_id = $2 LIMIT 1',
    [enrollmentId, participantId],
  );
  if (!rowCount)
    throw unprocessable('The participant is not a member of this enrollment.', [
      { field: 'participantId', message: 'Not a member of this enrollment' },
    ]);
  return { enrollment, participant };
}

/**
 * The outcome records the actor may read: each is its organization's record about a participant,
 * readable by that organization and by those the participant released their data to (`mou`);
 * a participant whose sharing facts have not arrived is shown to no one.
 */
export async function readableOutcomes<R extends { participantId: string; orgId: string }>(
  db: Queryable,
  actor: Actor,
  records: readonly R[],
  now: Date,
): Promise<R[]> {
  const people = await findParticipants(db, [...new Set(records.map((r) => r.participantId))]);
  return records.filter((r) => {
    const person = people.get(r.participantId);
    if (!person) return false;
    const record = { orgId: r.orgId, restriction: 'mou' as const };
    return decideAccess({ actor, participant: person.sharing, record, action: 'read', now })
      .allowed;
  });
}

import type { Actor } from '@hearth/auth';
import { withTransaction } from '@hearth/db';
import { EnrollmentMemberRemoved } from '@hearth/events';
import { notFound, unprocessable } from '@hearth/http';
import type { EnrollmentDeps } from '../deps';
import { findEnrollment, type EnrollmentRecord } from '../store/enrollments';
import { currentMembers, removeMember as endMembership } from '../store/members';
import { membershipChanged, mustBeOpen } from './membership';

/** Remove a member (never the head) from an open enrollment; the membership stays in history. */
export async function removeMember(
  deps: Pick<EnrollmentDeps, 'pool'>,
  actor: Actor,
  enrollment: EnrollmentRecord,
  participantId: string,
): Promise<EnrollmentRecord> {
  if (participantId === enrollment.headParticipantId)
    throw unprocessable('The head of enrollment cannot be removed; exit the enrollment instead.', [
      { field: 'participantId', message: 'Is the head of enrollment' },
    ]);
  return withTransaction(deps.pool, async (tx) => {
    const current = (await findEnrollment(tx, enrollment.id, { lock: true }))!;
    mustBeOpen(current);
    const member = (await currentMembers(tx, current.id)).find(
      (m) => m.participantId === participantId,
    );
    if (!member || !(await endMembership(tx, current.id, participantId, actor.userId)))
      throw notFound('The member');
    return membershipChanged(tx, EnrollmentMemberRemoved, current, actor, member);
  });
}

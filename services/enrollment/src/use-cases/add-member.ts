import type { Actor } from '@hearth/auth';
import { withTransaction } from '@hearth/db';
import { EnrollmentMemberAdded } from '@hearth/events';
import type { EnrollmentDeps } from '../deps';
import { findEnrollment, type EnrollmentRecord } from '../store/enrollments';
import { addMember as insertMember } from '../store/members';
import { findProgram } from '../store/programs';
import { checkMember, type MemberRequest } from './check-member';
import { membershipChanged, mustBeOpen, mustNotBeMember } from './membership';

/**
 * Add a member of the head's family to an open enrollment (an ineligible one with an override
 * reason); checked first, and the membership checks again under the enrollment's lock.
 */
export async function addMember(
  deps: Pick<EnrollmentDeps, 'pool' | 'clock'>,
  actor: Actor,
  enrollment: EnrollmentRecord,
  request: MemberRequest,
): Promise<EnrollmentRecord> {
  mustBeOpen(enrollment);
  await mustNotBeMember(deps.pool, enrollment.id, request.participantId);
  const program = (await findProgram(deps.pool, enrollment.programId))!;
  const member = await checkMember(
    deps.pool,
    actor,
    { ...enrollment, program },
    request,
    '',
    deps.clock(),
  );
  return withTransaction(deps.pool, async (tx) => {
    const current = (await findEnrollment(tx, enrollment.id, { lock: true }))!;
    mustBeOpen(current);
    await mustNotBeMember(tx, current.id, member.participantId); // again, under the lock
    await insertMember(tx, {
      enrollmentId: current.id,
      isHead: false,
      ...member,
      addedByUserId: actor.userId,
    });
    return membershipChanged(tx, EnrollmentMemberAdded, current, actor, member);
  });
}

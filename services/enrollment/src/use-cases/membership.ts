import type { Actor } from '@hearth/auth';
import { authorOf } from '@hearth/bus';
import type { Queryable } from '@hearth/db';
import type { EnrollmentMemberAdded, EnrollmentMemberRemoved } from '@hearth/events';
import { conflict } from '@hearth/http';
import { announce } from '../events/enrollments';
import { updateEnrollment, type EnrollmentRecord } from '../store/enrollments';
import { currentMembers } from '../store/members';
import { announceUpdated } from './change-status';

// The steps adding and removing a member share.

/** Members join or leave an open enrollment only; an exited record's household is history. */
export function mustBeOpen(e: EnrollmentRecord) {
  if (e.exitDate)
    throw conflict(
      `The enrollment was exited on ${e.exitDate}; its members can no longer change.`,
      [{ field: 'exitDate', message: 'The enrollment is exited' }],
    );
}

export async function mustNotBeMember(db: Queryable, enrollmentId: string, participantId: string) {
  if ((await currentMembers(db, enrollmentId)).some((m) => m.participantId === participantId))
    throw conflict('This participant is already a member.', [
      { field: 'participantId', message: 'Already a member' },
    ]);
}

/** The enrollment's version moves on, and the member event and the update go out with it. */
export async function membershipChanged(
  tx: Queryable,
  event: typeof EnrollmentMemberAdded | typeof EnrollmentMemberRemoved,
  current: EnrollmentRecord,
  actor: Actor,
  member: { participantId: string; overrideReason: string | null },
) {
  const changed = await updateEnrollment(tx, current.id, {});
  await announce(tx, event, changed, authorOf(actor), {
    enrollmentId: changed.id,
    headParticipantId: changed.headParticipantId,
    participantId: member.participantId,
    overrideReason: member.overrideReason,
  });
  await announceUpdated(tx, changed, authorOf(actor));
  return changed;
}

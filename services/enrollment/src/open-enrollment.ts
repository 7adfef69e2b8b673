import type { Actor } from '@hearth/auth';
import { type EventAuthor } from '@hearth/bus';
import type { Queryable } from '@hearth/db';
import { EnrollmentCreated, EnrollmentMemberAdded, EnrollmentStatusChanged } from '@hearth/events';
import { conflict } from '@hearth/http';
import { activeOn } from './domain/enrollment';
import type { RegistrationAnswers } from './domain/registration-answers';
import type { CheckedMember } from './enrolling';
import { announce, snapshotOf } from './events/enrollments';
import { insertEnrollment, type EnrollmentRecord } from './store/enrollments';
import { addMember } from './store/members';
import { findProgram, type Program } from './store/programs';
import { appendStatus } from './store/statuses';

/** Write a new enrollment with its head, members and Application status, and announce it. */
export async function openEnrollment(
  tx: Queryable,
  input: {
    id: string;
    program: Program;
    headParticipantId: string;
    applicationDate: string;
    registration: RegistrationAnswers;
    members: CheckedMember[];
  },
  actor: Actor,
  author: EventAuthor,
): Promise<EnrollmentRecord> {
  // checked before the transaction; a program change committed since then must not strand it
  const program = (await findProgram(tx, input.program.id, { lock: 'share' }))!;
  if (!activeOn(program, input.applicationDate))
    throw conflict('The program’s active dates changed meanwhile; check them and try again.', [
      { field: 'applicationDate', message: `The program is no longer active on this date` },
    ]);
  const enrollment = await insertEnrollment(tx, {
    ...input,
    programId: input.program.id,
    orgId: actor.orgId,
    createdBy: actor.userId,
  });
  const head = { participantId: input.headParticipantId, relationship: 'head_of_household' };
  for (const m of [{ ...head, overrideReason: null, isHead: true }, ...input.members]) {
    await addMember(tx, {
      enrollmentId: enrollment.id,
      isHead: false,
      ...m,
      addedByUserId: actor.userId,
    });
  }
  await appendStatus(tx, enrollment.id, {
    status: 'application',
    statusDate: input.applicationDate,
    reason: null,
    housingStatusAtExit: null,
    removedFromPerformance: false,
    recordedBy: author.actor,
  });
  await announce(tx, EnrollmentCreated, enrollment, author, await snapshotOf(tx, enrollment));
  await announce(tx, EnrollmentStatusChanged, enrollment, author, {
    enrollmentId: enrollment.id,
    headParticipantId: enrollment.headParticipantId,
    status: 'application',
    statusDate: input.applicationDate,
    previousStatus: null,
    reason: null,
    removedFromPerformance: false,
  });
  for (const m of input.members) {
    await announce(tx, EnrollmentMemberAdded, enrollment, author, {
      enrollmentId: enrollment.id,
      headParticipantId: enrollment.headParticipantId,
      participantId: m.participantId,
      overrideReason: m.overrideReason,
    });
  }
  return enrollment;
}

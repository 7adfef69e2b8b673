import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { authorOf, type EventAuthor } from '@hearth/bus';
import { withTransaction, type Queryable } from '@hearth/db';
import { EnrollmentCreated, EnrollmentMemberAdded, EnrollmentStatusChanged } from '@hearth/events';
import { badRequest, conflict, onUniqueViolation, unprocessable } from '@hearth/http';
import { dateOf } from '@hearth/time';
import { participantFor } from '../access';
import type { EnrollmentDeps } from '../deps';
import { activeOn, applicationDateProblems } from '../domain/enrollment';
import type { RegistrationAnswers } from '../domain/registration-answers';
import {
  housingNeedProblem,
  isRentAssistance,
  returnWithinWindowProblem,
} from '../domain/rent-assistance';
import { announce, snapshotOf } from '../events/enrollments';
import { insertEnrollment, type EnrollmentRecord } from '../store/enrollments';
import { addMember } from '../store/members';
import { lastExitedRecordOf } from '../store/rent-assistance';
import { findProgram, type Program } from '../store/programs';
import { appendStatus } from '../store/statuses';
import { checkMember, type CheckedMember, type MemberRequest } from './check-member';
import { openEnrollmentOfPerson } from './open-enrollment-of-person';

export interface NewEnrollment {
  programId: string;
  headParticipantId: string;
  applicationDate: string;
  registration: RegistrationAnswers;
  members: MemberRequest[];
}

/**
 * Enroll a head of enrollment and members of their family: every check first, then the
 * enrollment, its members, its Application status and their events in one transaction.
 */
export async function enrollHousehold(
  deps: Pick<EnrollmentDeps, 'pool' | 'clock'>,
  actor: Actor,
  request: NewEnrollment,
): Promise<EnrollmentRecord> {
  const { program, members } = await checkNewEnrollment(deps.pool, actor, request, deps.clock());
  // Two requests that both passed the check race to the unique index; the loser gets the same 409.
  // Through two linked records, the person's lock makes the second wait and see the first.
  return withTransaction(deps.pool, async (tx) => {
    const open = await openEnrollmentOfPerson(tx, actor, request, deps.clock(), { lock: true });
    if (open) throw open;
    return openEnrollment(
      tx,
      { ...request, id: randomUUID(), program, members },
      actor,
      authorOf(actor),
    );
  }).catch(onUniqueViolation(alreadyOpen()));
}

/**
 * A program of the actor's organization, or a hub's Rent Assistance program (a career coach of any
 * organization refers to it); another's (or none) is the same clear 422.
 */
async function offeredProgram(db: Queryable, actor: Actor, programId: string): Promise<Program> {
  const program = await findProgram(db, programId);
  if (!program || (program.orgId !== actor.orgId && !isRentAssistance(program)))
    throw unprocessable('Enroll participants only into programs your organization offers.', [
      { field: 'programId', message: 'Not a program of your organization' },
    ]);
  return program;
}

const alreadyOpen = () =>
  conflict('The head already has an open enrollment in this program; continue that one.', [
    { field: 'headParticipantId', message: 'Already enrolled in this program' },
  ]);

/**
 * Everything a new enrollment must pass before anything is written: a program of the actor's
 * organization, a head the actor may change, a possible application date, members of the head's
 * family (overrides for the ineligible), and no open record of the head's person in the program.
 */
export async function checkNewEnrollment(
  db: Queryable,
  actor: Actor,
  request: NewEnrollment,
  now: Date,
): Promise<{ program: Program; members: CheckedMember[] }> {
  const program = await offeredProgram(db, actor, request.programId);
  const head = await participantFor(db, actor, request.headParticipantId, 'write', now);
  const dateErrors = applicationDateProblems({
    applicationDate: request.applicationDate,
    birthDate: head.birthDate,
    program,
    later: {},
    today: dateOf(now),
  });
  if (dateErrors.length) throw unprocessable('The application date is not possible.', dateErrors);
  const housing = housingNeedProblem(program, request.registration);
  if (housing)
    throw unprocessable('The participant is not eligible for Rent Assistance.', [housing]);
  const ids = request.members.map((m) => m.participantId);
  if (new Set(ids).size !== ids.length)
    throw badRequest('A member is listed twice.', [
      { field: 'members', message: 'Duplicate participantId' },
    ]);
  const members: CheckedMember[] = [];
  for (const [i, m] of request.members.entries())
    members.push(await checkMember(db, actor, { ...request, program }, m, `members.${i}`, now));
  const open = await openEnrollmentOfPerson(db, actor, request, now);
  if (open) throw open;
  if (isRentAssistance(program)) {
    const last = await lastExitedRecordOf(db, head.participantId, program.id);
    const returning = returnWithinWindowProblem(last, dateOf(now));
    if (returning)
      throw conflict('Continue the Rent Assistance record exited within 90 days.', [returning]);
  }
  return { program, members };
}

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
    // the hub provides a Rent Assistance record; the coach who made it is its "customer of"
    ...(isRentAssistance(program)
      ? { serviceProviderOrgId: program.orgId, customerOfUserId: actor.userId }
      : { serviceProviderOrgId: null, customerOfUserId: null }),
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

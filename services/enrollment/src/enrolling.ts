import type { Actor } from '@hearth/auth';
import type { Queryable } from '@hearth/db';
import { badRequest, conflict, unprocessable, type FieldError } from '@hearth/http';
import { participantFor } from './access';
import { evaluateEligibility } from './domain/eligibility';
import { eligibilityFacts } from './domain/facts';
import type { RegistrationAnswers } from './domain/registration-answers';
import { dateOf } from '@hearth/time';
import { applicationDateProblems } from './domain/enrollment';
import { openEnrollmentOf } from './store/enrollment-lists';
import { currentFamilyOf } from './store/families';
import { findProgram, type Program } from './store/programs';

/** A program of the actor's organization; another's (or none) is the same clear 422. */
export async function offeredProgram(
  db: Queryable,
  actor: Actor,
  programId: string,
): Promise<Program> {
  const program = await findProgram(db, programId);
  if (!program || program.orgId !== actor.orgId)
    throw unprocessable('Enroll participants only into programs your organization offers.', [
      { field: 'programId', message: 'Not a program of your organization' },
    ]);
  return program;
}

export interface MemberRequest {
  participantId: string;
  overrideReason?: string;
}
export interface CheckedMember {
  participantId: string;
  relationship: string;
  overrideReason: string | null;
}

/**
 * May this person join the head's enrollment? They must be in the head's current family and
 * visible to the actor, and if the program's criteria find them ineligible the worker must say why
 * they are included anyway. `field` prefixes the error fields (e.g. `members.1`).
 */
export async function checkMember(
  db: Queryable,
  actor: Actor,
  enrollment: {
    program: Program;
    headParticipantId: string;
    applicationDate: string;
    registration: RegistrationAnswers;
  },
  member: MemberRequest,
  field: string,
  now: Date,
): Promise<CheckedMember> {
  const at = (name: string) => (field ? `${field}.${name}` : name);
  const fail = (detail: string, error: FieldError) => unprocessable(detail, [error]);
  if (member.participantId === enrollment.headParticipantId)
    throw fail('The head of enrollment is already a member.', {
      field: at('participantId'),
      message: 'Is the head of enrollment',
    });
  const relative = (await currentFamilyOf(db, enrollment.headParticipantId)).find(
    (r) => r.participantId === member.participantId,
  );
  if (!relative)
    throw fail("Members must belong to the head's current family (see intake's families).", {
      field: at('participantId'),
      message: "Not in the head of enrollment's family",
    });
  const person = await participantFor(db, actor, member.participantId, 'write', now);
  const eligibility = evaluateEligibility(
    enrollment.program.eligibilityCriteria,
    eligibilityFacts(person, enrollment.registration, enrollment.applicationDate),
  );
  if (eligibility.status !== 'ineligible')
    return {
      participantId: member.participantId,
      relationship: relative.relationship,
      overrideReason: null,
    };
  if (!member.overrideReason)
    throw fail(
      `This member is ineligible (${eligibility.reasons.map((r) => r.message).join('; ')}); include them only with an override reason.`,
      { field: at('overrideReason'), message: 'Required for an ineligible member' },
    );
  return {
    participantId: member.participantId,
    relationship: relative.relationship,
    overrideReason: member.overrideReason,
  };
}

export const alreadyOpen = () =>
  conflict('The head already has an open enrollment in this program; continue that one.', [
    { field: 'headParticipantId', message: 'Already enrolled in this program' },
  ]);

/**
 * Everything a new enrollment must pass before anything is written: a program of the actor's
 * organization, a head the actor may change, a possible application date, members of the head's
 * family (overrides for the ineligible), and no open record of the head in the program.
 */
export async function checkNewEnrollment(
  db: Queryable,
  actor: Actor,
  request: {
    programId: string;
    headParticipantId: string;
    applicationDate: string;
    registration: RegistrationAnswers;
    members: MemberRequest[];
  },
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
  const ids = request.members.map((m) => m.participantId);
  if (new Set(ids).size !== ids.length)
    throw badRequest('A member is listed twice.', [
      { field: 'members', message: 'Duplicate participantId' },
    ]);
  const members: CheckedMember[] = [];
  for (const [i, m] of request.members.entries())
    members.push(await checkMember(db, actor, { ...request, program }, m, `members.${i}`, now));
  if (await openEnrollmentOf(db, head.participantId, program.id)) throw alreadyOpen();
  return { program, members };
}

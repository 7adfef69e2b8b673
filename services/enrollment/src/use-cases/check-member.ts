import type { Actor } from '@hearth/auth';
import type { Queryable } from '@hearth/db';
import { unprocessable, type FieldError } from '@hearth/http';
import { participantFor } from '../access';
import { evaluateEligibility } from '../domain/eligibility';
import { eligibilityFacts } from '../domain/facts';
import type { RegistrationAnswers } from '../domain/registration-answers';
import { currentFamilyOf } from '@hearth/families';
import type { Program } from '../store/programs';

export interface MemberRequest {
  participantId: string;
  overrideReason?: string;
}
export interface CheckedMember {
  participantId: string;
  relationship: string;
  overrideReason: string | null;
}

type JoiningEnrollment = {
  program: Program;
  headParticipantId: string;
  applicationDate: string;
  registration: RegistrationAnswers;
};

/**
 * May this person join the head's enrollment? They must be in the head's current family and
 * visible to the actor, and if the program's criteria find them ineligible the worker must say why
 * they are included anyway. `field` prefixes the error fields (e.g. `members.1`).
 */
export async function checkMember(
  db: Queryable,
  actor: Actor,
  enrollment: JoiningEnrollment,
  member: MemberRequest,
  field: string,
  now: Date,
): Promise<CheckedMember> {
  const at = (name: string) => (field ? `${field}.${name}` : name);
  mustNotBeHead(enrollment, member, at);
  const relative = (await currentFamilyOf(db, enrollment.headParticipantId)).find(
    (r) => r.participantId === member.participantId,
  );
  if (!relative)
    throw fail("Members must belong to the head's current family (see intake's families).", {
      field: at('participantId'),
      message: "Not in the head of enrollment's family",
    });
  return checkRelatedMember(db, actor, enrollment, member, relative.relationship, field, now);
}

/**
 * The rules after the family's: whose relation to the head is known otherwise (an HMIS import's
 * RelationshipToHoH) joins by these alone. Visible to the actor, and eligible or included with
 * an override reason.
 */
export async function checkRelatedMember(
  db: Queryable,
  actor: Actor,
  enrollment: JoiningEnrollment,
  member: MemberRequest,
  relationship: string,
  field: string,
  now: Date,
): Promise<CheckedMember> {
  const at = (name: string) => (field ? `${field}.${name}` : name);
  mustNotBeHead(enrollment, member, at);
  const person = await participantFor(db, actor, member.participantId, 'write', now);
  const eligibility = evaluateEligibility(
    enrollment.program.eligibilityCriteria,
    eligibilityFacts(person, enrollment.registration, enrollment.applicationDate),
  );
  if (eligibility.status !== 'ineligible')
    return { participantId: member.participantId, relationship, overrideReason: null };
  if (!member.overrideReason)
    throw fail(
      `This member is ineligible (${eligibility.reasons.map((r) => r.message).join('; ')}); include them only with an override reason.`,
      { field: at('overrideReason'), message: 'Required for an ineligible member' },
    );
  return {
    participantId: member.participantId,
    relationship,
    overrideReason: member.overrideReason,
  };
}

const fail = (detail: string, error: FieldError) => unprocessable(detail, [error]);

function mustNotBeHead(
  enrollment: JoiningEnrollment,
  member: MemberRequest,
  at: (name: string) => string,
) {
  if (member.participantId === enrollment.headParticipantId)
    throw fail('The head of enrollment is already a member.', {
      field: at('participantId'),
      message: 'Is the head of enrollment',
    });
}

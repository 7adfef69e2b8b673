import { fsspExclusionReasons } from '@hearth/events';
import { isoDate, uuid, type FieldError } from '@hearth/http';
import { addMonths } from '@hearth/time';
import { z } from 'zod';

/** Excluding a family member from the plan: why, and the case note two of the reasons require. */
export const exclusion = z.strictObject({
  participantId: uuid(),
  reason: z.enum(fsspExclusionReasons),
  caseNoteId: uuid().optional(),
});
export type Exclusion = z.infer<typeof exclusion>;

export const createPlanBody = z.strictObject({
  headParticipantId: uuid(),
  assessmentDate: isoDate(),
  enrollmentId: uuid(),
  exclusions: z.array(exclusion).max(50).default([]),
});
export type CreatePlanBody = z.infer<typeof createPlanBody>;

export const needsCaseNote = (reason: Exclusion['reason']) =>
  reason === 'declines_all_services' || reason === 'not_able_to_be_contacted';

/** The follow-ups a plan is due: 6 and 12 calendar months after its assessment (WRPD manual). */
export const followUpDates = (assessmentDate: string) => ({
  sixMonthFollowUpDate: addMonths(assessmentDate, 6),
  twelveMonthFollowUpDate: addMonths(assessmentDate, 12),
});

export interface PlanMember {
  participantId: string;
  isHead: boolean;
  included: boolean;
  exclusionReason: Exclusion['reason'] | null;
  caseNoteId: string | null;
  enrollmentId: string | null;
}

/** What the rules need to know about the head's household, read in the creating transaction. */
export interface Household {
  today: string;
  /** The head's other current family members. */
  relatives: readonly string[];
  /** Each relative's own active enrollment at the organization, when they have one. */
  ownEnrollments: ReadonlyMap<string, string>;
  /** "participant:note" for each live case note of the organization an exclusion may name. */
  liveNotes: ReadonlySet<string>;
}

/**
 * The plan's members by the rules (DOMAIN.md, "Family Self-Sufficiency Plan"): every current
 * family member is included unless excluded with a reason; "declines all services" and "not able
 * to be contacted" each need a live case note of that member; each included member is associated
 * with their own active enrollment, else the head's.
 */
export function planMembers(
  body: CreatePlanBody,
  household: Household,
): { members: PlanMember[] } | { problems: FieldError[] } {
  const problems: FieldError[] = [];
  if (body.assessmentDate > household.today)
    problems.push({ field: 'assessmentDate', message: `Not after today (${household.today})` });
  const excluded = new Map<string, Exclusion>();
  body.exclusions.forEach((x, i) => {
    const at = `exclusions.${i}`;
    if (!household.relatives.includes(x.participantId))
      problems.push({
        field: `${at}.participantId`,
        message:
          x.participantId === body.headParticipantId
            ? 'The head of household cannot be excluded from their own plan'
            : "Not a current member of the head's family",
      });
    else if (excluded.has(x.participantId))
      problems.push({ field: `${at}.participantId`, message: 'Excluded twice' });
    excluded.set(x.participantId, x);
    if (needsCaseNote(x.reason) && !x.caseNoteId)
      problems.push({ field: `${at}.caseNoteId`, message: 'This reason requires a case note' });
    else if (!needsCaseNote(x.reason) && x.caseNoteId)
      problems.push({ field: `${at}.caseNoteId`, message: 'This reason takes no case note' });
    else if (x.caseNoteId && !household.liveNotes.has(`${x.participantId}:${x.caseNoteId}`))
      problems.push({
        field: `${at}.caseNoteId`,
        message: 'Not a case note of this member at your organization (or it was deleted)',
      });
  });
  if (problems.length) return { problems };
  const head: PlanMember = {
    participantId: body.headParticipantId,
    isHead: true,
    included: true,
    exclusionReason: null,
    caseNoteId: null,
    enrollmentId: body.enrollmentId,
  };
  const others = household.relatives.map((participantId): PlanMember => {
    const x = excluded.get(participantId);
    return {
      participantId,
      isHead: false,
      included: !x,
      exclusionReason: x?.reason ?? null,
      caseNoteId: x?.caseNoteId ?? null,
      enrollmentId: x ? null : (household.ownEnrollments.get(participantId) ?? body.enrollmentId),
    };
  });
  return { members: [head, ...others] };
}

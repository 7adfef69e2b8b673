import { z } from 'zod';
import { defineEvent } from './envelope';

/**
 * Rent assistance (rent-assistance service): the hub's decisions on a rent-assistance record (an
 * enrollment of the enrollment service in a hub's Rent Assistance program), ids and dates only.
 */
const id = z.string().uuid();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const recordFacts = z.strictObject({
  enrollmentId: id,
  participantId: id,
  hubOrgId: id,
});

/** The hub accepted the referral: review date and reviewer on the record. */
export const RentAssistanceReviewed = defineEvent(
  'rent-assistance.record.reviewed',
  1,
  recordFacts.extend({ reviewedOn: date, reviewedBy: id }),
);

export const preProgramExitReasons = ['referral_rejected', 'not_reviewed_in_45_days'] as const;
/**
 * The record ends before the program: rejected by the hub (with the case note saying why) or left
 * unreviewed 45 days past its application date. Enrollment sets the status from it (it carries
 * what `enrollment.enrollment.exited` needs: kind pre_program_exit, reason referral_rejected or
 * no_qualifying_service).
 */
export const RentAssistancePreProgramExited = defineEvent(
  'rent-assistance.record.pre-program-exited',
  1,
  recordFacts.extend({
    exitDate: date,
    reason: z.enum(preProgramExitReasons),
    caseNoteId: id.nullable(),
  }),
);

export const rentAssistanceEvents = [
  RentAssistanceReviewed,
  RentAssistancePreProgramExited,
] as const;

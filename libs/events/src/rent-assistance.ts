import { z } from 'zod';
import { defineEvent, eventDate } from './envelope';

/**
 * Rent assistance (rent-assistance service): the hub's decisions on a rent-assistance record (an
 * enrollment of the enrollment service in a hub's Rent Assistance program), ids and dates only.
 */
const id = z.string().uuid();
const date = eventDate;

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

export const engagementActivities = [
  'attending_appointments',
  'weekly_contact',
  'plan_progress',
  'employed',
  'job_searching',
  'training',
  'not_engaged',
  'gap_in_service',
] as const;
/** The coach's monthly engagement check of a record (due by the 10th of the next month). */
export const RentAssistanceEngagementVerified = defineEvent(
  'rent-assistance.engagement.verified',
  1,
  recordFacts.extend({
    year: z.number().int(),
    month: z.number().int().min(1).max(12),
    activities: z.array(z.enum(engagementActivities)),
    engaged: z.boolean(),
    verifiedOn: date,
    late: z.boolean(),
  }),
);

export const raPaymentTypes = [
  'rent',
  'move_in_fee',
  'deposit',
  'utilities',
  'arrears',
  'other',
] as const;
export const raPaidTo = ['landlord', 'utility', 'participant', 'other'] as const;
export const raHousingTypes = ['rapid_rehousing', 'homeless_prevention'] as const;

/** A payment and services plan of one funding source as it now stands (amounts in cents). */
export const RentAssistancePlanChanged = defineEvent(
  'rent-assistance.plan.changed',
  1,
  recordFacts.extend({
    planId: id,
    fundingSource: z.string().min(1).max(60),
    approvedPaymentTypes: z.array(z.enum(raPaymentTypes)),
    capCents: z.number().int().nonnegative(),
    targetEndDate: date,
    endDate: date.nullable(),
    housingStatusAtFundingEnd: z.string().nullable(),
    version: z.number().int().positive(),
  }),
);

export const raPaymentStatuses = ['pending', 'approved', 'paid', 'voided'] as const;
/** A payment as it now stands: what accounting and reporting need, never the payee's name. */
const paymentFacts = recordFacts.extend({
  paymentId: id,
  planId: id,
  fundingSource: z.string().min(1).max(60),
  paymentType: z.enum(raPaymentTypes),
  paymentDate: date,
  year: z.number().int(),
  month: z.number().int().min(1).max(12),
  amountCents: z.number().int().positive(),
  status: z.enum(raPaymentStatuses),
  adjustment: z.boolean(),
  version: z.number().int().positive(),
});
export const RentAssistancePaymentRecorded = defineEvent(
  'rent-assistance.payment.recorded',
  1,
  paymentFacts,
);
export const RentAssistancePaymentApproved = defineEvent(
  'rent-assistance.payment.approved',
  1,
  paymentFacts,
);
export const RentAssistancePaymentPaid = defineEvent(
  'rent-assistance.payment.paid',
  1,
  paymentFacts,
);
export const RentAssistancePaymentVoided = defineEvent(
  'rent-assistance.payment.voided',
  1,
  paymentFacts,
);

export const raOutcomeTypes = ['at_exit', 'six_month_retention', 'twelve_month_retention'] as const;
export const raHousingOutcomes = ['housed', 'not_housed', 'unknown', 'received_ra_again'] as const;
/**
 * The hub's housing outcome of an exited record at exit, or 6 or 12 months after assistance ended;
 * `received_ra_again` takes the episode out of the measures.
 */
export const RentAssistanceOutcomeRecorded = defineEvent(
  'rent-assistance.outcome.recorded',
  1,
  recordFacts.extend({
    type: z.enum(raOutcomeTypes),
    housingStatus: z.enum(raHousingOutcomes),
    recordedOn: date,
  }),
);

/**
 * A retention follow-up is due: an exited record housed at exit reached 6 or 12 months after
 * assistance ended and its outcome is not recorded yet (the daily job announces each once).
 */
export const RentAssistanceRetentionDue = defineEvent(
  'rent-assistance.retention.due',
  1,
  recordFacts.extend({
    type: z.enum(['six_month_retention', 'twelve_month_retention']),
    dueDate: date,
  }),
);

export const rentAssistanceEvents = [
  RentAssistanceReviewed,
  RentAssistancePreProgramExited,
  RentAssistanceEngagementVerified,
  RentAssistancePlanChanged,
  RentAssistancePaymentRecorded,
  RentAssistancePaymentApproved,
  RentAssistancePaymentPaid,
  RentAssistancePaymentVoided,
  RentAssistanceOutcomeRecorded,
  RentAssistanceRetentionDue,
] as const;

import { z } from 'zod';
import { defineEvent, eventDate } from './envelope';

/**
 * Workforce outcomes of an enrollment (I-Trac Keys to Progress): jobs, their confirmations and
 * credentials, as ids, dates, codes and figures, never the employer's or the credential's name, so
 * reporting can count outcomes without holding free text about a person.
 */
const id = z.string().uuid();
const date = eventDate;

export const employmentTypes = [
  'unsubsidized',
  'career_track',
  'subsidized',
  'self_employment',
  'work_experience',
] as const;
export const employmentBenefits = [
  'health_insurance',
  'dental',
  'vision',
  'paid_time_off',
  'retirement',
  'other',
] as const;
/** Employment, or employment on the participant's career plan. */
export const confirmationKinds = ['employment', 'career_plan_employment'] as const;
/** When the job was confirmed: before exit, at exit, or in quarter 1..4 after the exit quarter. */
export const confirmationPeriods = ['before_exit', 'at_exit', 'q1', 'q2', 'q3', 'q4'] as const;
export const confirmationStatuses = ['working', 'not_working', 'unknown'] as const;
/** The DOL's credential categories (TEGL 10-16). */
export const credentialTypes = [
  'occupational_licensure',
  'industry_certification',
  'occupational_certificate',
  'apprenticeship_certificate',
  'secondary_school_diploma',
  'associate_degree',
  'bachelor_degree',
  'graduate_degree',
  'other_recognized',
] as const;
export const credentialStatuses = ['in_progress', 'attained', 'not_attained'] as const;

const employmentFacts = z.strictObject({
  employmentId: id,
  enrollmentId: id,
  participantId: id,
  orgId: id,
  startDate: date,
  endDate: date.nullable(),
  employmentType: z.enum(employmentTypes),
  naicsCode: z.string(),
  /** The pay entry in effect from the latest effective date; null before the first one. */
  currentPay: z
    .strictObject({
      effectiveDate: date,
      onetCode: z.string(),
      hourlyPayCents: z.number().int().nonnegative(),
      hoursPerWeek: z.number().positive(),
    })
    .nullable(),
  version: z.number().int().positive(),
});

export const EmploymentRecorded = defineEvent('enrollment.employment.recorded', 1, employmentFacts);
/** The job's dates or details changed, or a pay entry was added (a raise). */
export const EmploymentChanged = defineEvent('enrollment.employment.changed', 1, employmentFacts);

export const EmploymentConfirmationRecorded = defineEvent(
  'enrollment.employment-confirmation.recorded',
  1,
  z.strictObject({
    confirmationId: id,
    employmentId: id,
    enrollmentId: id,
    participantId: id,
    confirmationDate: date,
    kind: z.enum(confirmationKinds),
    period: z.enum(confirmationPeriods),
    status: z.enum(confirmationStatuses),
    relatedServiceId: id.nullable(),
  }),
);

export const CredentialRecorded = defineEvent(
  'enrollment.credential.recorded',
  1,
  z.strictObject({
    credentialId: id,
    enrollmentId: id,
    participantId: id,
    credentialDate: date,
    credentialType: z.enum(credentialTypes),
    status: z.enum(credentialStatuses),
    relatedServiceId: id.nullable(),
  }),
);

export const workforceEvents = [
  EmploymentRecorded,
  EmploymentChanged,
  EmploymentConfirmationRecorded,
  CredentialRecorded,
] as const;

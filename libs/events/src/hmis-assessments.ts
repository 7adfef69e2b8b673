import { z } from 'zod';
import { defineEvent, eventDate } from './envelope';

/**
 * HUD assessments of an enrollment member (enrollment service): the coded answers the reporting
 * service exports, by element set (incomeBenefits, disabilities, …) and HUD's codes; amounts in
 * cents and dates, never free text about health or violence (location details stay behind).
 * `restriction` travels so a consumer applies the same reading rule.
 */
const id = z.string().uuid();
const date = eventDate;

export const hmisStages = ['project_start', 'update', 'annual', 'exit', 'post_exit'] as const;

const assessmentFacts = z.strictObject({
  assessmentId: id,
  enrollmentId: id,
  participantId: id,
  orgId: id,
  stage: z.enum(hmisStages),
  informationDate: date,
  restriction: z.enum(['org', 'mou']),
  elements: z.record(
    z.string().max(50),
    z.record(z.string().max(50), z.union([z.number().int(), date, z.null()])),
  ),
  totalMonthlyIncomeCents: z.number().int().nonnegative().nullable(),
  version: z.number().int().positive(),
});

export const HmisAssessmentRecorded = defineEvent(
  'enrollment.assessment.recorded',
  1,
  assessmentFacts,
);
export const HmisAssessmentUpdated = defineEvent(
  'enrollment.assessment.updated',
  1,
  assessmentFacts,
);

/**
 * An enrollment's annual assessment window has opened (30 days before the anniversary of the
 * head's entry) and these members have none in it yet: announced once per anniversary, by a job,
 * for notifications.
 */
export const HmisAnnualAssessmentDue = defineEvent(
  'enrollment.assessment.annual-due',
  1,
  z.strictObject({
    enrollmentId: id,
    orgId: id,
    headParticipantId: id,
    participantIds: z.array(id),
    anniversaryDate: date,
    dueFrom: date,
    dueBy: date,
  }),
);

export const hmisAssessmentEvents = [
  HmisAssessmentRecorded,
  HmisAssessmentUpdated,
  HmisAnnualAssessmentDue,
] as const;

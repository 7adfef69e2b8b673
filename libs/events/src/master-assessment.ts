import { z } from 'zod';
import { defineEvent, eventDate } from './envelope';

const id = z.string().uuid();
const date = eventDate;

/**
 * Intake's master assessment (the intake workflow's assessment step) was finished: the
 * project-start answers of each member of an enrollment, in HUD's codes by element set (amounts
 * in cents, dates; never free text), for enrollment to record as their project-start
 * assessments, dated the enrollment's entry (HUD). `workflowId` is the finished draft.
 */
export const MasterAssessmentCompleted = defineEvent(
  'intake.master-assessment.completed',
  1,
  z.strictObject({
    workflowId: id,
    enrollmentId: id,
    restriction: z.enum(['org', 'mou']),
    members: z
      .array(
        z.strictObject({
          participantId: id,
          elements: z.record(
            z.string().max(50),
            z.record(z.string().max(50), z.union([z.number().int(), date, z.null()])),
          ),
        }),
      )
      .min(1)
      .max(20),
  }),
);

import { isoDate, uuid } from '@hearth/http';
import { z } from 'zod';

/** Besides the 6- and 12-month follow-ups, at most 10 other revisions (WRPD manual). */
export const MAX_REVISIONS = 10;
/** "Follow-ups due in the next 14 days" (issue 12). */
export const DUE_WITHIN_DAYS = 14;

export const recordFollowUpBody = z.strictObject({
  type: z.enum(['six_month', 'twelve_month', 'revision']),
  assessmentDate: isoDate(),
  /** The goals re-scored, each once, dated at the assessment. */
  scores: z
    .array(z.strictObject({ goalId: uuid(), score: z.number().int().min(0).max(3) }))
    .min(1, 'A follow-up re-scores at least one goal')
    .max(100),
});
export type RecordFollowUpBody = z.infer<typeof recordFollowUpBody>;

export const closePlanBody = z.strictObject({
  version: z.number().int().min(1),
  closedOn: isoDate(),
});
export type ClosePlanBody = z.infer<typeof closePlanBody>;

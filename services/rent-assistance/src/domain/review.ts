import { addDays, addMonths } from '@hearth/time';

/** "Hub staff have 45 days to accept the referral" from the application date. */
export const REVIEW_WINDOW_DAYS = 45;

/** The last day the hub may still review; the day after, the job sets pre-program exit. */
export const lastReviewDay = (applicationDate: string) =>
  addDays(applicationDate, REVIEW_WINDOW_DAYS);

export interface ReviewEvidence {
  today: string;
  applicationDate: string;
  /** Latest document date of a live "Individual Plan" career plan. */
  careerPlanDate: string | null;
  /** Latest saved date of the participant's prosperity budget. */
  budgetSavedOn: string | null;
  /** Latest document date of a live signed program application. */
  signedApplicationDate: string | null;
}

export interface UnmetCondition {
  field: 'careerPlan' | 'budget' | 'signedApplication';
  message: string;
}

/**
 * What the hub must confirm before recording a review (I-Trac RA guide): a career plan updated
 * within 3 months, a budget saved within 3 months, and a signed application for this record (dated
 * on or after its application date: an older one belongs to an earlier record). Every unmet
 * condition is listed, not the first one.
 */
export function unmetReviewConditions(e: ReviewEvidence): UnmetCondition[] {
  const since = addMonths(e.today, -3);
  const unmet: UnmetCondition[] = [];
  if (!e.careerPlanDate || e.careerPlanDate < since)
    unmet.push({
      field: 'careerPlan',
      message: `No career plan ("Individual Plan") dated on or after ${since}${
        e.careerPlanDate ? `: the latest is dated ${e.careerPlanDate}` : ''
      }`,
    });
  if (!e.budgetSavedOn || e.budgetSavedOn < since)
    unmet.push({
      field: 'budget',
      message: `No prosperity budget saved on or after ${since}${
        e.budgetSavedOn ? `: the latest was saved ${e.budgetSavedOn}` : ''
      }`,
    });
  if (!e.signedApplicationDate || e.signedApplicationDate < e.applicationDate)
    unmet.push({
      field: 'signedApplication',
      message: `No signed application dated on or after the application date ${e.applicationDate}`,
    });
  return unmet;
}

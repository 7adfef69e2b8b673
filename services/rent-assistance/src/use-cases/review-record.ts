import type { Actor } from '@hearth/auth';
import { authorOf } from '@hearth/bus';
import { withTransaction } from '@hearth/db';
import { unprocessable } from '@hearth/http';
import type { RentAssistanceDeps } from '../deps';
import { lastReviewDay, unmetReviewConditions } from '../domain/review';
import { latestBudgetOf } from '../store/budgets';
import { latestDocumentDate } from '../store/evidence';
import { findRecord, markReviewed, type RaRecord } from '../store/records';
import { hubDecisionDay } from './hub-decision';
import { announceReviewed } from './record-events';

/** The documents codes (documents service's categories) a review asks for. */
export const CAREER_PLAN = { category: 'individual-plan', documentType: 'career-plan' } as const;
export const SIGNED_APPLICATION = {
  category: 'signed-application',
  documentType: 'program-application',
} as const;

/**
 * The hub accepts the referral: Review Date (the hub's today) and Reviewed By, only within 45 days
 * of the application date and only when every condition holds (the 422 lists each unmet one).
 */
export async function reviewRecord(
  deps: Pick<RentAssistanceDeps, 'pool' | 'clock'>,
  actor: Actor,
  enrollmentId: string,
): Promise<RaRecord> {
  return withTransaction(deps.pool, async (tx) => {
    const record = (await findRecord(tx, enrollmentId, true))!; // the gate found it
    const today = await hubDecisionDay(tx, deps.clock, actor, record);
    if (today > lastReviewDay(record.applicationDate))
      throw unprocessable('The 45 days the hub has to review this referral are over.', [
        {
          field: 'enrollmentId',
          message: `The last review day was ${lastReviewDay(record.applicationDate)}`,
        },
      ]);
    const p = record.participantId;
    const unmet = unmetReviewConditions({
      today,
      applicationDate: record.applicationDate,
      careerPlanDate: await latestDocumentDate(
        tx,
        p,
        CAREER_PLAN.category,
        CAREER_PLAN.documentType,
      ),
      budgetSavedOn: (await latestBudgetOf(tx, p))?.savedOn ?? null,
      signedApplicationDate: await latestDocumentDate(
        tx,
        p,
        SIGNED_APPLICATION.category,
        SIGNED_APPLICATION.documentType,
      ),
    });
    if (unmet.length) throw unprocessable('The referral cannot be reviewed yet.', unmet);
    await markReviewed(tx, enrollmentId, today, actor.userId);
    const reviewed = (await findRecord(tx, enrollmentId))!;
    await announceReviewed(tx, authorOf(actor), reviewed);
    return reviewed;
  });
}

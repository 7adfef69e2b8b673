import { systemAuthor } from '@hearth/bus';
import { withTransaction } from '@hearth/db';
import { addDays, earliestToday } from '@hearth/time';
import type { RentAssistanceDeps } from '../deps';
import { REVIEW_WINDOW_DAYS, lastReviewDay } from '../domain/review';
import { awaitingReview, markPreProgramExit } from '../store/records';
import { announcePreProgramExit } from './record-events';

const BATCH = 500;

/**
 * The system's pre-program exit of every referral the hub left unreviewed past its 45 days. "Today"
 * is the earliest on Earth, so no hub loses a day of its window; the exit is dated the day after
 * the last review day whenever the job runs, and a record exited once is never exited again.
 */
export async function exitUnreviewedReferrals(
  deps: Pick<RentAssistanceDeps, 'pool' | 'clock'>,
): Promise<number> {
  const today = earliestToday(deps.clock);
  const appliedBy = addDays(today, -(REVIEW_WINDOW_DAYS + 1));
  let exited = 0;
  for (;;) {
    const done = await withTransaction(deps.pool, async (tx) => {
      const due = await awaitingReview(tx, appliedBy, BATCH);
      for (const record of due) {
        const exit = {
          on: addDays(lastReviewDay(record.applicationDate), 1),
          reason: 'not_reviewed_in_45_days',
          caseNoteId: null,
        };
        // a review committed meanwhile wins: the update finds the row reviewed and does nothing
        if (!(await markPreProgramExit(tx, record.enrollmentId, exit))) continue;
        await announcePreProgramExit(tx, systemAuthor('rent-assistance.unreviewed-referrals'), {
          ...record,
          preProgramExitOn: exit.on,
          preProgramExitReason: exit.reason,
          rejectionCaseNoteId: null,
        });
        exited += 1;
      }
      return due.length < BATCH;
    });
    if (done) return exited;
  }
}

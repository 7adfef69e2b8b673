import type { Queryable } from '@hearth/db';
import { lastReviewDay } from '../domain/review';
import { engagementDatesOf } from '../store/evidence';
import type { RaRecord } from '../store/records';

/** A record as the API shows it: enrollment's facts, the hub's review, what services dated. */
export async function describeRecord(db: Queryable, r: RaRecord) {
  return {
    enrollmentId: r.enrollmentId,
    programId: r.programId,
    participantId: r.participantId,
    coachOrgId: r.coachOrgId,
    hubOrgId: r.hubOrgId,
    status: r.status,
    applicationDate: r.applicationDate,
    participationDate: r.participationDate,
    exitDate: r.exitDate,
    totalAmountRequestedCents: r.totalAmountRequestedCents,
    receivedRaAgainIn: r.receivedRaAgainIn,
    review: {
      lastReviewDay: lastReviewDay(r.applicationDate),
      reviewedOn: r.reviewedOn,
      reviewedBy: r.reviewedBy,
    },
    preProgramExit: r.preProgramExitOn
      ? {
          exitDate: r.preProgramExitOn,
          reason: r.preProgramExitReason as 'referral_rejected' | 'not_reviewed_in_45_days',
          caseNoteId: r.rejectionCaseNoteId,
        }
      : null,
    engagement: await engagementDatesOf(db, r.enrollmentId),
    version: r.version,
  };
}

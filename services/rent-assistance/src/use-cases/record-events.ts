import { recordEvent, type EventAuthor } from '@hearth/bus';
import type { Queryable } from '@hearth/db';
import {
  RentAssistancePreProgramExited,
  RentAssistanceReviewed,
  createEvent,
} from '@hearth/events';
import type { RaRecord } from '../store/records';

const ids = (r: RaRecord) => ({
  enrollmentId: r.enrollmentId,
  participantId: r.participantId,
  hubOrgId: r.hubOrgId,
});

export const announceReviewed = (tx: Queryable, author: EventAuthor, r: RaRecord) =>
  recordEvent(
    tx,
    createEvent(RentAssistanceReviewed, {
      orgId: r.hubOrgId,
      ...author,
      data: { ...ids(r), reviewedOn: r.reviewedOn!, reviewedBy: r.reviewedBy! },
    }),
  );

export const announcePreProgramExit = (tx: Queryable, author: EventAuthor, r: RaRecord) =>
  recordEvent(
    tx,
    createEvent(RentAssistancePreProgramExited, {
      orgId: r.hubOrgId,
      ...author,
      data: {
        ...ids(r),
        exitDate: r.preProgramExitOn!,
        reason: r.preProgramExitReason as 'referral_rejected' | 'not_reviewed_in_45_days',
        caseNoteId: r.rejectionCaseNoteId,
      },
    }),
  );

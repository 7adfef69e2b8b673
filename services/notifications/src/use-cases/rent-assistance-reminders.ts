import { withTransaction, type Queryable } from '@hearth/db';
import {
  EnrollmentCreated,
  EnrollmentExited,
  EnrollmentUpdated,
  RentAssistanceEngagementVerified,
  RentAssistancePreProgramExited,
  RentAssistanceReviewed,
  isEvent,
  type Envelope,
} from '@hearth/events';
import type { NotificationsDeps } from '../deps';
import {
  REVIEW_NEARING_DAY,
  REVIEW_WINDOW_DAYS,
  engagementMissingNotices,
  overdueEngagementMonth,
  reviewNearingNotices,
} from '../domain/rent-assistance';
import { saveNotice } from '../store/notices';
import {
  engagementMissing,
  keepEngagementMonth,
  keepRecordOutcome,
  keepRecordSnapshot,
  reviewsNearing,
} from '../store/ra-records';

export const raRecordEventTypes = [
  EnrollmentCreated.type,
  EnrollmentUpdated.type,
  EnrollmentExited.type,
  RentAssistanceReviewed.type,
  RentAssistancePreProgramExited.type,
  RentAssistanceEngagementVerified.type,
];

/** Enrollment's Rent Assistance snapshots and rent-assistance's outcomes, into the read model. */
export async function keepRaRecord(event: Envelope, tx: Queryable): Promise<void> {
  if (isEvent(event, EnrollmentCreated) || isEvent(event, EnrollmentUpdated)) {
    const s = event.data;
    if (s.programKind !== 'rent_assistance') return; // only Rent Assistance records
    await keepRecordSnapshot(tx, {
      enrollmentId: s.enrollmentId,
      participantId: s.headParticipantId,
      coachOrgId: s.orgId,
      hubOrgId: s.serviceProviderOrgId ?? s.orgId,
      applicationDate: s.applicationDate,
      endedOn: s.exitDate,
    });
  } else if (isEvent(event, EnrollmentExited)) {
    // any program's exit: it changes only a record this model already keeps
    await tx.query(
      `UPDATE ra_records_seen SET ended_on = coalesce(ended_on, $2::date) WHERE enrollment_id = $1`,
      [event.data.enrollmentId, event.data.exitDate],
    );
  } else if (isEvent(event, RentAssistanceReviewed)) {
    await keepRecordOutcome(tx, event.data, { reviewedOn: event.data.reviewedOn });
  } else if (isEvent(event, RentAssistancePreProgramExited)) {
    await keepRecordOutcome(tx, event.data, { endedOn: event.data.exitDate });
  } else if (isEvent(event, RentAssistanceEngagementVerified)) {
    await keepEngagementMonth(tx, event.data);
  }
}

/**
 * The daily reminder: each open record still unreviewed from day 38 after its application date
 * through its 45th gets the hub and the coach's organization one notice each (a run missed on day
 * 38 still reminds on a later day of the window; a second run writes nothing). After the 10th,
 * each open record reviewed by the end of last month without last month's engagement check
 * reminds them too, once per month.
 */
export async function remindRentAssistanceReviews(
  deps: Pick<NotificationsDeps, 'pool' | 'clock'>,
): Promise<number> {
  // UTC's calendar: the hubs' own time zones are not kept here (yet)
  const today = deps.clock().toISOString().slice(0, 10);
  const now = deps.clock();
  let written = 0;
  await withTransaction(deps.pool, async (tx) => {
    for (const record of await reviewsNearing(tx, today, REVIEW_NEARING_DAY, REVIEW_WINDOW_DAYS))
      for (const notice of reviewNearingNotices(record))
        if (await saveNotice(tx, notice, now)) written += 1;
    const overdue = overdueEngagementMonth(today);
    if (overdue)
      for (const record of await engagementMissing(tx, overdue))
        for (const notice of engagementMissingNotices(record, overdue))
          if (await saveNotice(tx, notice, now)) written += 1;
  });
  return written;
}

import type { EventAuthor } from '@hearth/bus';
import type { PoolClient } from '@hearth/db';
import type { Envelope, ServiceRecorded, ServiceUpdated } from '@hearth/events';
import type { z } from 'zod';
import type { EnrollmentDeps } from '../deps';
import { findEnrollment, updateEnrollment, type EnrollmentRecord } from '../store/enrollments';
import { keepServiceFact, standingServiceDates } from '../store/service-facts';
import { moveStatusDate } from '../store/statuses';
import { announceUpdated, changeStatus } from './change-status';

type Recorded = z.infer<(typeof ServiceRecorded)['data']>;
type Changed = z.infer<(typeof ServiceUpdated)['data']>;

/**
 * A service recorded for an enrollment: a qualifying one moves the last-qualifying-service date
 * (what auto exit counts from) forward; the first one that starts participation sets
 * Participation, an earlier one moves its date back. Participation is only set or moved on an open
 * enrollment: an exited record is reopened by a contract manager, not by a late service.
 */
export async function recordParticipation(
  deps: Pick<EnrollmentDeps, 'logger'>,
  tx: PoolClient,
  event: Envelope<Recorded>,
): Promise<void> {
  const service = event.data;
  const enrollment = await enrollmentOf(deps, tx, event);
  if (!enrollment) return;
  // kept for a later edit or delete to re-derive from; when that edit or delete arrived first,
  // it has derived the dates already
  if (!(await keepServiceFact(tx, { ...service, version: 1 }, false))) return;
  const last = enrollment.lastQualifyingServiceDate;
  const started = enrollment.participationDate;
  const startsEarlier =
    service.startsParticipation &&
    enrollment.exitDate === null &&
    (started === null || service.serviceDate < started);
  await settleServiceDates(tx, enrollment, authorOf(event), {
    lastQualifying:
      service.qualifying && (last === null || service.serviceDate > last)
        ? service.serviceDate
        : last,
    firstStart: startsEarlier ? service.serviceDate : started,
  });
}

/**
 * A service was edited or deleted: from the services still standing on the enrollment, the last
 * qualifying service date is re-derived (a deleted last service moves it back; none left: null,
 * so auto exit counts from the application again) and so is the participation date (the first
 * service still starting it).
 *
 * Participation itself is not revoked when no service starting it is left: the program status
 * history only moves forward (DOMAIN.md, "Enrollment and eligibility"), and the one undoing it
 * names, Exit Removed, is a contract manager's decision. Their participation date stays as it was.
 * Services recorded before enrollment kept these facts are not known here: a re-derivation counts
 * only the services it knows.
 */
export async function rederiveParticipation(
  deps: Pick<EnrollmentDeps, 'logger'>,
  tx: PoolClient,
  event: Envelope<Changed>,
  deleted: boolean,
): Promise<void> {
  const enrollment = await enrollmentOf(deps, tx, event);
  if (!enrollment) return;
  if (!(await keepServiceFact(tx, event.data, deleted))) return; // a newer word was kept already
  const { lastQualifying, firstStart } = await standingServiceDates(tx, enrollment.id);
  await settleServiceDates(tx, enrollment, authorOf(event), {
    lastQualifying,
    firstStart: firstStart ?? enrollment.participationDate,
  });
}

const authorOf = (event: Envelope<unknown>): EventAuthor => ({
  actor: event.actor,
  requestId: event.requestId,
});

async function enrollmentOf(
  deps: Pick<EnrollmentDeps, 'logger'>,
  tx: PoolClient,
  event: Envelope<Recorded | Changed>,
): Promise<EnrollmentRecord | undefined> {
  const found = await findEnrollment(tx, event.data.enrollmentId, { lock: true });
  if (!found)
    deps.logger.warn(
      { eventId: event.id, enrollmentId: event.data.enrollmentId },
      'service event for an unknown enrollment ignored',
    );
  return found;
}

/**
 * The enrollment takes the dates its services give it: the last qualifying service date, and
 * Participation (set with its status on an open enrollment that had none, or its date moved);
 * one announcement of the new snapshot when anything changed.
 */
async function settleServiceDates(
  tx: PoolClient,
  enrollment: EnrollmentRecord,
  author: EventAuthor,
  dates: { lastQualifying: string | null; firstStart: string | null },
): Promise<void> {
  let changed = false;
  if (enrollment.lastQualifyingServiceDate !== dates.lastQualifying) {
    enrollment = await updateEnrollment(tx, enrollment.id, {
      lastQualifyingServiceDate: dates.lastQualifying,
    });
    changed = true;
  }
  const firstStart = dates.firstStart;
  if (firstStart !== null && enrollment.participationDate === null) {
    if (enrollment.exitDate === null) {
      const status = { status: 'participation' as const, statusDate: firstStart };
      await changeStatus(tx, enrollment, status, { participationDate: firstStart }, author);
      return; // changeStatus announced the new snapshot
    }
  } else if (firstStart !== null && firstStart !== enrollment.participationDate) {
    await moveStatusDate(tx, enrollment.id, 'participation', firstStart);
    enrollment = await updateEnrollment(tx, enrollment.id, { participationDate: firstStart });
    changed = true;
  }
  if (changed) await announceUpdated(tx, enrollment, author);
}

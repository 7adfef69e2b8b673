import type { PoolClient } from '@hearth/db';
import type { Envelope, ServiceUpdated } from '@hearth/events';
import type { z } from 'zod';
import type { EnrollmentDeps } from '../deps';
import { findEnrollment, updateEnrollment } from '../store/enrollments';
import { keepServiceFact, standingServiceDates } from '../store/service-facts';
import { moveStatusDate } from '../store/statuses';
import { announceUpdated, changeStatus } from './change-status';

type ServiceFacts = z.infer<(typeof ServiceUpdated)['data']>;

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
  event: Envelope<ServiceFacts>,
  deleted: boolean,
): Promise<void> {
  const service = event.data;
  let enrollment = await findEnrollment(tx, service.enrollmentId, { lock: true });
  if (!enrollment) {
    deps.logger.warn(
      { eventId: event.id, enrollmentId: service.enrollmentId },
      'service change for an unknown enrollment ignored',
    );
    return;
  }
  if (!(await keepServiceFact(tx, service, deleted))) return; // a newer word was kept already
  const author = { actor: event.actor, requestId: event.requestId };
  const { lastQualifying, firstStart } = await standingServiceDates(tx, enrollment.id);
  let changed = false;
  if (enrollment.lastQualifyingServiceDate !== lastQualifying) {
    enrollment = await updateEnrollment(tx, enrollment.id, {
      lastQualifyingServiceDate: lastQualifying,
    });
    changed = true;
  }
  if (firstStart !== null && enrollment.participationDate === null) {
    // an edit turned a service into one that starts participation
    if (enrollment.exitDate === null) {
      await changeStatus(
        tx,
        enrollment,
        { status: 'participation', statusDate: firstStart },
        { participationDate: firstStart },
        author,
      );
      return; // changeStatus announced the new snapshot
    }
  } else if (firstStart !== null && firstStart !== enrollment.participationDate) {
    await moveStatusDate(tx, enrollment.id, 'participation', firstStart);
    enrollment = await updateEnrollment(tx, enrollment.id, { participationDate: firstStart });
    changed = true;
  }
  if (changed) await announceUpdated(tx, enrollment, author);
}

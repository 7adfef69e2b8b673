import type { PoolClient } from '@hearth/db';
import type { Envelope, ServiceRecorded } from '@hearth/events';
import type { z } from 'zod';
import type { EnrollmentDeps } from '../deps';
import { announceUpdated, changeStatus } from './change-status';
import { findEnrollment, updateEnrollment } from '../store/enrollments';
import { keepServiceFact } from '../store/service-facts';
import { moveStatusDate } from '../store/statuses';

type ServiceFacts = z.infer<(typeof ServiceRecorded)['data']>;

/**
 * A service recorded for an enrollment: a qualifying one moves the last-qualifying-service date
 * (what auto exit counts from); the first one that starts participation sets Participation.
 * Participation is only set on an open enrollment: an exited record is reopened by a contract
 * manager, not by a late service.
 */
export async function recordParticipation(
  deps: Pick<EnrollmentDeps, 'logger'>,
  tx: PoolClient,
  event: Envelope<ServiceFacts>,
): Promise<void> {
  const service = event.data;
  let enrollment = await findEnrollment(tx, service.enrollmentId, { lock: true });
  if (!enrollment) {
    deps.logger.warn(
      { eventId: event.id, enrollmentId: service.enrollmentId },
      'service for an unknown enrollment ignored',
    );
    return;
  }
  // kept for a later edit or delete to re-derive from; when that edit or delete arrived first,
  // it has derived the dates already
  const first = await keepServiceFact(tx, { ...service, version: 1 }, false);
  if (!first) return;
  const author = { actor: event.actor, requestId: event.requestId };
  let changed = false;
  const last = enrollment.lastQualifyingServiceDate;
  if (service.qualifying && (last === null || service.serviceDate > last)) {
    enrollment = await updateEnrollment(tx, enrollment.id, {
      lastQualifyingServiceDate: service.serviceDate,
    });
    changed = true;
  }
  if (service.startsParticipation && enrollment.exitDate === null) {
    const participation = enrollment.participationDate;
    if (participation === null) {
      await changeStatus(
        tx,
        enrollment,
        { status: 'participation', statusDate: service.serviceDate },
        { participationDate: service.serviceDate },
        author,
      );
      return; // changeStatus announced the new snapshot
    }
    if (service.serviceDate < participation) {
      // a back-dated service started participation earlier than the one that arrived first
      await moveStatusDate(tx, enrollment.id, 'participation', service.serviceDate);
      enrollment = await updateEnrollment(tx, enrollment.id, {
        participationDate: service.serviceDate,
      });
      changed = true;
    }
  }
  if (changed) await announceUpdated(tx, enrollment, author);
}

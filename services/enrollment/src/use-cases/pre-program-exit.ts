import type { PoolClient } from '@hearth/db';
import type { Envelope, RentAssistancePreProgramExited } from '@hearth/events';
import type { z } from 'zod';
import type { EnrollmentDeps } from '../deps';
import type { ExitReason } from '../domain/program-status';
import { findEnrollment } from '../store/enrollments';
import { lastExitRemovalAt } from '../store/rent-assistance';
import { exitEnrollment } from './change-status';

type PreProgramExited = z.infer<(typeof RentAssistancePreProgramExited)['data']>;

// the hub's reasons in the program status words: an unreviewed referral never got its service
const REASONS: Record<PreProgramExited['reason'], ExitReason> = {
  referral_rejected: 'referral_rejected',
  not_reviewed_in_45_days: 'no_qualifying_service',
};

/**
 * The hub rejected a Rent Assistance referral, or left it unreviewed 45 days: the enrollment gets
 * Pre-Program Exit on the event's date. A redelivery finds the record exited and changes nothing
 * (the consumer also skips an event id it processed); an exit removed after the event was sent
 * stands, and a record that is not this hub's Rent Assistance record is left alone.
 */
export async function applyPreProgramExit(
  deps: Pick<EnrollmentDeps, 'logger'>,
  tx: PoolClient,
  event: Envelope<PreProgramExited>,
): Promise<void> {
  const { enrollmentId, hubOrgId, exitDate, reason } = event.data;
  const log = { eventId: event.id, enrollmentId };
  const enrollment = await findEnrollment(tx, enrollmentId, { lock: true });
  if (!enrollment || enrollment.serviceProviderOrgId !== hubOrgId) {
    deps.logger.warn(log, "pre-program exit for an enrollment that is not the hub's ignored");
    return;
  }
  if (enrollment.exitDate !== null) return; // already exited: this or an earlier decision
  const removedAt = await lastExitRemovalAt(tx, enrollmentId);
  if (removedAt && removedAt > new Date(event.occurredAt)) return;
  if (exitDate < enrollment.applicationDate) {
    deps.logger.warn(log, 'pre-program exit dated before the application ignored');
    return;
  }
  await exitEnrollment(
    tx,
    enrollment,
    { kind: 'pre_program_exit', exitDate, reason: REASONS[reason], housingStatusAtExit: null },
    { actor: event.actor, requestId: event.requestId },
  );
}

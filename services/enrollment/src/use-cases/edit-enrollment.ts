import type { Actor } from '@hearth/auth';
import { authorOf } from '@hearth/bus';
import { withTransaction } from '@hearth/db';
import { requireCurrentVersion, unprocessable } from '@hearth/http';
import { dateOf } from '@hearth/time';
import type { EnrollmentDeps } from '../deps';
import { applicationDateProblems } from '../domain/enrollment';
import { applyRegistrationChanges, type RegistrationChanges } from '../domain/registration-answers';
import { housingNeedProblem } from '../domain/rent-assistance';
import { findEnrollment, updateEnrollment, type EnrollmentRecord } from '../store/enrollments';
import type { KnownParticipant } from '../store/participant-facts';
import { findProgram } from '../store/programs';
import { moveStatusDate } from '../store/statuses';
import { announceUpdated } from './change-status';

/**
 * Change the application date or the registration answers (null clears one) of the version the
 * worker read; a new application date must still fit the program, the head and later statuses.
 */
export function editEnrollment(
  deps: Pick<EnrollmentDeps, 'pool' | 'clock'>,
  actor: Actor,
  head: KnownParticipant,
  enrollmentId: string,
  changes: { version: number; applicationDate?: string; registration?: RegistrationChanges },
): Promise<EnrollmentRecord> {
  return withTransaction(deps.pool, async (tx) => {
    const current = (await findEnrollment(tx, enrollmentId, { lock: true }))!;
    requireCurrentVersion('enrollment', current.version, changes.version);
    const applicationDate = changes.applicationDate ?? current.applicationDate;
    const program = (await findProgram(tx, current.programId, { lock: 'share' }))!;
    const errors = applicationDateProblems({
      applicationDate,
      birthDate: head.birthDate,
      program,
      later: {
        registrationDate: current.registrationDate,
        participationDate: current.participationDate,
        exitDate: current.exitDate,
      },
      today: dateOf(deps.clock()),
    });
    if (changes.applicationDate && errors.length)
      throw unprocessable('The application date is not possible.', errors);
    const registration = applyRegistrationChanges(current.registration, changes.registration ?? {});
    const housing = housingNeedProblem(program, registration);
    if (housing)
      throw unprocessable('The participant is not eligible for Rent Assistance.', [housing]);
    const changed = await updateEnrollment(tx, current.id, { applicationDate, registration });
    await moveStatusDate(tx, current.id, 'application', applicationDate);
    await announceUpdated(tx, changed, authorOf(actor));
    return changed;
  });
}

import type { Actor } from '@hearth/auth';
import { authorOf } from '@hearth/bus';
import { withTransaction } from '@hearth/db';
import { conflict, unprocessable } from '@hearth/http';
import { dateOf } from '@hearth/time';
import type { EnrollmentDeps } from '../deps';
import { registrationDateProblems } from '../domain/enrollment';
import { findEnrollment, type EnrollmentRecord } from '../store/enrollments';
import { findProgram } from '../store/programs';
import { changeStatus } from './change-status';
import { resultsSeenBy } from './show-enrollment';

/**
 * Complete registration (Registered By the actor) on an open, unregistered enrollment, refused
 * while anything is missing or a member is ineligible: all judged under the enrollment's lock.
 */
export function completeRegistration(
  deps: Pick<EnrollmentDeps, 'pool' | 'clock'>,
  actor: Actor,
  enrollmentId: string,
  request: { registrationDate?: string },
): Promise<EnrollmentRecord> {
  const now = deps.clock();
  return withTransaction(deps.pool, async (tx) => {
    const current = (await findEnrollment(tx, enrollmentId, { lock: true }))!;
    if (current.exitDate)
      throw conflict(`The enrollment was exited on ${current.exitDate}.`, [
        { field: 'exitDate', message: 'The enrollment is exited' },
      ]);
    if (current.registrationDate)
      throw conflict(`Registration was completed on ${current.registrationDate}.`, [
        { field: 'registrationDate', message: 'Already registered' },
      ]);
    const registrationDate = request.registrationDate ?? dateOf(now);
    const dateErrors = registrationDateProblems(
      registrationDate,
      current.applicationDate,
      dateOf(now),
    );
    if (dateErrors.length)
      throw unprocessable('The registration date is not possible.', dateErrors);
    const program = (await findProgram(tx, current.programId))!;
    const { results } = await resultsSeenBy(tx, actor, program, current, now);
    if (!results.readyToRegister)
      throw unprocessable(
        'Registration cannot be completed yet: see missing information and ineligible reasons.',
        [
          ...results.missingInformation.map((m) => ({
            field: `registration.${m.field}`,
            message: m.message,
          })),
          ...results.ineligibleReasons.map((r) => ({
            field: 'eligibility',
            message: r.message,
          })),
        ],
      );
    return changeStatus(
      tx,
      current,
      { status: 'registration', statusDate: registrationDate },
      { registrationDate, registeredByUserId: actor.userId, registeredByName: actor.name },
      authorOf(actor),
    );
  });
}

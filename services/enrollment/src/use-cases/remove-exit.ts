import type { Actor } from '@hearth/auth';
import { authorOf } from '@hearth/bus';
import { withTransaction } from '@hearth/db';
import { conflict, unprocessable } from '@hearth/http';
import { dateOf } from '@hearth/time';
import type { EnrollmentDeps } from '../deps';
import { exitRemovalProblem } from '../domain/program-status';
import { findEnrollment, type EnrollmentRecord } from '../store/enrollments';
import { writeExitRemoval } from './change-status';
import { openEnrollmentOfPerson } from './open-enrollment-of-person';

/** A contract manager removes an exit within 90 days, so a returning participant continues. */
export function removeExit(
  deps: Pick<EnrollmentDeps, 'pool' | 'clock'>,
  actor: Actor,
  enrollmentId: string,
): Promise<EnrollmentRecord> {
  return withTransaction(deps.pool, async (tx) => {
    const current = (await findEnrollment(tx, enrollmentId, { lock: true }))!;
    if (!current.exitDate)
      throw conflict('The enrollment is not exited.', [
        { field: 'exitDate', message: 'No exit to remove' },
      ]);
    const today = dateOf(deps.clock());
    const tooLate = exitRemovalProblem(current.exitDate, today);
    if (tooLate) throw unprocessable('The exit can no longer be removed.', [tooLate]);
    // reopening counts the person too: a linked record enrolled in the program meanwhile keeps it
    const open = await openEnrollmentOfPerson(tx, actor, current, deps.clock(), { lock: true });
    if (open) throw open;
    return writeExitRemoval(tx, current, today, authorOf(actor));
  });
}

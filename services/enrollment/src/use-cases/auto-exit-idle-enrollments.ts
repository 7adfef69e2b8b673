import { withTransaction } from '@hearth/db';
import { dateOf } from '@hearth/time';
import type { EnrollmentDeps } from '../deps';
import { idleCutoff } from '../domain/program-status';
import { autoExitAuthor } from '../events/enrollments';
import { idleEnrollments } from '../store/enrollment-lists';
import { exitEnrollment } from './change-status';

const BATCH = 200;

/**
 * One pass: every open enrollment with more than 90 days since its last qualifying service gets
 * Auto Exit, dated today. The scheduled job runs one pass at a time across instances; a pass
 * that runs beside another anyway is still safe, because each batch locks the rows it exits and
 * skips those another transaction holds. Returns how many enrollments were exited.
 */
export async function autoExitIdleEnrollments(
  deps: Pick<EnrollmentDeps, 'pool' | 'clock'>,
): Promise<number> {
  const today = dateOf(deps.clock());
  let total = 0;
  for (;;) {
    const exited = await withTransaction(deps.pool, async (tx) => {
      const due = await idleEnrollments(tx, idleCutoff(today), BATCH);
      for (const enrollment of due)
        await exitEnrollment(
          tx,
          enrollment,
          {
            kind: 'auto_exit',
            exitDate: today,
            reason: 'no_qualifying_service',
            housingStatusAtExit: null,
          },
          autoExitAuthor,
        );
      return due.length;
    });
    total += exited;
    if (exited < BATCH) return total;
  }
}

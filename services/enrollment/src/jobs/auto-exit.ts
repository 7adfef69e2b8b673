import { withTransaction, type Pool } from '@hearth/db';
import type { Logger } from '@hearth/logging';
import { dateOf, type Clock } from '@hearth/time';
import { idleCutoff } from '../domain/program-status';
import { autoExitAuthor } from '../events/enrollments';
import { exitEnrollment } from '../status-changes';
import { idleEnrollments } from '../store/enrollment-lists';

/** Any constant, distinct from the migrator's: one auto-exit pass at a time across instances. */
const AUTO_EXIT_LOCK = 724_312;
const BATCH = 200;

/**
 * One pass: every open enrollment with more than 90 days since its last qualifying service gets
 * Auto Exit, dated `now`. Safe with several instances: the instance that takes the advisory lock
 * does the pass, the others skip it. Idempotent: an exited enrollment is no longer selected.
 * Returns how many enrollments were exited.
 */
export async function autoExitIdleEnrollments(pool: Pool, now: Date): Promise<number> {
  const today = dateOf(now);
  let total = 0;
  for (;;) {
    const exited = await withTransaction(pool, async (tx) => {
      const { rows } = await tx.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [
        AUTO_EXIT_LOCK,
      ]);
      if (!rows[0].locked) return -1; // another instance is doing this pass
      const due = await idleEnrollments(tx, idleCutoff(today), BATCH);
      for (const enrollment of due) {
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
      }
      return due.length;
    });
    if (exited <= 0) return total;
    total += exited;
    if (exited < BATCH) return total;
  }
}

/**
 * Runs a pass every `everyMs` (the first soon after start, so restarts never starve it) until
 * stopped; a failed pass is logged and tried again next time. Returns the stop function.
 */
export function scheduleAutoExit(
  pool: Pool,
  logger: Logger,
  clock: Clock,
  everyMs: number,
): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<void> = Promise.resolve();
  const run = () => {
    pass = autoExitIdleEnrollments(pool, clock())
      .then((exited) => {
        if (exited > 0) logger.info({ exited }, 'auto exit: idle enrollments exited');
      })
      .catch((err) => logger.warn({ err: (err as Error).message }, 'auto exit pass failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(run, everyMs);
      });
  };
  timer = setTimeout(run, Math.min(everyMs, 30_000));
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await pass;
  };
}

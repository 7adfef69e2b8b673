import type { Actor } from '@hearth/auth';
import { authorOf, type EventAuthor } from '@hearth/bus';
import { withTransaction, type Queryable } from '@hearth/db';
import { conflict, unprocessable } from '@hearth/http';
import { dateOf } from '@hearth/time';
import type { EnrollmentDeps } from '../deps';
import { manualExitProblems } from '../domain/program-status';
import { finalRentExitProblems, isRentAssistance } from '../domain/rent-assistance';
import { findEnrollment, type EnrollmentRecord } from '../store/enrollments';
import { findProgram } from '../store/programs';
import { finalRentExitDateOf } from '../store/service-facts';
import { exitEnrollment, type ExitRequest } from './change-status';
import { exitAssessmentProblems } from './exit-assessments';

/**
 * A worker's exit (or pre-program exit), checked again under the enrollment's lock (a service
 * event for it waits for the lock too, so the final-rent service read here stands).
 */
export function recordExit(
  deps: Pick<EnrollmentDeps, 'pool' | 'clock'>,
  actor: Actor,
  enrollmentId: string,
  exit: ExitRequest & { kind: 'exit' | 'pre_program_exit' },
): Promise<EnrollmentRecord> {
  return withTransaction(deps.pool, async (tx) => {
    const current = (await findEnrollment(tx, enrollmentId, { lock: true }))!;
    return exitByRules(tx, current, exit, dateOf(deps.clock()), authorOf(actor));
  });
}

/**
 * The rules every manual exit meets (a worker's, an import's), on an enrollment the caller has
 * locked: not exited already, the dates and the exit assessments; the exit of a Rent Assistance
 * record waits for its Hub Final Rent Exit service and takes its date (its pre-program exit and
 * every auto exit do not). A broken rule is thrown as a problem.
 */
export async function exitByRules(
  tx: Queryable,
  current: EnrollmentRecord,
  exit: ExitRequest & { kind: 'exit' | 'pre_program_exit' },
  today: string,
  author: EventAuthor,
): Promise<EnrollmentRecord> {
  if (current.exitDate)
    throw conflict(
      `The enrollment was already exited on ${current.exitDate} (${current.exitKind}); a contract manager can remove that exit within 90 days.`,
      [{ field: 'exitDate', message: 'The enrollment is already exited' }],
    );
  const errors = [
    ...manualExitProblems(current, exit, today),
    ...(await exitAssessmentProblems(tx, current, exit.exitDate)),
    ...(exit.kind === 'exit' && isRentAssistance((await findProgram(tx, current.programId))!)
      ? finalRentExitProblems(await finalRentExitDateOf(tx, current.id), exit.exitDate)
      : []),
  ];
  if (errors.length) throw unprocessable('The exit is not possible.', errors);
  return exitEnrollment(tx, current, exit, author);
}

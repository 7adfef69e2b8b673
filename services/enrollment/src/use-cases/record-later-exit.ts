import { recordEvent, type EventAuthor } from '@hearth/bus';
import type { PoolClient } from '@hearth/db';
import { createEvent, HmisExitSettled, type HmisExit } from '@hearth/events';
import { conflict, Problem, unprocessable } from '@hearth/http';
import { dateOf } from '@hearth/time';
import type { EnrollmentDeps } from '../deps';
import { importedMemberProblems } from '../domain/imported-member';
import { findEnrollment } from '../store/enrollments';
import {
  exitImportedMember,
  joinPendingImport,
  keepLaterExit,
  keptImportOf,
  laterExitKept,
  type KeptImport,
  type LaterExitState,
} from '../store/hmis-import-exits';
import { clientMatchOf } from '../store/hmis-imports';
import { reasonOf } from './record-imported-enrollment';
import { exitByRules } from './record-exit';

type Deps = Pick<EnrollmentDeps, 'clock' | 'logger'>;
type Outcome = { state: LaterExitState; reason: string | null };
const refused = (reason: string): Outcome => ({ state: 'refused', reason });

/**
 * A later import's exit of an enrollment an earlier import carried onward, in the consumer's
 * transaction (the caller holds the client's lock): a recorded head's enrollment is exited by the
 * rules a worker's exit meets, a recorded member leaves the household on its own date (within
 * its stay, not in the future); a pending one takes the exit to be recorded with it; a refused
 * one refuses it too. Kept once with its outcome, so a replay does nothing. An enrollment whose
 * announcement is not here yet is an error: the bus tries again.
 */
export async function recordLaterExit(
  deps: Deps,
  tx: PoolClient,
  orgId: string,
  data: HmisExit,
  author: EventAuthor,
): Promise<void> {
  if (await laterExitKept(tx, orgId, data.exit.exitId)) return;
  const row = await keptImportOf(tx, { orgId, ...data });
  if (!row) throw new Error('the enrollment of this later exit is not here yet; retried');
  const outcome = await outcomeOf(deps, tx, row, data, author);
  if (outcome.state === 'refused')
    deps.logger.warn({ exitId: data.exit.exitId, refusal: outcome.reason }, 'later exit refused');
  await keepLaterExit(tx, orgId, data, outcome, deps.clock());
  // the later import's report counts it: told once, with the row kept
  await recordEvent(
    tx,
    createEvent(HmisExitSettled, {
      orgId,
      ...author,
      data: {
        importId: data.importId,
        exitId: data.exit.exitId,
        outcome: outcome.state === 'joined' ? 'with_enrollment' : outcome.state,
        reason: outcome.reason?.slice(0, 1000) ?? null,
      },
    }),
  );
}

async function outcomeOf(
  deps: Deps,
  tx: PoolClient,
  row: KeptImport,
  data: HmisExit,
  author: EventAuthor,
): Promise<Outcome> {
  if (row.state === 'refused') return refused(`Its enrollment was not recorded: ${row.reason}`);
  if (row.state === 'pending')
    return (await joinPendingImport(tx, row, data.exit))
      ? { state: 'joined', reason: null }
      : refused('The enrollment was imported with an exit already');
  const today = dateOf(deps.clock());
  const { exitDate, reason, housingStatusAtExit } = data.exit;
  await tx.query('SAVEPOINT later_exit');
  try {
    const current = (await findEnrollment(tx, row.recordedAs!, { lock: true }))!;
    if (row.data.relationshipToHoH === 1)
      await exitByRules(
        tx,
        current,
        { kind: 'exit', exitDate, reason, housingStatusAtExit },
        today,
        author,
      );
    else await exitMember(tx, row, current, exitDate, today);
    await tx.query('RELEASE SAVEPOINT later_exit');
    return { state: 'recorded', reason: null };
  } catch (err) {
    if (!(err instanceof Problem)) throw err;
    await tx.query('ROLLBACK TO SAVEPOINT later_exit');
    return refused(reasonOf(err));
  }
}

/** A member's own exit: within the household's stay, not in the future, and once. */
async function exitMember(
  tx: PoolClient,
  row: KeptImport,
  household: { id: string; applicationDate: string; exitDate: string | null },
  exitDate: string,
  today: string,
) {
  const problems = importedMemberProblems(household, { entryDate: row.data.entryDate, exitDate });
  if (exitDate > today)
    problems.push({ field: 'exitDate', message: `Must not be in the future (today is ${today})` });
  if (problems.length) throw unprocessable('The exit is not possible.', problems);
  const match = await clientMatchOf(tx, { ...row, personalId: row.data.personalId });
  if (!(await exitImportedMember(tx, household.id, match!.participantId!, exitDate)))
    throw conflict('The member left the household already.', [
      { field: 'exitDate', message: 'The member is already exited' },
    ]);
}

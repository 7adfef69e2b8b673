import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { authorOf } from '@hearth/bus';
import type { PoolClient } from '@hearth/db';
import { Problem } from '@hearth/http';
import { dateOf } from '@hearth/time';
import type { EnrollmentDeps } from '../deps';
import { findEnrollment } from '../store/enrollments';
import { settleImported } from '../events/hmis-import-outcomes';
import type { ClientMatch, PendingImport } from '../store/hmis-imports';
import { findParticipants } from '../store/participant-facts';
import { changeStatus } from './change-status';
import { checkNewEnrollment, openEnrollment } from './enroll-household';
import { importedProgramFor } from './imported-program';
import { openEnrollmentOfPerson } from './open-enrollment-of-person';
import { exitByRules } from './record-exit';

type Deps = Pick<EnrollmentDeps, 'pool' | 'clock' | 'logger'>;

/** A refusal in words a person reads in the import's record: the title and each field's fault. */
export const reasonOf = (p: Problem) =>
  [p.detail ?? p.title, ...(p.errors ?? []).map((e) => `${e.field}: ${e.message}`)].join('; ');

/**
 * Records one imported head of household's enrollment intake has answered for, in the consumer's transaction: by the
 * rules a worker's enrollment and exit go through (the program, the head's access and dates, one
 * open enrollment per person, the exit's dates and assessments). HUD's EntryDate is the project
 * start, the day the client began the project: the application and the participation date both.
 * A refusal (intake did not take the client in, or a rule) is kept with its reason and nothing
 * of the enrollment is written (a savepoint undoes what was). A participant the read models do
 * not know yet is an error: the bus tries again once intake's events have arrived.
 */
export async function recordImportedEnrollment(
  deps: Deps,
  tx: PoolClient,
  row: PendingImport,
  match: ClientMatch,
): Promise<void> {
  const now = deps.clock();
  const refuse = (reason: string) => settleImported(tx, row, { refused: reason }, now);
  const { data, importer } = row;
  if (!match.participantId)
    return refuse(`Intake did not take the client in: ${match.reason ?? match.outcome}`);
  if (!(await findParticipants(tx, [match.participantId])).has(match.participantId))
    throw new Error('the imported client’s participant is not known here yet; retried');
  const actor: Actor = importer;
  const programId = await importedProgramFor(deps.pool, actor, data.project);
  const request = {
    programId,
    headParticipantId: match.participantId,
    applicationDate: data.entryDate,
    registration: {},
    members: [],
  };
  await tx.query('SAVEPOINT imported_enrollment');
  try {
    const { program } = await checkNewEnrollment(deps.pool, actor, request, now);
    const open = await openEnrollmentOfPerson(tx, actor, request, now, { lock: true });
    if (open) throw open;
    const author = authorOf(actor);
    const id = randomUUID();
    let made = await openEnrollment(tx, { ...request, id, program, members: [] }, actor, author);
    const participation = { status: 'participation' as const, statusDate: data.entryDate };
    made = await changeStatus(
      tx,
      made,
      participation,
      { participationDate: data.entryDate },
      author,
    );
    if (data.exit) {
      const current = (await findEnrollment(tx, made.id, { lock: true }))!;
      const { exitDate, reason, housingStatusAtExit } = data.exit;
      const exit = { kind: 'exit' as const, exitDate, reason, housingStatusAtExit };
      await exitByRules(tx, current, exit, dateOf(now), author);
    }
    await tx.query('RELEASE SAVEPOINT imported_enrollment');
    await settleImported(
      tx,
      row,
      {
        recordedAs: made.id,
        programId,
        participantId: match.participantId,
        exitDate: data.exit?.exitDate ?? null,
      },
      now,
    );
  } catch (err) {
    const refusal = err instanceof Problem ? reasonOf(err) : uniqueViolation(err);
    if (!refusal) throw err;
    await tx.query('ROLLBACK TO SAVEPOINT imported_enrollment');
    deps.logger.warn({ enrollmentId: data.enrollmentId, refusal }, 'imported enrollment refused');
    await refuse(refusal);
  }
}

/** The open-enrollment index caught what the check before it could not see yet. */
const uniqueViolation = (err: unknown) =>
  (err as { code?: string }).code === '23505'
    ? 'The head already has an open enrollment in this program'
    : null;

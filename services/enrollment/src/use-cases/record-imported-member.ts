import type { Actor } from '@hearth/auth';
import type { PoolClient } from '@hearth/db';
import { EnrollmentMemberAdded, type relationships } from '@hearth/events';
import { Problem, unprocessable } from '@hearth/http';
import type { EnrollmentDeps } from '../deps';
import { importedMemberProblems } from '../domain/imported-member';
import { findEnrollment } from '../store/enrollments';
import type { ImportedHead } from '../store/hmis-import-households';
import { settleImported } from '../events/hmis-import-outcomes';
import type { ClientMatch, PendingImport } from '../store/hmis-imports';
import { addMember as insertMember } from '../store/members';
import { findParticipants } from '../store/participant-facts';
import { findProgram } from '../store/programs';
import { checkRelatedMember } from './check-member';
import { membershipChanged, mustNotBeMember } from './membership';
import { reasonOf } from './record-imported-enrollment';

type Deps = Pick<EnrollmentDeps, 'pool' | 'clock' | 'logger'>;

/**
 * HUD 3.15 RelationshipToHoH of a member in our words: 2 the head's child, 3 spouse or partner
 * (HUD does not tell them apart: spouse), 4 another relation, 5 no relation. 8, 9 and 99 say
 * nothing of the relation, so no member joins by them.
 */
export const RELATIONSHIP_OF_HUD: Partial<Record<number, (typeof relationships)[number]>> = {
  2: 'child',
  3: 'spouse',
  4: 'other_relative',
  5: 'non_relative',
};

/**
 * Adds one imported member to the head's recorded enrollment, in the consumer's transaction, by
 * the rules a worker's added member goes through past the family's (the relation is HUD's): not
 * a member already, the member visible to the importer and eligible. An import is history, so
 * the enrollment may be exited: the member's own entry and exit, kept as sent, fall within the
 * household's stay instead (domain/imported-member.ts). A
 * refusal is kept with its reason and nothing of it is written. The caller holds the household
 * lock and knows the head (recorded or refused) and the member's answer from intake.
 */
export async function recordImportedMember(
  deps: Deps,
  tx: PoolClient,
  row: PendingImport,
  match: ClientMatch,
  head: ImportedHead,
): Promise<void> {
  const now = deps.clock();
  const refuse = (reason: string) => settleImported(tx, row, { refused: reason }, now);
  const { data, importer } = row;
  if (!match.participantId)
    return refuse(`Intake did not take the client in: ${match.reason ?? match.outcome}`);
  if (!head.recordedAs)
    return refuse(`The head’s enrollment (EnrollmentID ${head.enrollmentId}) was refused`);
  const relationship = RELATIONSHIP_OF_HUD[data.relationshipToHoH];
  if (!relationship)
    return refuse(`RelationshipToHoH ${data.relationshipToHoH} names no relation to the head`);
  if (!(await findParticipants(tx, [match.participantId])).has(match.participantId))
    throw new Error('the imported member’s participant is not known here yet; retried');
  const actor: Actor = importer;
  const member = { participantId: match.participantId };
  try {
    const current = (await findEnrollment(tx, head.recordedAs, { lock: true }))!;
    const dates = { entryDate: data.entryDate, exitDate: data.exit?.exitDate ?? null };
    const problems = importedMemberProblems(current, dates);
    if (problems.length)
      throw unprocessable('The member’s dates fall outside the household’s stay.', problems);
    await mustNotBeMember(tx, current.id, member.participantId);
    const program = (await findProgram(tx, current.programId))!;
    // read through the pool, as a worker's added member is checked: a denial's audit is written
    // on its own, never on this transaction's client while it is busy
    const checked = await checkRelatedMember(
      deps.pool,
      actor,
      { ...current, program },
      member,
      relationship,
      '',
      now,
    );
    await insertMember(
      tx,
      { enrollmentId: current.id, isHead: false, ...checked, addedByUserId: actor.userId },
      dates,
    );
    await membershipChanged(tx, EnrollmentMemberAdded, current, actor, checked);
    await settleImported(
      tx,
      row,
      {
        recordedAs: current.id,
        programId: current.programId,
        participantId: member.participantId,
        exitDate: current.exitDate,
      },
      now,
    );
  } catch (err) {
    if (!(err instanceof Problem)) throw err;
    const refusal = reasonOf(err);
    deps.logger.warn({ enrollmentId: data.enrollmentId, refusal }, 'imported member refused');
    await refuse(refusal);
  }
}

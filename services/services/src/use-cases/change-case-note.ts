import type { Decision, ParticipantSharing } from '@hearth/access';
import type { Actor } from '@hearth/auth';
import { withTransaction, type Queryable } from '@hearth/db';
import { organizationToday } from '@hearth/directory';
import { CaseNoteDeleted, CaseNoteUpdated } from '@hearth/events';
import {
  Problem,
  conflict,
  forbidden,
  notFound,
  requireCurrentVersion,
  unprocessable,
} from '@hearth/http';
import type { ServicesDeps } from '../deps';
import {
  decideNoteAccess,
  editedCaseNote,
  restrictionChangeProblems,
  type UpdateCaseNoteBody,
} from '../domain/case-notes';
import {
  deleteCaseNote as markDeleted,
  findCaseNoteById,
  updateCaseNote,
  type CaseNoteRecord,
} from '../store/case-notes';
import { announceCaseNote } from './case-note-events';
import { checkStaff } from './check-staff';

/**
 * The answer to a change of a note the actor may read but not change: a read-only note is final
 * (409: its state, not the actor, stands in the way); another organization's note, or a role that
 * only reads, is 403.
 */
export function changeRefused(decision: Decision): Problem {
  if (decision.reason === 'read_only')
    return conflict('This case note is read-only: no one can edit or delete it.', [
      { field: 'readOnly', message: 'The note is final' },
    ]);
  if (decision.reason === 'other_org_record')
    return forbidden('Only the organization that wrote this case note may change it.');
  return forbidden('Your role may not change case notes.');
}

/**
 * The note locked for a change, decided again on the locked row: between the route's gate and
 * the lock, someone may have made it read-only or restricted it to its author.
 */
async function lockedForChange(
  tx: Queryable,
  actor: Actor,
  sharing: ParticipantSharing,
  id: string,
  action: 'write' | 'delete',
  now: Date,
): Promise<CaseNoteRecord> {
  const note = await findCaseNoteById(tx, id, { forUpdate: true });
  const ask = (a: 'read' | 'write' | 'delete') =>
    note && decideNoteAccess({ actor, participant: sharing, note, action: a, now });
  if (!note || !ask('read')?.allowed) throw notFound('The case note');
  const change = ask(action)!;
  if (!change.allowed) throw changeRefused(change);
  return note;
}

/** Edit the version the actor read; only its author changes who reads it. */
export function editCaseNote(
  deps: Pick<ServicesDeps, 'pool' | 'clock'>,
  actor: Actor,
  sharing: ParticipantSharing,
  id: string,
  change: UpdateCaseNoteBody,
): Promise<CaseNoteRecord> {
  const now = deps.clock();
  return withTransaction(deps.pool, async (tx) => {
    const current = await lockedForChange(tx, actor, sharing, id, 'write', now);
    requireCurrentVersion('case note', current.version, change.version);
    const restriction = restrictionChangeProblems(current, change, actor);
    if (restriction.length > 0)
      throw new Problem(
        403,
        'Forbidden',
        'Only its author may change who reads a case note.',
        restriction,
      );
    // the staff stays as written (even once they left) unless the edit names another
    if (change.staffUserId !== undefined && change.staffUserId !== current.staffUserId)
      await checkStaff(tx, actor, change.staffUserId);
    const today = await organizationToday(tx, actor.orgId, deps.clock);
    const edited = editedCaseNote(current, change, today);
    if ('problems' in edited) throw unprocessable('The case note breaks a rule.', edited.problems);
    const saved = await updateCaseNote(tx, edited.note);
    // unreachable under the row lock, kept so a change of the store's rules cannot slip through
    if (!saved) throw conflict('The case note changed meanwhile; reload it.');
    await announceCaseNote(tx, CaseNoteUpdated, actor, saved);
    return saved;
  });
}

/** Soft delete: the row stays for the audit trail, and `services.case-note.deleted` says so. */
export function deleteCaseNote(
  deps: Pick<ServicesDeps, 'pool' | 'clock'>,
  actor: Actor,
  sharing: ParticipantSharing,
  id: string,
): Promise<void> {
  const now = deps.clock();
  return withTransaction(deps.pool, async (tx) => {
    const current = await lockedForChange(tx, actor, sharing, id, 'delete', now);
    if (!(await markDeleted(tx, current.participantId, id, current.version)))
      throw conflict('The case note changed meanwhile; reload it.');
    await announceCaseNote(tx, CaseNoteDeleted, actor, {
      ...current,
      version: current.version + 1,
    });
  });
}

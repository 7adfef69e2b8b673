import { auditDenialAfterAnswer, type Action, type ParticipantSharing } from '@hearth/access';
import type { Actor } from '@hearth/auth';
import { notFound } from '@hearth/http';
import type { ServicesDeps } from '../deps';
import { decideNoteAccess } from '../domain/case-notes';
import { findCaseNoteById, type CaseNoteRecord } from '../store/case-notes';
import { changeRefused } from '../use-cases/change-case-note';
import { participantFor } from './participant-gate';

/**
 * The note, when the actor may act on it. The participant gate first; then the note's own
 * decision: a note they may not read answers 404 like an unknown one and that denial is audited
 * after the answer (the participant gate audits its own); one they may read but not change is
 * refused by changeRefused (403, or 409 when read-only).
 */
export async function caseNoteFor(
  deps: Pick<ServicesDeps, 'pool' | 'clock' | 'logger'>,
  actor: Actor,
  id: string,
  action: Action,
): Promise<{ note: CaseNoteRecord; sharing: ParticipantSharing }> {
  const note = await findCaseNoteById(deps.pool, id);
  if (!note) throw notFound('The case note');
  const now = deps.clock();
  const p = await participantFor(
    deps.pool,
    actor,
    note.participantId,
    'read',
    now,
    'The case note',
  );
  const ask = (a: Action) =>
    decideNoteAccess({ actor, participant: p.sharing, note, action: a, now });
  const read = ask('read');
  if (!read.allowed) {
    auditDenialAfterAnswer(deps.pool, actor, note.participantId, 'read', read.reason, deps.logger);
    throw notFound('The case note');
  }
  if (action !== 'read') {
    const change = ask(action);
    if (!change.allowed) throw changeRefused(change);
  }
  return { note, sharing: p.sharing };
}

import type { Readable } from 'node:stream';
import { auditDenialAfterAnswer, type ParticipantSharing } from '@hearth/access';
import type { Actor } from '@hearth/auth';
import { notFound } from '@hearth/http';
import type { Queryable } from '@hearth/db';
import { orgUsersOf } from '@hearth/directory';
import { dateOf } from '@hearth/time';
import { caseNotesPdf } from '../adapters/case-notes-pdf';
import type { ServicesDeps } from '../deps';
import {
  MAX_PRINTED_NOTES,
  notesToPrint,
  printableNotes,
  type PrintableNote,
} from '../domain/case-note-print';
import type { CaseNote } from '../domain/case-notes';
import { listCaseNotes } from '../store/case-notes';

/**
 * The PDF of the notes asked for that the actor may read (the route has passed the participant
 * gate), newest first as the list shows them. Each one left out for access is audited; nothing
 * readable is 404, as if none existed.
 */
export async function printCaseNotes(
  deps: Pick<ServicesDeps, 'pool' | 'clock' | 'logger'>,
  actor: Actor,
  sharing: ParticipantSharing,
  q: { participantId: string; ids: string[] },
): Promise<Readable> {
  const now = deps.clock();
  const found = await listCaseNotes(deps.pool, q.participantId, {
    limit: MAX_PRINTED_NOTES,
    ids: q.ids,
  });
  const { notes, denials } = notesToPrint({ actor, participant: sharing, ids: q.ids, found, now });
  for (const { decision } of denials)
    auditDenialAfterAnswer(deps.pool, actor, q.participantId, 'read', decision.reason, deps.logger);
  if (notes.length === 0) throw notFound('The case notes');
  return caseNotesPdf(await named(deps.pool, notes), `Case notes, printed ${dateOf(now)}`);
}

/** The notes as the PDF gets them: staff and author named from the directory, in one query. */
export async function named(db: Queryable, notes: readonly CaseNote[]): Promise<PrintableNote[]> {
  const users = await orgUsersOf(
    db,
    notes.flatMap((n) => [
      { orgId: n.orgId, userId: n.staffUserId },
      { orgId: n.orgId, userId: n.authorUserId },
    ]),
  );
  return printableNotes(notes, new Map(users.map((u) => [`${u.orgId}/${u.userId}`, u.name])));
}

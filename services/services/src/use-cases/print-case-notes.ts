import type { Readable } from 'node:stream';
import { auditDenialAfterAnswer } from '@hearth/access';
import type { Actor } from '@hearth/auth';
import { notFound } from '@hearth/http';
import type { Queryable } from '@hearth/db';
import { orgUsersOf } from '@hearth/directory';
import { recordsListedTogether } from '@hearth/people';
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
 * gate), newest first as the list shows them. A person linked in intake prints the notes of all
 * their records to an actor who may see every one (libs/people, as the list), each note still
 * decided by its own restriction and record; another prints this record's alone. Each one left out
 * for access is audited on its record; nothing readable is 404, as if none existed.
 */
export async function printCaseNotes(
  deps: Pick<ServicesDeps, 'pool' | 'clock' | 'logger'>,
  actor: Actor,
  q: { participantId: string; ids: string[] },
): Promise<Readable> {
  const now = deps.clock();
  const records = await recordsListedTogether(deps.pool, actor, q.participantId, now);
  const found = await listCaseNotes(deps.pool, [...records.keys()], {
    limit: MAX_PRINTED_NOTES,
    ids: q.ids,
  });
  const { notes, denials } = notesToPrint({ actor, records, ids: q.ids, found, now });
  for (const { note, decision } of denials)
    auditDenialAfterAnswer(
      deps.pool,
      actor,
      note.participantId,
      'read',
      decision.reason,
      deps.logger,
    );
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

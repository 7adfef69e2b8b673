import type { Actor } from '@hearth/auth';
import { authorOf, recordEvent } from '@hearth/bus';
import type { Queryable } from '@hearth/db';
import { CaseNoteAdded, CaseNoteDeleted, CaseNoteUpdated, createEvent } from '@hearth/events';
import type { CaseNote } from '../domain/case-notes';

/** Records a note's event in the transaction of its change: its facts, never its text. */
export function announceCaseNote(
  tx: Queryable,
  definition: typeof CaseNoteAdded | typeof CaseNoteUpdated | typeof CaseNoteDeleted,
  actor: Actor,
  note: CaseNote,
): Promise<void> {
  return recordEvent(
    tx,
    createEvent(definition, {
      orgId: note.orgId,
      ...authorOf(actor),
      data: {
        noteId: note.id,
        participantId: note.participantId,
        orgId: note.orgId,
        authorUserId: note.authorUserId,
        staffUserId: note.staffUserId,
        noteDate: note.noteDate,
        restriction: note.restriction,
        readOnly: note.readOnly,
        version: note.version,
      },
    }),
  );
}

import type { Actor, Decision, ParticipantSharing } from '@hearth/access';
import { uuid } from '@hearth/http';
import { z } from 'zod';
import { decideNoteAccess, type CaseNote } from './case-notes';

/** How many notes one print holds: bounded so one request cannot hold a process's memory. */
export const MAX_PRINTED_NOTES = 100;

const TOO_MANY = `At most ${MAX_PRINTED_NOTES} notes at once`;

/** `?participantId=…&ids=<uuid>,<uuid>…`: whose notes, and which, each once. */
export const printCaseNotesQuery = z.strictObject({
  participantId: uuid(),
  // bounded before it is split: 100 ids of 36 characters and their commas
  ids: z
    .string()
    .max(MAX_PRINTED_NOTES * 37 - 1, TOO_MANY)
    .transform((s) => s.split(','))
    .pipe(
      z
        .array(uuid())
        .min(1)
        .max(MAX_PRINTED_NOTES, TOO_MANY)
        .refine((ids) => new Set(ids).size === ids.length, 'A note is named twice'),
    ),
});

/**
 * The notes of a print: those asked for that the actor may read, and the denials to audit. Each
 * note is decided by its own record's sharing (`records`: the records listed together, a linked
 * person's too); a note of a record not among them is left out as if it did not exist. A note the
 * actor may not read is left out exactly like one that does not exist (the print says nothing of
 * either: its absence must not reveal that there is something to withhold); the caller answers
 * 404 when nothing is left to print.
 */
export function notesToPrint(input: {
  actor: Actor;
  records: ReadonlyMap<string, ParticipantSharing>;
  ids: readonly string[];
  found: readonly CaseNote[];
  now: Date;
}): { notes: CaseNote[]; denials: { note: CaseNote; decision: Decision }[] } {
  const { actor, records, ids, found, now } = input;
  const asked = new Set(ids);
  const notes: CaseNote[] = [];
  const denials: { note: CaseNote; decision: Decision }[] = [];
  for (const note of found) {
    const participant = records.get(note.participantId);
    if (!asked.has(note.id) || !participant) continue;
    const decision = decideNoteAccess({ actor, participant, note, action: 'read', now });
    if (decision.allowed) notes.push(note);
    else denials.push({ note, decision });
  }
  return { notes, denials };
}

/** What the PDF shows of a note: its date, the names of its staff and author, its text. */
export interface PrintableNote {
  noteDate: string;
  staffName: string;
  authorName: string;
  text: string;
}

/** How the print names a user the directory does not know (yet): never a blank, never a guess. */
export const unknownUser = (userId: string) => `unknown user ${userId.slice(0, 8)}`;

/**
 * The notes as the PDF shows them: staff and author by their names in the directory of the
 * note's organization (`names` keyed by `orgId/userId`), else "unknown user" and a short id.
 */
export function printableNotes(
  notes: readonly Pick<CaseNote, 'orgId' | 'staffUserId' | 'authorUserId' | 'noteDate' | 'text'>[],
  names: ReadonlyMap<string, string>,
): PrintableNote[] {
  const nameOf = (orgId: string, userId: string) =>
    names.get(`${orgId}/${userId}`) ?? unknownUser(userId);
  return notes.map((n) => ({
    noteDate: n.noteDate,
    staffName: nameOf(n.orgId, n.staffUserId),
    authorName: nameOf(n.orgId, n.authorUserId),
    text: n.text,
  }));
}

import type { Actor, Decision, ParticipantSharing } from '@hearth/access';
import { uuid } from '@hearth/http';
import { z } from 'zod';
import { decideNoteAccess, type CaseNote } from './case-notes';

/** How many notes one print holds: bounded so one request cannot hold a process's memory. */
export const MAX_PRINTED_NOTES = 100;

const TOO_MANY = `At most ${MAX_PRINTED_NOTES} notes at once`;

/** `?ids=<uuid>,<uuid>…`: the notes to print, each once. */
export const printCaseNotesQuery = z.strictObject({
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
 * The notes of a print, when the actor may read every one asked for; else the ids to answer as
 * not found (a note the actor may not read is indistinguishable from one that does not exist) and
 * the denials to audit. A print silently missing a note would mislead whoever files it.
 */
export function notesToPrint(input: {
  actor: Actor;
  participant: ParticipantSharing;
  ids: readonly string[];
  found: readonly CaseNote[];
  now: Date;
}):
  | { notes: CaseNote[] }
  | { notFound: string[]; denials: { noteId: string; decision: Decision }[] } {
  const { actor, participant, ids, found, now } = input;
  const byId = new Map(found.map((note) => [note.id, note]));
  const denials: { noteId: string; decision: Decision }[] = [];
  const notFound: string[] = [];
  for (const id of ids) {
    const note = byId.get(id);
    if (!note) {
      notFound.push(id);
      continue;
    }
    const decision = decideNoteAccess({ actor, participant, note, action: 'read', now });
    if (!decision.allowed) {
      denials.push({ noteId: id, decision });
      notFound.push(id);
    }
  }
  if (notFound.length > 0) return { notFound, denials };
  return { notes: found.filter((note) => ids.includes(note.id)) };
}

import {
  decideAccess,
  isReleaseActive,
  type Action,
  type Actor,
  type Decision,
  type ParticipantSharing,
} from '@hearth/access';
import { isoDate, uuid, type FieldError } from '@hearth/http';
import { z } from 'zod';

/** Who may read a note besides its organization (DOMAIN.md, "Services and case notes"). */
export const NOTE_RESTRICTIONS = ['org', 'user', 'mou'] as const;
export type NoteRestriction = (typeof NOTE_RESTRICTIONS)[number];

export const MAX_NOTE_CHARACTERS = 20_000;

export interface CaseNote {
  id: string;
  participantId: string;
  orgId: string;
  authorUserId: string;
  /** the staff member who initiated the contact; the author unless another was chosen */
  staffUserId: string;
  noteDate: string;
  text: string;
  readOnly: boolean;
  restriction: NoteRestriction;
  version: number;
}

// Counted in characters as a person sees them in the text box, not UTF-16 units: a note in
// Amharic or with emoji gets the same 20,000 as one in English.
const noteText = z
  .string()
  .refine((s) => s.trim().length > 0, 'Write the note (it is empty)')
  .refine((s) => [...s].length <= MAX_NOTE_CHARACTERS, `At most ${MAX_NOTE_CHARACTERS} characters`);

export const createCaseNoteBody = z.strictObject({
  noteDate: isoDate(),
  text: noteText,
  staffUserId: uuid().optional(),
  readOnly: z.boolean().default(false),
  restriction: z.enum(NOTE_RESTRICTIONS).default('org'),
});
export type CreateCaseNoteBody = z.infer<typeof createCaseNoteBody>;

/** A change to a note: any of its fields, and the version read (optimistic concurrency). */
export const updateCaseNoteBody = z
  .strictObject({
    version: z.number().int().min(1),
    noteDate: isoDate().optional(),
    text: noteText.optional(),
    staffUserId: uuid().optional(),
    // true makes the note final; no change, not even false, reaches a note once it is read-only
    readOnly: z.boolean().optional(),
    restriction: z.enum(NOTE_RESTRICTIONS).optional(),
  })
  .refine((b) => Object.keys(b).length > 1, { message: 'Nothing to change', path: ['version'] });
export type UpdateCaseNoteBody = z.infer<typeof updateCaseNoteBody>;

/** The note date must not be in the future (a note records what happened). */
export function noteDateProblems(noteDate: string, today: string): FieldError[] {
  return noteDate > today
    ? [{ field: 'noteDate', message: `Must not be in the future (today is ${today})` }]
    : [];
}

export type NewCaseNote = Omit<CaseNote, 'id' | 'version'>;

/** A new note from a parsed body: the actor is its author and, unless another is named, its staff. */
export function newCaseNote(
  body: CreateCaseNoteBody,
  actor: Actor,
  participantId: string,
  today: string,
): { note: NewCaseNote } | { problems: FieldError[] } {
  const problems = noteDateProblems(body.noteDate, today);
  if (problems.length > 0) return { problems };
  return {
    note: {
      participantId,
      orgId: actor.orgId,
      authorUserId: actor.userId,
      staffUserId: body.staffUserId ?? actor.userId,
      noteDate: body.noteDate,
      text: body.text,
      readOnly: body.readOnly,
      restriction: body.restriction,
    },
  };
}

/**
 * May the actor read, edit or delete this note? One decision through libs/access with the note
 * as the record scope: its organization, author, restriction and read-only flag. A read-only note
 * is final (no edit, no delete), a `user` note is its author's alone, another organization may at
 * most read (an `mou` note, with an active release), never change.
 */
export function decideNoteAccess(input: {
  actor: Actor;
  participant: ParticipantSharing;
  note: Pick<CaseNote, 'orgId' | 'authorUserId' | 'restriction' | 'readOnly'>;
  action: Action;
  now: Date;
}): Decision {
  const { actor, participant, note, action, now } = input;
  return decideAccess({
    actor,
    participant,
    action,
    now,
    record: {
      orgId: note.orgId,
      authorUserId: note.authorUserId,
      restriction: note.restriction,
      readOnly: note.readOnly,
    },
  });
}

/**
 * Who may widen or narrow who reads a note: its author alone. A colleague may correct an `org`
 * note, but turning it `mou` would send a client's words to other agencies the author never chose
 * (and turning a note `user` would hide it from the author's own team); the author answers for it.
 */
export function restrictionChangeProblems(
  note: Pick<CaseNote, 'authorUserId' | 'restriction'>,
  change: Pick<UpdateCaseNoteBody, 'restriction'>,
  actor: Pick<Actor, 'userId'>,
): FieldError[] {
  const changes = change.restriction !== undefined && change.restriction !== note.restriction;
  return changes && actor.userId !== note.authorUserId
    ? [{ field: 'restriction', message: 'Only the author of a note may change who reads it' }]
    : [];
}

/**
 * What a reader of the participant could read of their notes, as the list's SQL narrows it: the
 * reader's organization's notes (a `user` note only its author's), and `mou` notes when the
 * reader's organization holds an active release. decideNoteAccess still decides each note.
 */
export function noteReader(actor: Actor, participant: ParticipantSharing, now: Date) {
  const releasedMou = participant.releases.some(
    (r) => r.toOrgId === actor.orgId && isReleaseActive(r, now),
  );
  return { orgId: actor.orgId, userId: actor.userId, releasedMou };
}

/** The note after a change the actor may make (access decided first), or what is wrong with it. */
export function editedCaseNote(
  note: CaseNote,
  change: UpdateCaseNoteBody,
  today: string,
): { note: CaseNote } | { problems: FieldError[] } {
  const problems = change.noteDate ? noteDateProblems(change.noteDate, today) : [];
  // unreachable after decideNoteAccess, kept so the rule holds wherever this is called
  if (note.readOnly)
    problems.push({ field: 'readOnly', message: 'This note is read-only: no one can edit it' });
  if (problems.length > 0) return { problems };
  const fields = Object.fromEntries(
    Object.entries(change).filter(([key, value]) => key !== 'version' && value !== undefined),
  ) as Partial<CaseNote>;
  return { note: { ...note, ...fields, version: note.version + 1 } };
}

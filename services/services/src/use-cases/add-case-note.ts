import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { withTransaction } from '@hearth/db';
import { CaseNoteAdded } from '@hearth/events';
import { unprocessable } from '@hearth/http';
import { dateOf } from '@hearth/time';
import type { ServicesDeps } from '../deps';
import { newCaseNote, type CreateCaseNoteBody } from '../domain/case-notes';
import { insertCaseNote, type CaseNoteRecord } from '../store/case-notes';
import { announceCaseNote } from './case-note-events';

/**
 * Write a note on a participant (the route has passed the participant gate for writing): the
 * actor is its author and, unless another is named, its staff; the note and
 * `services.case-note.added` commit together.
 */
export async function addCaseNote(
  deps: Pick<ServicesDeps, 'pool' | 'clock'>,
  actor: Actor,
  participantId: string,
  body: CreateCaseNoteBody,
): Promise<CaseNoteRecord> {
  const made = newCaseNote(body, actor, participantId, dateOf(deps.clock()));
  if ('problems' in made) throw unprocessable('The case note breaks a rule.', made.problems);
  return withTransaction(deps.pool, async (tx) => {
    const saved = await insertCaseNote(tx, randomUUID(), made.note);
    await announceCaseNote(tx, CaseNoteAdded, actor, saved);
    return saved;
  });
}

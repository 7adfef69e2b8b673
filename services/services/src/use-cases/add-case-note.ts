import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { withTransaction } from '@hearth/db';
import { organizationToday } from '@hearth/directory';
import { CaseNoteAdded } from '@hearth/events';
import { unprocessable } from '@hearth/http';
import type { ServicesDeps } from '../deps';
import { newCaseNote, type CreateCaseNoteBody } from '../domain/case-notes';
import { insertCaseNote, type CaseNoteRecord } from '../store/case-notes';
import { announceCaseNote } from './case-note-events';
import { checkStaff } from './check-staff';

/**
 * Write a note on a participant (the route has passed the participant gate for writing): the
 * actor is its author and, unless another is named, its staff (the rule of a service's staff); the note and
 * `services.case-note.added` commit together.
 */
export async function addCaseNote(
  deps: Pick<ServicesDeps, 'pool' | 'clock'>,
  actor: Actor,
  participantId: string,
  body: CreateCaseNoteBody,
): Promise<CaseNoteRecord> {
  return withTransaction(deps.pool, async (tx) => {
    // "today" on the organization's calendar, as for a service date
    const today = await organizationToday(tx, actor.orgId, deps.clock);
    const staffUserId = await checkStaff(tx, actor, body.staffUserId);
    const made = newCaseNote({ ...body, staffUserId }, actor, participantId, today);
    if ('problems' in made) throw unprocessable('The case note breaks a rule.', made.problems);
    const saved = await insertCaseNote(tx, randomUUID(), made.note);
    await announceCaseNote(tx, CaseNoteAdded, actor, saved);
    return saved;
  });
}

import type { ParticipantSharing } from '@hearth/access';
import type { Actor } from '@hearth/auth';
import { cursorCodec, isoDate, uuid } from '@hearth/http';
import { z } from 'zod';
import type { ServicesDeps } from '../deps';
import { decideNoteAccess, noteReader } from '../domain/case-notes';
import { listCaseNotes as notesOf } from '../store/case-notes';

export const caseNoteCursor = cursorCodec(z.strictObject({ noteDate: isoDate(), id: uuid() }));

/**
 * A participant's notes (the route has passed the participant gate), newest first. The query
 * selects only notes the actor could read, so a page is full and its cursor never counts hidden
 * ones; each item still passes its own decision, the one rule of libs/access.
 */
export async function listCaseNotes(
  deps: Pick<ServicesDeps, 'pool' | 'clock'>,
  actor: Actor,
  sharing: ParticipantSharing,
  q: { participantId: string; limit: number; cursor?: string },
) {
  const now = deps.clock();
  const rows = await notesOf(deps.pool, q.participantId, {
    limit: q.limit + 1,
    after: caseNoteCursor.decode(q.cursor),
    reader: noteReader(actor, sharing, now),
  });
  const { items, nextCursor } = caseNoteCursor.page(rows, q.limit, (n) => ({
    noteDate: n.noteDate,
    id: n.id,
  }));
  const readable = items.filter(
    (note) => decideNoteAccess({ actor, participant: sharing, note, action: 'read', now }).allowed,
  );
  return { items: readable, nextCursor };
}

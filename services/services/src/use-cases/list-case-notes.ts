import type { Actor } from '@hearth/auth';
import { cursorCodec, isoDate, uuid } from '@hearth/http';
import { recordsListedTogether } from '@hearth/people';
import { z } from 'zod';
import type { ServicesDeps } from '../deps';
import { decideNoteAccess, noteReader } from '../domain/case-notes';
import { listCaseNotes as notesOf } from '../store/case-notes';

export const caseNoteCursor = cursorCodec(z.strictObject({ noteDate: isoDate(), id: uuid() }));

/**
 * A participant's notes (the route has passed the participant gate), newest first. The query
 * selects only notes the actor could read, so a page is full and its cursor never counts hidden
 * ones; each item still passes its own decision, the one rule of libs/access. A person linked in
 * intake lists the notes of all their records together to an actor who may see every one of them
 * (libs/people), each note decided by its own record's sharing; another sees this record's alone.
 */
export async function listCaseNotes(
  deps: Pick<ServicesDeps, 'pool' | 'clock'>,
  actor: Actor,
  q: { participantId: string; limit: number; cursor?: string },
) {
  const now = deps.clock();
  const records = await recordsListedTogether(deps.pool, actor, q.participantId, now);
  const ids = [...records.keys()];
  const released = ids.filter((id) => noteReader(actor, records.get(id)!, now).releasedMou);
  const rows = await notesOf(deps.pool, ids, {
    limit: q.limit + 1,
    after: caseNoteCursor.decode(q.cursor),
    reader: {
      orgId: actor.orgId,
      userId: actor.userId,
      releasedMou: released.length > 0,
      releasedMouOf: released,
    },
  });
  const { items, nextCursor } = caseNoteCursor.page(rows, q.limit, (n) => ({
    noteDate: n.noteDate,
    id: n.id,
  }));
  const readable = items.filter((note) => {
    const participant = records.get(note.participantId);
    return (
      participant !== undefined &&
      decideNoteAccess({ actor, participant, note, action: 'read', now }).allowed
    );
  });
  return { items: readable, nextCursor };
}

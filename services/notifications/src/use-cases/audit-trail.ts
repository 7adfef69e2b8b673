import type { Queryable } from '@hearth/db';
import { ParticipantAccessed, isEvent, type Envelope } from '@hearth/events';
import { cursorCodec, uuid } from '@hearth/http';
import { z } from 'zod';
import type { NotificationsDeps } from '../deps';
import { appendAccess, trailOf, viewersOf } from '../store/audit-trail';

/** Every service's gate decisions, as they arrive through the broker, into the one trail. */
export async function recordAccess(
  deps: Pick<NotificationsDeps, 'clock'>,
  tx: Queryable,
  event: Envelope,
) {
  if (isEvent(event, ParticipantAccessed)) await appendAccess(tx, event, deps.clock());
}

export const auditCursor = cursorCodec(z.strictObject({ at: z.string().datetime(), id: uuid() }));

/** A participant's trail, newest first (the route has checked role and gate). */
export async function listTrail(
  deps: Pick<NotificationsDeps, 'pool'>,
  participantId: string,
  query: { limit: number; cursor?: string },
) {
  const after = auditCursor.decode(query.cursor);
  const rows = await trailOf(deps.pool, participantId, after, query.limit + 1);
  return auditCursor.page(rows, query.limit, (r) => ({ at: r.at, id: r.id }));
}

/** "Who has seen my record", for a participant's release request. */
export async function whoHasSeen(deps: Pick<NotificationsDeps, 'pool'>, participantId: string) {
  return { items: await viewersOf(deps.pool, participantId) };
}

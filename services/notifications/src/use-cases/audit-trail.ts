import type { Actor } from '@hearth/access';
import type { Queryable } from '@hearth/db';
import {
  DuplicateDismissed,
  ParticipantAccessed,
  PersonLinked,
  PersonUnlinked,
  isEvent,
  type Envelope,
} from '@hearth/events';
import { cursorCodec, uuid } from '@hearth/http';
import { recordsListedTogether } from '@hearth/people';
import { z } from 'zod';
import type { NotificationsDeps } from '../deps';
import {
  appendAccess,
  appendRecordDecision,
  trailOf,
  viewersOf,
  type RecordDecision,
} from '../store/audit-trail';

/** Every service's gate decisions, as they arrive through the broker, into the one trail. */
export async function recordAccess(
  deps: Pick<NotificationsDeps, 'clock'>,
  tx: Queryable,
  event: Envelope,
) {
  if (isEvent(event, ParticipantAccessed)) await appendAccess(tx, event, deps.clock());
}

/** The events of intake's decisions about duplicate records that the trail keeps. */
export const recordDecisionEventTypes = [
  PersonLinked.type,
  PersonUnlinked.type,
  DuplicateDismissed.type,
];

/**
 * Each link of two records as one person, its undo and each dismissal of a suspected pair, into
 * the trail of both records: who (the supervisor), their organization, when, and which link (ids
 * only: the reason typed stays in intake's history). A decision without a user is not intake's.
 */
export async function recordDecision(
  deps: Pick<NotificationsDeps, 'clock' | 'logger'>,
  tx: Queryable,
  event: Envelope,
) {
  const userId = event.actor.userId;
  let decision: Omit<RecordDecision, 'userId'> | undefined;
  if (isEvent(event, PersonLinked) || isEvent(event, PersonUnlinked)) {
    const linked = event.type === PersonLinked.type;
    decision = {
      participantIds: event.data.participantIds,
      reason: linked ? 'person_linked' : 'person_unlinked',
      what: `Person link ${event.data.linkId}`,
      at: event.data.at,
    };
  } else if (isEvent(event, DuplicateDismissed))
    decision = {
      participantIds: event.data.participantIds,
      reason: 'duplicate_dismissed',
      what: 'The suspected duplicate pair',
      at: event.data.at,
    };
  if (!decision) return;
  if (!userId) {
    deps.logger.warn({ eventId: event.id, type: event.type }, 'a record decision without a user');
    return;
  }
  await appendRecordDecision(tx, event, { ...decision, userId }, deps.clock());
}

export const auditCursor = cursorCodec(z.strictObject({ at: z.string().datetime(), id: uuid() }));

/**
 * The ids whose trail a participant's trail shows (the route has checked role and gate): a person
 * linked in intake shows every record's to a supervisor who may see them all, else this record's.
 */
async function recordsOfTrail(
  deps: Pick<NotificationsDeps, 'pool' | 'clock'>,
  actor: Actor,
  participantId: string,
) {
  const records = await recordsListedTogether(deps.pool, actor, participantId, deps.clock());
  return [participantId, ...[...records.keys()].filter((id) => id !== participantId)];
}

/** A participant's trail (their person's), newest first. */
export async function listTrail(
  deps: Pick<NotificationsDeps, 'pool' | 'clock'>,
  actor: Actor,
  participantId: string,
  query: { limit: number; cursor?: string },
) {
  const after = auditCursor.decode(query.cursor);
  const ids = await recordsOfTrail(deps, actor, participantId);
  const rows = await trailOf(deps.pool, ids, after, query.limit + 1);
  return auditCursor.page(rows, query.limit, (r) => ({ at: r.at, id: r.id }));
}

/** "Who has seen my record" (every record of the person), for a participant's release request. */
export async function whoHasSeen(
  deps: Pick<NotificationsDeps, 'pool' | 'clock'>,
  actor: Actor,
  participantId: string,
) {
  return { items: await viewersOf(deps.pool, await recordsOfTrail(deps, actor, participantId)) };
}

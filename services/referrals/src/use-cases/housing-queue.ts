import { randomUUID } from 'node:crypto';
import { allowedParticipants } from '@hearth/access';
import type { Actor } from '@hearth/auth';
import { withTransaction } from '@hearth/db';
import { organizationToday } from '@hearth/directory';
import { QueueEntryAdded, QueueEntryRemoved } from '@hearth/events';
import {
  conflict,
  cursorCodec,
  invalidCursor,
  notFound,
  onUniqueViolation,
  unprocessable,
  uuid,
} from '@hearth/http';
import { sharingOf } from '@hearth/sharing';
import { daysBetween, dateOf } from '@hearth/time';
import { z } from 'zod';
import type { ReferralsDeps } from '../deps';
import { keysFit, type QueueOrdering } from '../domain/queue-order';
import { assessmentsOf } from '../store/assessments';
import {
  findEntry,
  findQueue,
  insertEntry,
  insertQueue,
  queuePage,
  setEntryStatus,
  type QueueEntry,
} from '../store/housing-queue';
import { announce } from './announce';

type Deps = Pick<ReferralsDeps, 'pool' | 'clock' | 'logger'>;

export const queueCursor = cursorCodec(
  z.strictObject({
    keys: z.array(z.union([z.number(), z.string().max(40)])).max(4),
    id: uuid(),
  }),
);

export const createQueue = (deps: Deps, body: { name: string; ordering: QueueOrdering }) =>
  insertQueue(deps.pool, { id: randomUUID(), ...body }, deps.clock());

/** An entry as answered: how many days homeless as of today (UTC), beside the date it began. */
const shown = (e: QueueEntry, today: string) => ({
  ...e,
  daysHomeless: daysBetween(e.homelessSince, today),
});

/**
 * A page of the queue in its configured order. The SQL selects only participants the actor may
 * read, so the page is full; each item still passes the access decision, the one rule.
 */
export async function listQueue(
  deps: Deps,
  actor: Actor,
  q: { queueId: string; limit: number; cursor?: string },
) {
  const queue = await findQueue(deps.pool, q.queueId);
  if (!queue) throw notFound('The housing queue');
  const after = queueCursor.decode(q.cursor);
  if (after && !keysFit(queue.ordering, after.keys)) throw invalidCursor();
  const now = deps.clock();
  const rows = await queuePage(deps.pool, queue, actor, now, { limit: q.limit + 1, after });
  const { items, nextCursor } = queueCursor.page(rows, q.limit, (r) => ({
    keys: r.sortKeys,
    id: r.id,
  }));
  const sharing = await sharingOf(
    deps.pool,
    items.map((e) => e.participantId),
  );
  const allowed = allowedParticipants(deps.pool, actor, sharing, 'read', now, deps.logger);
  const today = dateOf(now);
  return {
    items: items
      .filter((e) => allowed.has(e.participantId))
      .map(({ sortKeys: _keys, ...e }) => shown(e, today)),
    nextCursor,
  };
}

/**
 * Puts a participant (the route passed the gate) on a queue with their latest assessment's score,
 * with `referrals.queue-entry.added`. Once per queue while on it (the unique index: a 409).
 */
export async function addToQueue(
  deps: Deps,
  actor: Actor,
  body: {
    queueId: string;
    participantId: string;
    homelessSince: string;
    householdSize: number;
    needs: string[];
  },
) {
  const now = deps.clock();
  return withTransaction(deps.pool, async (tx) => {
    const today = await organizationToday(tx, actor.orgId, deps.clock);
    if (body.homelessSince > today)
      throw unprocessable('Homelessness cannot begin in the future.', [
        { field: 'homelessSince', message: 'After today' },
      ]);
    if (!(await findQueue(tx, body.queueId)))
      throw unprocessable('No such housing queue.', [{ field: 'queueId', message: 'Not found' }]);
    const [latest] = await assessmentsOf(tx, body.participantId, 1);
    if (!latest)
      throw unprocessable('Assess the participant before adding them to a queue.', [
        { field: 'participantId', message: 'No assessment recorded' },
      ]);
    const entry = await insertEntry(
      tx,
      { id: randomUUID(), ...body, assessmentId: latest.id, score: latest.score },
      actor,
      now,
    ).catch(
      onUniqueViolation(
        conflict('The participant is already on this queue.', [
          { field: 'participantId', message: 'Already on the queue' },
        ]),
      ),
    );
    await announce(tx, QueueEntryAdded, actor, entryFacts(entry), now);
    return shown(entry, today);
  });
}

export const entryFacts = (e: QueueEntry) => ({
  queueEntryId: e.id,
  queueId: e.queueId,
  participantId: e.participantId,
  score: e.score,
  householdSize: e.householdSize,
});

/**
 * Takes a waiting entry off its queue (housed elsewhere, moved away…), with its event. `gate`
 * decides on the entry's participant first: an entry of someone you may not see is not found.
 */
export async function removeFromQueue(
  deps: Deps,
  actor: Actor,
  id: string,
  reason: string,
  gate: (participantId: string) => Promise<unknown>,
) {
  const seen = await findEntry(deps.pool, id);
  if (!seen) throw notFound('The queue entry');
  await gate(seen.participantId);
  return withTransaction(deps.pool, async (tx) => {
    const entry = await findEntry(tx, id, { forUpdate: true });
    if (!entry) throw notFound('The queue entry');
    if (entry.status !== 'waiting')
      throw conflict(`The entry is ${entry.status}: only a waiting entry is removed.`, [
        { field: 'status', message: entry.status },
      ]);
    const now = deps.clock();
    await setEntryStatus(tx, id, 'removed', now, { removal: reason });
    await announce(tx, QueueEntryRemoved, actor, { ...entryFacts(entry), reason: 'removed' }, now);
    return shown({ ...entry, status: 'removed' }, dateOf(now));
  });
}

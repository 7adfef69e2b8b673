import type { Actor } from '@hearth/auth';
import { withTransaction } from '@hearth/db';
import { conflict, notFound } from '@hearth/http';
import { participantFor } from '../access';
import type { ReadDeps } from '../deps';
import { announceDismissal } from '../events/links';
import { orderedPair } from '../domain/duplicates';
import { dismissPair, lockPair } from '../store/duplicates';
import { recordHistory } from '../store/history';

/**
 * "Not the same person": the pair leaves the list for good. Needs the right to change both
 * records (a hidden one answers 404 and is audited by the gate); kept in each record's history
 * (who, when, why) and announced (ids only) for notifications' audit trail, in one transaction.
 */
export async function dismissDuplicate(
  deps: ReadDeps,
  actor: Actor,
  participantIds: [string, string],
  reason: string,
) {
  for (const id of participantIds) await participantFor(deps, actor, id, 'write');
  // lower case, as Postgres writes uuids: the order of the pair is then the database's
  const pair = orderedPair(participantIds[0].toLowerCase(), participantIds[1].toLowerCase());
  const now = deps.clock();
  await withTransaction(deps.pool, async (tx) => {
    const state = await lockPair(tx, pair);
    if (!state) throw notFound('The suspected duplicate');
    if (state === 'dismissed') throw conflict('This pair was dismissed already.');
    await dismissPair(tx, pair, actor, reason, now);
    await announceDismissal(tx, actor, pair, now);
    for (const [id, other] of [pair, [pair[1], pair[0]]])
      await recordHistory(tx, id, actor, [
        { field: 'duplicateDismissed', oldValue: null, newValue: { participantId: other, reason } },
      ]);
  });
  return {
    participantIds: pair,
    dismissedAt: now.toISOString(),
    dismissedBy: actor.userId,
    reason,
  };
}

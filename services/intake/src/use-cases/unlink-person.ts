import type { Actor } from '@hearth/auth';
import { withTransaction } from '@hearth/db';
import { PersonUnlinked } from '@hearth/events';
import { conflict, notFound } from '@hearth/http';
import { participantOrNull } from '../access';
import type { ReadDeps } from '../deps';
import { announceLink } from '../events/links';
import { recordHistory } from '../store/history';
import { endLink, findLink, lockLinks } from '../store/links';

/**
 * Undo: the two records are two persons again, exactly as they were (the link never changed
 * them; each service puts its records back under each id on intake.person.unlinked). In a chain
 * only this link ends: A–B, B–C without B–C is A, B one person and C its own. Needs the
 * right to change both records, as the link did; a link the actor may not see is a 404.
 */
export async function unlinkPerson(deps: ReadDeps, actor: Actor, linkId: string, reason: string) {
  const found = await findLink(deps.pool, linkId);
  if (!found) throw notFound('The link');
  for (const id of found.participantIds)
    if (!(await participantOrNull(deps, actor, id, 'write'))) throw notFound('The link');
  const now = deps.clock();
  return withTransaction(deps.pool, async (tx) => {
    await lockLinks(tx); // a link being made meanwhile sees the chain with this one ended, or waits
    const link = await findLink(tx, linkId, true);
    if (link!.unlinkedAt) throw conflict('This link was undone already.');
    const ended = await endLink(tx, linkId, actor, reason, now);
    for (const id of ended.participantIds)
      await recordHistory(tx, id, actor, [
        {
          field: 'personLink',
          oldValue: { linkId: ended.linkId, personId: ended.personId },
          newValue: null,
        },
      ]);
    await announceLink(tx, actor, PersonUnlinked, ended);
    return ended;
  });
}

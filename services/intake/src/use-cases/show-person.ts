import type { Actor } from '@hearth/auth';
import { notFound } from '@hearth/http';
import { participantFor, participantOrNull } from '../access';
import type { ReadDeps } from '../deps';
import { activeLinkOf } from '../store/links';

/**
 * The person a record belongs to: itself when unlinked; else the link's surviving identity and
 * both ids, so an old id answers pointing to the person. The stricter sharing applies to the
 * person: an actor who may not see every record of it sees the record alone, as before the link,
 * never the other id.
 */
export async function showPerson(deps: ReadDeps, actor: Actor, participantId: string) {
  const record = await participantFor(deps, actor, participantId, 'read');
  const link = await activeLinkOf(deps.pool, participantId);
  const alone = { personId: record.id, participantIds: [record.id], link: null, identity: record };
  if (!link) return alone;
  const others = link.participantIds.filter((id) => id !== participantId);
  for (const id of others) if (!(await participantOrNull(deps, actor, id, 'read'))) return alone;
  const identity =
    link.survivingParticipantId === record.id
      ? record
      : await participantOrNull(deps, actor, link.survivingParticipantId, 'read');
  if (!identity) throw notFound('The participant');
  return { personId: link.personId, participantIds: link.participantIds, link, identity };
}

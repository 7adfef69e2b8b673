import type { Actor } from '@hearth/auth';
import { notFound } from '@hearth/http';
import { participantFor, participantOrNull } from '../access';
import type { ReadDeps } from '../deps';
import { activeLinksAmong, recordsOfPerson } from '../store/links';

/**
 * The person a record belongs to: itself when unlinked; else every record its links reach (a
 * chain A–B, B–C is one person) under the identity chosen by its newest link, so an old id
 * answers pointing to the person. The stricter sharing applies to the person: an actor who may
 * not see every record of it sees the record alone, as before the link, never another id.
 */
export async function showPerson(deps: ReadDeps, actor: Actor, participantId: string) {
  const record = await participantFor(deps, actor, participantId, 'read');
  const alone = {
    personId: record.id,
    participantIds: [record.id],
    link: null,
    links: [],
    identity: record,
  };
  const records = await recordsOfPerson(deps.pool, record.id);
  if (records.length === 1) return alone;
  for (const id of records)
    if (id !== record.id && !(await participantOrNull(deps, actor, id, 'read'))) return alone;
  const links = await activeLinksAmong(deps.pool, records);
  const newest = links[links.length - 1]!;
  const identity =
    newest.survivingParticipantId === record.id
      ? record
      : await participantOrNull(deps, actor, newest.survivingParticipantId, 'read');
  if (!identity) throw notFound('The participant');
  // the identity first, then each record in the order it joined the person
  const participantIds = [
    ...new Set([newest.survivingParticipantId, ...links.flatMap((l) => l.participantIds)]),
  ];
  return { personId: newest.personId, participantIds, link: newest, links, identity };
}

import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { withTransaction, type Queryable } from '@hearth/db';
import { PersonLinked } from '@hearth/events';
import { conflict, unprocessable } from '@hearth/http';
import { participantFor } from '../access';
import type { ReadDeps } from '../deps';
import { announceLink } from '../events/links';
import { recordHistory } from '../store/history';
import { insertLink, lockLinks, recordsOfPerson } from '../store/links';

export interface LinkRequest {
  participantIds: [string, string];
  survivingParticipantId: string;
  reason: string;
}

/**
 * Two records become one person without either changing: the surviving record's identity is the
 * person's, both ids stay valid. Needs the right to change both (a record the actor's organization
 * may not see answers 404, audited by the gate, exactly as an unknown id), so no one links what
 * they could not see. A record of a person already (linked to others) brings its whole chain: C
 * linked to B when A–B are linked makes A, B, C one person, which needs the right to change A too.
 * Who, when and why go into the link and each record's history; the event in
 * the same transaction.
 */
export async function linkPerson(deps: ReadDeps, actor: Actor, asked: LinkRequest) {
  // ids as Postgres writes them, so the same record in capitals is still the same record
  const request = {
    ...asked,
    participantIds: asked.participantIds.map((id) => id.toLowerCase()) as [string, string],
    survivingParticipantId: asked.survivingParticipantId.toLowerCase(),
  };
  const [first, second] = request.participantIds;
  if (first === second)
    throw unprocessable('A record cannot be linked to itself.', [
      { field: 'participantIds.1', message: 'Another participant than the first' },
    ]);
  if (!request.participantIds.includes(request.survivingParticipantId))
    throw unprocessable('The surviving identity must be one of the two records.', [
      { field: 'survivingParticipantId', message: 'One of participantIds' },
    ]);
  for (const id of request.participantIds) await participantFor(deps, actor, id, 'write');
  const linkedId = first === request.survivingParticipantId ? second : first;
  const now = deps.clock();
  return withTransaction(deps.pool, async (tx) => {
    await lockLinks(tx);
    const [persons, others] = await personsToJoin(tx, request.participantIds);
    if (persons[0]!.includes(second))
      throw conflict('These records are one person already.', [
        { field: 'participantIds', message: 'Already one person' },
      ]);
    // joining two persons is a decision about every record of both: a record the actor may not
    // change answers 404 (audited by the gate), as an unknown id would
    for (const id of others) await participantFor(deps, actor, id, 'write');
    return recordLink(
      tx,
      actor,
      { survivingId: request.survivingParticipantId, linkedId, reason: request.reason },
      now,
    );
  });
}

/**
 * The link, each record's history and the event, in `tx`, once the actor's right to the records
 * was checked: a worker's link, or an HMIS import's client linked to the record already here.
 * Links are written under the links lock (another link at once waits for this one).
 */
export async function recordLink(
  tx: Queryable,
  actor: Actor,
  asked: { survivingId: string; linkedId: string; reason: string },
  now: Date,
) {
  await lockLinks(tx);
  const link = await insertLink(tx, { id: randomUUID(), ...asked }, actor, now);
  for (const id of link.participantIds)
    await recordHistory(tx, id, actor, [
      {
        field: 'personLink',
        oldValue: null,
        newValue: { linkId: link.linkId, personId: link.personId, reason: link.reason },
      },
    ]);
  await announceLink(tx, actor, PersonLinked, link);
  return link;
}

/** The persons of both records, and their records other than the two asked. */
async function personsToJoin(tx: Queryable, pair: [string, string]) {
  const persons = [await recordsOfPerson(tx, pair[0]), await recordsOfPerson(tx, pair[1])];
  const others = [...new Set(persons.flat())].filter((id) => !pair.includes(id)).sort();
  return [persons, others] as const;
}

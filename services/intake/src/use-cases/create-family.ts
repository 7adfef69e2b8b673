import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Actor } from '@hearth/auth';
import { dateOf } from '@hearth/time';
import { participantFor } from '../access';
import type { IntakeDeps } from '../deps';
import { HEAD, checkNewFamily, familyView, type newFamily } from '../domain/families';
import type { ParticipantView } from '../domain/participant';
import { announceFamily } from '../events/families';
import { hasCurrentFamily, insertFamily, insertMember } from '../store/families';
import { changeFamilies } from './family-changes';
import { refuseIf } from './refuse';

/** A new family of participants the actor may all change: its head and its members. */
export async function createFamily(
  deps: IntakeDeps,
  actor: Actor,
  body: z.infer<typeof newFamily>,
) {
  refuseIf(checkNewFamily(body));
  const today = dateOf(deps.clock());
  const wanted = [{ participantId: body.headParticipantId, relationship: HEAD }, ...body.members];
  const people = new Map<string, ParticipantView>();
  for (const m of wanted)
    people.set(m.participantId, await participantFor(deps, actor, m.participantId, 'write'));
  return changeFamilies(deps.pool, async (tx) => {
    const created = await insertFamily(tx, randomUUID(), actor.orgId);
    for (const m of wanted) {
      // someone already current elsewhere (a child living in two households) keeps that family
      const isCurrentFamily = !(await hasCurrentFamily(tx, m.participantId));
      await insertMember(tx, { familyId: created.id, joinedOn: today, isCurrentFamily, ...m });
    }
    return familyView(created, await announceFamily(tx, actor, created.id, []), people);
  });
}

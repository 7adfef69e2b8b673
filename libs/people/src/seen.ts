import { canSeeParticipant, type Actor, type ParticipantSharing } from '@hearth/access';
import type { Queryable } from '@hearth/db';
import { sharingOf } from '@hearth/sharing';
import { participantIdsOfPerson } from './people';

/**
 * The records whose rows a participant's lists show to `actor` (call it after the participant
 * gate), each with its own sharing (every row is still decided by its record's): all the records
 * of the person when the actor may see every one of them (the stricter sharing of the two applies
 * to the person), else this record alone, as before the link. Sharing from libs/sharing.
 */
export async function recordsListedTogether(
  db: Queryable,
  actor: Actor,
  participantId: string,
  now: Date,
): Promise<Map<string, ParticipantSharing>> {
  const ids = await participantIdsOfPerson(db, participantId);
  const sharing = await sharingOf(db, ids);
  const seesPerson = ids.every((id) => {
    const known = sharing.get(id);
    return known !== undefined && canSeeParticipant(actor, known, now).allowed;
  });
  const listed = seesPerson ? ids : [ids[0]!];
  return new Map(
    listed.flatMap((id) => {
      const known = sharing.get(id);
      return known ? [[id, known] as const] : [];
    }),
  );
}

import type { Actor } from '@hearth/auth';
import { participantOrNull } from '../access';
import type { ReadDeps } from '../deps';
import type { ParticipantView } from '../domain/participant';
import { familyHistoryOf } from '../store/families';

/**
 * A visible participant's family history (gated by the route): every family they were in, with its
 * present head when the actor may see that head.
 */
export async function showFamilyHistory(deps: ReadDeps, actor: Actor, participantId: string) {
  const stays = await familyHistoryOf(deps.pool, participantId);
  const heads = new Map<string, ParticipantView | null>();
  for (const headId of new Set(stays.map((s) => s.headParticipantId)))
    if (headId) heads.set(headId, await participantOrNull(deps, actor, headId, 'read'));
  return {
    items: stays.map(({ headParticipantId, ...stay }) => {
      const head = headParticipantId ? heads.get(headParticipantId) : null;
      return {
        ...stay,
        head: head
          ? { participantId: head.id, firstName: head.firstName, lastName: head.lastName }
          : null,
      };
    }),
  };
}

import type { Actor } from '@hearth/auth';
import { withTransaction } from '@hearth/db';
import type { securityRestrictions } from '@hearth/events';
import type { IntakeDeps } from '../deps';
import type { ParticipantView } from '../domain/participant';
import { announceSharing } from '../events/sharing';
import { recordHistory } from '../store/history';
import { setRestriction } from '../store/releases';

/** Set the security restriction of a participant the actor's organization owns (gated by the route). */
export async function changeRestriction(
  deps: Pick<IntakeDeps, 'pool'>,
  actor: Actor,
  participant: ParticipantView,
  securityRestriction: (typeof securityRestrictions)[number],
) {
  // the same restriction again changes nothing, so nothing is recorded or announced
  if (participant.securityRestriction !== securityRestriction) {
    await withTransaction(deps.pool, async (tx) => {
      await setRestriction(tx, participant.id, securityRestriction);
      await recordHistory(tx, participant.id, actor, [
        {
          field: 'securityRestriction',
          oldValue: participant.securityRestriction,
          newValue: securityRestriction,
        },
      ]);
      await announceSharing(tx, participant.id, actor);
    });
  }
  return { participantId: participant.id, securityRestriction };
}

import { participantGate } from '@hearth/access';
import { sharingOf } from '@hearth/sharing';

/**
 * Every participant-scoped route goes through this gate: the sharing facts kept from intake's
 * events decide (libs/access); a denied read answers 404 exactly like an unknown participant and is
 * audited. A participant whose sharing has not arrived is unknown here: never fail open. Call it
 * with the pool, never a transaction's client (the denial is written after the answer).
 */
export const participantFor = participantGate(async (db, participantId) => {
  const sharing = (await sharingOf(db, [participantId])).get(participantId);
  return sharing && { participantId, sharing };
});

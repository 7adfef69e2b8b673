import { participantGate } from '@hearth/access';
import { sharingOf } from '@hearth/sharing';

/**
 * The participant's own sharing decides whether their audit trail may be read here, as it decides
 * any other of their records (a denial answers 404 and is itself audited). Call it with the pool.
 */
export const participantFor = participantGate(async (db, participantId) => {
  const sharing = (await sharingOf(db, [participantId])).get(participantId);
  return sharing && { participantId, sharing };
});

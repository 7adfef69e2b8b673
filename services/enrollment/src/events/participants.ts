import type { ConsumerOptions } from '@hearth/bus';
import {
  ParticipantCreated,
  ParticipantUpdated,
  ReleaseGranted,
  ReleaseRevoked,
  SharingChanged,
  isEvent,
} from '@hearth/events';
import { changeSharing, saveParticipantFacts } from '../store/participant-facts';
import { saveRelease } from '../store/releases';

/**
 * Keeps enrollment's participant read model in step with intake: the facts eligibility rules need,
 * and the sharing (owner, restriction, releases) the access rules need. Each event carries a full
 * snapshot of what it describes, stamped with its time, so out-of-order delivery is harmless.
 */
export const participantFactsConsumer: ConsumerOptions = {
  queue: 'enrollment.participant-facts',
  eventTypes: [
    ParticipantCreated.type,
    ParticipantUpdated.type,
    SharingChanged.type,
    ReleaseGranted.type,
    ReleaseRevoked.type,
  ],
  handle: async (event, tx) => {
    if (isEvent(event, ParticipantCreated) || isEvent(event, ParticipantUpdated))
      await saveParticipantFacts(tx, event.data, event.occurredAt);
    if (isEvent(event, SharingChanged) && !(await changeSharing(tx, event.data, event.occurredAt)))
      // Overtook the participant's creation: fail, so the retry finds the participant here.
      throw new Error(`sharing change for participant ${event.data.participantId} not yet known`);
    if (isEvent(event, ReleaseGranted) || isEvent(event, ReleaseRevoked))
      await saveRelease(tx, event.data, event.occurredAt);
  },
};

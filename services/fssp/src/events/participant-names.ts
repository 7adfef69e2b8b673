import type { ConsumerOptions } from '@hearth/bus';
import { ParticipantCreated, ParticipantUpdated, isEvent } from '@hearth/events';
import { saveParticipantName } from '../store/participant-names';

/**
 * Participants' names from intake's full snapshots, for the print (the head's and members' names);
 * stamped with the event's time, so a late older snapshot is ignored.
 */
export const participantNamesConsumer: ConsumerOptions = {
  queue: 'fssp.participant-names',
  eventTypes: [ParticipantCreated.type, ParticipantUpdated.type],
  handle: async (event, tx) => {
    if (isEvent(event, ParticipantCreated) || isEvent(event, ParticipantUpdated))
      await saveParticipantName(tx, event.data, event.occurredAt);
  },
};

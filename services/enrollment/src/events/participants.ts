import type { ConsumerOptions } from '@hearth/bus';
import { ParticipantCreated, isEvent } from '@hearth/events';
import { saveParticipantFacts } from '../store/participant-facts';

/** Keeps enrollment's participant read model in step with intake. */
export const participantFactsConsumer: ConsumerOptions = {
  queue: 'enrollment.participant-facts',
  eventTypes: [ParticipantCreated.type],
  handle: async (event, tx) => {
    if (isEvent(event, ParticipantCreated))
      await saveParticipantFacts(tx, event.data, event.occurredAt);
  },
};

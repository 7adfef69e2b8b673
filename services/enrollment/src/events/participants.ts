import type { ConsumerOptions } from '@hearth/bus';
import { ParticipantCreated, ParticipantUpdated, isEvent } from '@hearth/events';
import { saveParticipantFacts } from '../store/participant-facts';

/**
 * Keeps enrollment's participant read model in step with intake: the facts eligibility rules need.
 * Each event carries a full snapshot stamped with its time, so out-of-order delivery is harmless.
 * Who may see the participant comes separately, from the shared sharing-facts consumer.
 */
export const participantFactsConsumer: ConsumerOptions = {
  queue: 'enrollment.participant-facts',
  eventTypes: [ParticipantCreated.type, ParticipantUpdated.type],
  handle: async (event, tx) => {
    if (isEvent(event, ParticipantCreated) || isEvent(event, ParticipantUpdated))
      await saveParticipantFacts(tx, event.data, event.occurredAt);
  },
};

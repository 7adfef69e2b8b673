import type { ConsumerOptions } from '@hearth/bus';
import { HmisClientMatched, isEvent } from '@hearth/events';
import { recordIntakeOutcome } from '../store/imported-clients-in-intake';

/**
 * Intake's answer to an imported client (taken in, linked, not taken in), recorded beside the
 * row. Not journaled: imported rows are not the event-fed read model, a rebuild never empties
 * them, so there is nothing to replay.
 */
export function hmisClientsMatchedConsumer(queue: string): ConsumerOptions {
  return {
    queue,
    eventTypes: [HmisClientMatched.type],
    handle: async (event, tx) => {
      if (isEvent(event, HmisClientMatched)) await recordIntakeOutcome(tx, event.orgId, event.data);
    },
  };
}

import type { ConsumerOptions } from '@hearth/bus';
import { PersonLinked, PersonUnlinked, isEvent } from '@hearth/events';
import { applyLink, applyUnlink } from './people';

/**
 * The consumer a service mounts to follow intake's links of records as one person, under its own
 * queue (`<service>.people`). Any delivery order ends in intake's state: an undo wins over its link.
 */
export function peopleConsumer(queue: string): ConsumerOptions {
  return {
    queue,
    eventTypes: [PersonLinked.type, PersonUnlinked.type],
    handle: async (event, tx) => {
      if (isEvent(event, PersonLinked)) await applyLink(tx, event.data);
      else if (isEvent(event, PersonUnlinked)) await applyUnlink(tx, event.data);
    },
  };
}

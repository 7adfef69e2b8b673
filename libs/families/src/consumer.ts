import type { ConsumerOptions } from '@hearth/bus';
import { FamilyChanged, isEvent } from '@hearth/events';
import { applyFamily } from './families';

/**
 * The consumer a service mounts to keep intake's families, under its own queue
 * (`<service>.families`). Each event is the family's whole snapshot, so applying the newest one
 * ends in intake's state whatever the delivery order.
 */
export function familyFactsConsumer(queue: string): ConsumerOptions {
  return {
    queue,
    eventTypes: [FamilyChanged.type],
    handle: async (event, tx) => {
      if (isEvent(event, FamilyChanged)) await applyFamily(tx, event.data, event.occurredAt);
    },
  };
}

import type { ConsumerOptions } from '@hearth/bus';
import { FamilyChanged, isEvent } from '@hearth/events';
import { saveHousehold } from '../store/households';

/** Households from intake: whom a family service reaches among an enrollment's members. */
export const householdsConsumer: ConsumerOptions = {
  queue: 'services.households',
  eventTypes: [FamilyChanged.type],
  handle: async (event, tx) => {
    if (isEvent(event, FamilyChanged)) await saveHousehold(tx, event.data, event.occurredAt);
  },
};

import type { ConsumerOptions } from '@hearth/bus';
import { FamilyChanged, isEvent } from '@hearth/events';
import { saveFamily } from '../store/families';

/** Families from intake: who may join an enrollment, and whose eligibility /eligibility lists. */
export const familiesConsumer: ConsumerOptions = {
  queue: 'enrollment.families',
  eventTypes: [FamilyChanged.type],
  handle: async (event, tx) => {
    if (isEvent(event, FamilyChanged)) await saveFamily(tx, event.data, event.occurredAt);
  },
};

import type { ConsumerOptions } from '@hearth/bus';
import { ServiceRecorded, isEvent } from '@hearth/events';
import type { Logger } from '@hearth/logging';
import { recordService } from '../participation';

/** Services recorded by the services service: participation and the auto-exit clock. */
export const servicesConsumer = (logger: Logger): ConsumerOptions => ({
  queue: 'enrollment.services',
  eventTypes: [ServiceRecorded.type],
  handle: async (event, tx) => {
    if (isEvent(event, ServiceRecorded)) await recordService(tx, event, logger);
  },
});

import type { ConsumerOptions } from '@hearth/bus';
import { ServiceRecorded, isEvent } from '@hearth/events';
import type { EnrollmentDeps } from '../deps';
import { recordParticipation } from '../use-cases/record-participation';

/** Services recorded by the services service: participation and the auto-exit clock. */
export const servicesConsumer = (deps: EnrollmentDeps): ConsumerOptions => ({
  queue: 'enrollment.services',
  eventTypes: [ServiceRecorded.type],
  handle: async (event, tx) => {
    if (isEvent(event, ServiceRecorded)) await recordParticipation(deps, tx, event);
  },
});

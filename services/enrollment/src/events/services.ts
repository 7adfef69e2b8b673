import type { ConsumerOptions } from '@hearth/bus';
import { ServiceDeleted, ServiceRecorded, ServiceUpdated, isEvent } from '@hearth/events';
import type { EnrollmentDeps } from '../deps';
import { recordParticipation, rederiveParticipation } from '../use-cases/service-dates';

/** Services recorded, edited and deleted by the services service: participation and auto exit. */
export const servicesConsumer = (deps: EnrollmentDeps): ConsumerOptions => ({
  queue: 'enrollment.services',
  eventTypes: [ServiceRecorded.type, ServiceUpdated.type, ServiceDeleted.type],
  handle: async (event, tx) => {
    if (isEvent(event, ServiceRecorded)) await recordParticipation(deps, tx, event);
    else if (isEvent(event, ServiceUpdated)) await rederiveParticipation(deps, tx, event, false);
    else if (isEvent(event, ServiceDeleted)) await rederiveParticipation(deps, tx, event, true);
  },
});

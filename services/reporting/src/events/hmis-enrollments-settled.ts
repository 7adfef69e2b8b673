import type { ConsumerOptions } from '@hearth/bus';
import {
  HmisEnrollmentSettled,
  HmisEnrollmentSettledV1,
  HmisExitSettled,
  HmisServiceSettled,
  isEvent,
} from '@hearth/events';
import { recordEnrollmentOutcome } from '../store/imported-enrollments-in-enrollment';
import { recordServiceOutcome } from '../store/imported-services-in-services';
import { recordLaterExitOutcome } from '../store/later-exits-in-enrollment';

/**
 * Enrollment's answer to an imported enrollment (recorded, refused and why; v1 is read for what
 * an outbox may still hold of it) and to a later import's exit, kept beside the import. Not journaled, as intake's answers
 * are not: imported rows are not the event-fed read model, a rebuild never empties them.
 */
export function hmisEnrollmentsSettledConsumer(queue: string): ConsumerOptions {
  return {
    queue,
    eventTypes: [HmisEnrollmentSettled.type, HmisExitSettled.type],
    handle: async (event, tx) => {
      if (isEvent(event, HmisEnrollmentSettled)) {
        const { data } = event;
        await recordEnrollmentOutcome(tx, event.orgId, {
          ...data,
          recordedAs: data.outcome === 'recorded' ? data.recordedAs : null,
          reason: data.outcome === 'refused' ? data.reason : null,
        });
      } else if (isEvent(event, HmisEnrollmentSettledV1))
        await recordEnrollmentOutcome(tx, event.orgId, event.data);
      else if (isEvent(event, HmisExitSettled))
        await recordLaterExitOutcome(tx, event.orgId, event.data);
    },
  };
}

/** The services service's answer to an imported service, kept beside the import (not journaled). */
export function hmisServicesSettledConsumer(queue: string): ConsumerOptions {
  return {
    queue,
    eventTypes: [HmisServiceSettled.type],
    handle: async (event, tx) => {
      if (isEvent(event, HmisServiceSettled))
        await recordServiceOutcome(tx, event.orgId, event.data);
    },
  };
}

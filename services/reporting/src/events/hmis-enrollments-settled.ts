import type { ConsumerOptions } from '@hearth/bus';
import { HmisEnrollmentSettled, isEvent } from '@hearth/events';
import { recordEnrollmentOutcome } from '../store/imported-enrollments-in-enrollment';

/**
 * Enrollment's answer to an imported enrollment (recorded, refused and why), kept beside the
 * import. Not journaled, as intake's answers are not: imported rows are not the event-fed read
 * model, a rebuild never empties them.
 */
export function hmisEnrollmentsSettledConsumer(queue: string): ConsumerOptions {
  return {
    queue,
    eventTypes: [HmisEnrollmentSettled.type],
    handle: async (event, tx) => {
      if (isEvent(event, HmisEnrollmentSettled))
        await recordEnrollmentOutcome(tx, event.orgId, event.data);
    },
  };
}

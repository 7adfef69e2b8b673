import type { ConsumerOptions } from '@hearth/bus';
import {
  EnrollmentCreated,
  EnrollmentExited,
  EnrollmentMemberAdded,
  EnrollmentMemberRemoved,
  EnrollmentUpdated,
  isEvent,
} from '@hearth/events';
import { addMember, recordExit, removeMember, saveEnrollmentSnapshot } from '../store/enrollments';

/**
 * Enrollment's read model: which participants an enrollment covers and the dates it is active,
 * so a service record can be checked against it. The runtime records each processed event in the
 * transaction of its effect, so a redelivered event changes nothing.
 */
export const enrollmentsConsumer: ConsumerOptions = {
  queue: 'services.enrollments',
  eventTypes: [
    EnrollmentCreated.type,
    EnrollmentUpdated.type,
    EnrollmentExited.type,
    EnrollmentMemberAdded.type,
    EnrollmentMemberRemoved.type,
  ],
  handle: async (event, tx) => {
    if (isEvent(event, EnrollmentCreated) || isEvent(event, EnrollmentUpdated))
      await saveEnrollmentSnapshot(tx, event.data, event.occurredAt);
    else if (isEvent(event, EnrollmentExited))
      await recordExit(tx, event.data.enrollmentId, event.data.exitDate);
    else if (isEvent(event, EnrollmentMemberAdded))
      await addMember(tx, event.data.enrollmentId, event.data.participantId);
    else if (isEvent(event, EnrollmentMemberRemoved))
      await removeMember(tx, event.data.enrollmentId, event.data.participantId);
  },
};

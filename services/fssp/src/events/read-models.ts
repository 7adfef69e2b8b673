import type { ConsumerOptions } from '@hearth/bus';
import {
  CaseNoteAdded,
  CaseNoteDeleted,
  EnrollmentCreated,
  EnrollmentExited,
  EnrollmentMemberAdded,
  EnrollmentMemberRemoved,
  EnrollmentUpdated,
  isEvent,
} from '@hearth/events';
import { saveCaseNote } from '../store/case-notes';
import {
  addEnrollmentMember,
  recordEnrollmentExit,
  removeEnrollmentMember,
  saveEnrollment,
} from '../store/enrollments';

/**
 * Enrollment's events, as far as a plan needs them: who an enrollment covers and whether it is
 * active (the head's and each member's associated enrollment). Smaller than services' model,
 * which also keeps programs and statuses for its rules; redelivered events change nothing.
 */
export const enrollmentsConsumer: ConsumerOptions = {
  queue: 'fssp.enrollments',
  eventTypes: [
    EnrollmentCreated.type,
    EnrollmentUpdated.type,
    EnrollmentExited.type,
    EnrollmentMemberAdded.type,
    EnrollmentMemberRemoved.type,
  ],
  handle: async (event, tx) => {
    if (isEvent(event, EnrollmentCreated) || isEvent(event, EnrollmentUpdated))
      await saveEnrollment(tx, event.data, event.occurredAt);
    else if (isEvent(event, EnrollmentExited))
      await recordEnrollmentExit(tx, event.data.enrollmentId, event.data.exitDate);
    else if (isEvent(event, EnrollmentMemberAdded))
      await addEnrollmentMember(tx, event.data.enrollmentId, event.data.participantId);
    else if (isEvent(event, EnrollmentMemberRemoved))
      await removeEnrollmentMember(tx, event.data.enrollmentId, event.data.participantId);
  },
};

/** Case notes' ids, owners and deletion: an exclusion must name a live note of that member. */
export const caseNotesConsumer: ConsumerOptions = {
  queue: 'fssp.case-notes',
  eventTypes: [CaseNoteAdded.type, CaseNoteDeleted.type],
  handle: async (event, tx) => {
    if (isEvent(event, CaseNoteAdded)) await saveCaseNote(tx, event.data, false);
    else if (isEvent(event, CaseNoteDeleted)) await saveCaseNote(tx, event.data, true);
  },
};

import type { ConsumerOptions } from '@hearth/bus';
import {
  EnrollmentCreated,
  EnrollmentExited,
  EnrollmentUpdated,
  HmisAssessmentRecorded,
  HmisAssessmentUpdated,
  ParticipantCreated,
  ParticipantUpdated,
  ServiceDeleted,
  ServiceRecorded,
  ServiceUpdated,
  isEvent,
} from '@hearth/events';
import {
  applyAssessment,
  applyClient,
  applyEnrollment,
  applyExit,
  applyService,
} from '../store/read-model';

/**
 * The HMIS read model's own consumer: participants, enrollments, exits, services and HUD
 * assessments, each event a whole snapshot applied when newer (store/read-model.ts).
 */
export function readModelConsumer(queue: string): ConsumerOptions {
  return {
    queue,
    eventTypes: [
      ParticipantCreated.type,
      ParticipantUpdated.type,
      EnrollmentCreated.type,
      EnrollmentUpdated.type,
      EnrollmentExited.type,
      ServiceRecorded.type,
      ServiceUpdated.type,
      ServiceDeleted.type,
      HmisAssessmentRecorded.type,
      HmisAssessmentUpdated.type,
    ],
    handle: async (event, tx) => {
      if (isEvent(event, ParticipantCreated) || isEvent(event, ParticipantUpdated))
        await applyClient(tx, event.data, event);
      else if (isEvent(event, EnrollmentCreated) || isEvent(event, EnrollmentUpdated))
        await applyEnrollment(tx, event.data, event);
      else if (isEvent(event, EnrollmentExited)) await applyExit(tx, event.data, event);
      else if (isEvent(event, ServiceRecorded))
        await applyService(tx, { ...event.data, version: 1 }, false, event);
      else if (isEvent(event, ServiceUpdated)) await applyService(tx, event.data, false, event);
      else if (isEvent(event, ServiceDeleted)) await applyService(tx, event.data, true, event);
      else if (isEvent(event, HmisAssessmentRecorded) || isEvent(event, HmisAssessmentUpdated))
        await applyAssessment(tx, event.data, event);
    },
  };
}

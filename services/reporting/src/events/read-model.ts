import type { ConsumerOptions } from '@hearth/bus';
import {
  EnrollmentCreated,
  EnrollmentExited,
  EnrollmentUpdated,
  HmisAssessmentRecorded,
  HmisAssessmentUpdated,
  ParticipantCreated,
  ParticipantUpdated,
  ProgramCreated,
  ProgramUpdated,
  ServiceDeleted,
  ServiceRecorded,
  ServiceUpdated,
  OrganizationCreated,
  OrganizationUpdated,
  UserCreated,
  UserUpdated,
  isEvent,
} from '@hearth/events';
import {
  applyAssessment,
  applyClient,
  applyEnrollment,
  applyExit,
  applyService,
  stampDirectory,
} from '../store/read-model';
import { applyProject } from '../store/read-model-projects';

/**
 * The HMIS read model's own consumer: participants, enrollments, exits, services and HUD
 * assessments, each event a whole snapshot applied when newer (store/read-model.ts), and the
 * dates of identity's organizations and users.
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
      ProgramCreated.type,
      ProgramUpdated.type,
      ServiceRecorded.type,
      ServiceUpdated.type,
      ServiceDeleted.type,
      HmisAssessmentRecorded.type,
      HmisAssessmentUpdated.type,
      OrganizationCreated.type,
      OrganizationUpdated.type,
      UserCreated.type,
      UserUpdated.type,
    ],
    handle: async (event, tx) => {
      if (isEvent(event, ParticipantCreated) || isEvent(event, ParticipantUpdated))
        await applyClient(tx, event.data, event);
      else if (isEvent(event, EnrollmentCreated) || isEvent(event, EnrollmentUpdated))
        await applyEnrollment(tx, event.data, event);
      else if (isEvent(event, EnrollmentExited)) await applyExit(tx, event.data, event);
      else if (isEvent(event, ProgramCreated) || isEvent(event, ProgramUpdated))
        await applyProject(tx, event.data, event);
      else if (isEvent(event, ServiceRecorded))
        await applyService(tx, { ...event.data, version: 1 }, false, event);
      else if (isEvent(event, ServiceUpdated)) await applyService(tx, event.data, false, event);
      else if (isEvent(event, ServiceDeleted)) await applyService(tx, event.data, true, event);
      else if (isEvent(event, HmisAssessmentRecorded) || isEvent(event, HmisAssessmentUpdated))
        await applyAssessment(tx, event.data, event);
      // the facts themselves are libs/directory's (reporting.directory): only their dates here
      else if (isEvent(event, OrganizationCreated) || isEvent(event, OrganizationUpdated))
        await stampDirectory(tx, 'organization', event.data.organizationId, event);
      else if (isEvent(event, UserCreated) || isEvent(event, UserUpdated))
        await stampDirectory(tx, 'user', event.data.userId, event);
    },
  };
}

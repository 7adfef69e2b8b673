import type { ConsumerOptions } from '@hearth/bus';
import { MasterAssessmentCompleted, isEvent } from '@hearth/events';
import type { EnrollmentDeps } from '../deps';
import { recordMasterAssessment } from '../use-cases/record-master-assessment';

/** Intake's finished master assessments: each member's project-start assessment. */
export const masterAssessmentsConsumer = (deps: EnrollmentDeps): ConsumerOptions => ({
  queue: 'enrollment.master-assessments',
  eventTypes: [MasterAssessmentCompleted.type],
  handle: async (event, tx) => {
    if (isEvent(event, MasterAssessmentCompleted)) await recordMasterAssessment(deps, tx, event);
  },
});

import type { WorkflowType } from '@hearth/workflows';
import type { ReadDeps } from '../deps';
import { intakeAssessment } from './intake-assessment';
import { finishMasterAssessment } from './master-assessment';

/**
 * The workflow types intake offers under /workflows; their rules live here, beside intake's.
 * Finishing an intake announces its master assessment (when the step was saved).
 */
export const intakeWorkflowTypes = (deps: ReadDeps): WorkflowType[] => [
  { ...intakeAssessment, finish: finishMasterAssessment(deps) },
];
export { intakeAssessment };

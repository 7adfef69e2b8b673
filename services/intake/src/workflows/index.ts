import { intakeAssessment } from './intake-assessment';

/** The workflow types intake offers under /workflows; their rules live here, beside intake's. */
export const INTAKE_WORKFLOW_TYPES = [intakeAssessment] as const;
export { intakeAssessment };

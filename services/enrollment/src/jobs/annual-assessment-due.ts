import type { ScheduledJob } from '@hearth/runtime';
import type { EnrollmentDeps } from '../deps';
import { announceAnnualAssessmentsDue } from '../use-cases/announce-annual-assessments-due';

/** The "annual assessment due" announcement on the shared singleton job, "now" from ctx.clock. */
export const annualAssessmentDueJob = (everyMs: number): ScheduledJob<EnrollmentDeps> => ({
  name: 'annual-assessment-due',
  everyMs,
  run: async (deps) => {
    const announced = await announceAnnualAssessmentsDue(deps);
    if (announced > 0) deps.logger.info({ announced }, 'annual assessments due announced');
  },
});

import type { ScheduledJob } from '@hearth/runtime';
import type { EnrollmentDeps } from '../deps';
import { autoExitIdleEnrollments } from '../use-cases/auto-exit-idle-enrollments';

/** Auto exit on the shared singleton job: one pass every `everyMs`, one instance at a time. */
export const autoExitJob = (everyMs: number): ScheduledJob<EnrollmentDeps> => ({
  name: 'auto-exit',
  everyMs,
  run: async (deps) => {
    const exited = await autoExitIdleEnrollments(deps);
    if (exited > 0) deps.logger.info({ exited }, 'auto exit: idle enrollments exited');
  },
});

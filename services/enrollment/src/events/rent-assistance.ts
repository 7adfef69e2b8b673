import type { ConsumerOptions } from '@hearth/bus';
import { RentAssistancePreProgramExited, isEvent } from '@hearth/events';
import type { EnrollmentDeps } from '../deps';
import { applyPreProgramExit } from '../use-cases/pre-program-exit';

/** The hub's decisions on a Rent Assistance record (rent-assistance): its pre-program exit. */
export const rentAssistanceConsumer = (deps: EnrollmentDeps): ConsumerOptions => ({
  queue: 'enrollment.rent-assistance',
  eventTypes: [RentAssistancePreProgramExited.type],
  handle: async (event, tx) => {
    if (isEvent(event, RentAssistancePreProgramExited)) await applyPreProgramExit(deps, tx, event);
  },
});

import type { ScheduledJob } from '@hearth/runtime';
import type { FsspDeps } from '../deps';
import { announceDueFollowUps } from '../use-cases/announce-due-follow-ups';

const DAY_MS = 86_400_000;

/**
 * Scheduled work, under the runtime's advisory lock (one replica at a time), "now" from
 * `deps.clock()`. Follow-ups due: daily; a run twice in a day announces nothing twice.
 */
export function jobs(_deps: FsspDeps): ScheduledJob<FsspDeps>[] {
  return [
    {
      name: 'follow-ups-due',
      everyMs: DAY_MS,
      run: async (deps) => {
        const announced = await announceDueFollowUps(deps);
        if (announced) deps.logger.info({ announced }, 'follow-ups due announced');
      },
    },
  ];
}

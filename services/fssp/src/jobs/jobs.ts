import { deleteExpiredIdempotencyKeys } from '@hearth/http';
import type { ScheduledJob } from '@hearth/runtime';
import type { FsspDeps } from '../deps';
import { announceDueFollowUps } from '../use-cases/announce-due-follow-ups';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * Scheduled work, under the runtime's advisory lock (one replica at a time), "now" from
 * `deps.clock()`. Follow-ups due: daily; a run twice in a day announces nothing twice.
 * Idempotency keys past their 24 h: hourly, as the services service does.
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
    {
      name: 'idempotency-keys',
      everyMs: HOUR_MS,
      run: async (deps) => {
        const deleted = await deleteExpiredIdempotencyKeys(deps.pool, deps.clock());
        if (deleted > 0) deps.logger.info({ deleted }, 'expired idempotency keys deleted');
      },
    },
  ];
}

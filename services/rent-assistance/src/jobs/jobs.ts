import { deleteExpiredIdempotencyKeys } from '@hearth/http';
import type { ScheduledJob } from '@hearth/runtime';
import type { RentAssistanceDeps } from '../deps';
import { announceDueRetentions } from '../use-cases/announce-due-retentions';
import { exitUnreviewedReferrals } from '../use-cases/exit-unreviewed-referrals';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * Scheduled work, under the runtime's advisory lock (one replica at a time), "now" from
 * `deps.clock()`. Hourly: a referral's 45 days end at midnight somewhere every hour.
 */
export function jobs(_deps: RentAssistanceDeps): ScheduledJob<RentAssistanceDeps>[] {
  return [
    {
      name: 'unreviewed-referrals',
      everyMs: HOUR_MS,
      run: async (deps) => {
        const exited = await exitUnreviewedReferrals(deps);
        if (exited) deps.logger.info({ exited }, 'unreviewed referrals pre-program exited');
      },
    },
    {
      // daily: a run twice in a day announces nothing twice
      name: 'retention-due',
      everyMs: DAY_MS,
      run: async (deps) => {
        const announced = await announceDueRetentions(deps);
        if (announced) deps.logger.info({ announced }, 'retention follow-ups due announced');
      },
    },
    {
      // a payment's Idempotency-Key answers retries for 24 hours, then it goes
      name: 'expired-idempotency-keys',
      everyMs: HOUR_MS,
      run: async (deps) => {
        await deleteExpiredIdempotencyKeys(deps.pool, deps.clock());
      },
    },
  ];
}

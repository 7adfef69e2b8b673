import type { ScheduledJob, ServiceContext } from '@hearth/runtime';
import type { IntakeEnv } from '../config';
import { scanForDuplicates } from '../use-cases/scan-for-duplicates';

const MINUTE_MS = 60_000;

/**
 * Scheduled work, one replica at a time (the runtime's advisory lock), "now" from the clock. The
 * duplicate scan takes a batch of records created or changed since their last scan each minute.
 */
export function jobs(): ScheduledJob<ServiceContext<IntakeEnv>>[] {
  return [
    {
      name: 'duplicate-scan',
      everyMs: MINUTE_MS,
      run: async (deps) => {
        const scanned = await scanForDuplicates(deps);
        if (scanned) deps.logger.info({ scanned }, 'participants scanned for duplicates');
      },
    },
  ];
}

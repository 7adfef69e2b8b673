import type { ScheduledJob } from '@hearth/runtime';
import type { ReadDeps } from '../deps';
import { scanForDuplicates } from '../use-cases/scan-for-duplicates';

const MINUTE_MS = 60_000;

/**
 * Scheduled work, one replica at a time (the runtime's advisory lock). The duplicate scan takes a
 * batch of records created or changed since their last scan each minute.
 */
export const jobs = <
  D extends ReadDeps & { logger: { info: (o: object, m: string) => void } },
>(): ScheduledJob<D>[] => [
  {
    name: 'duplicate-scan',
    everyMs: MINUTE_MS,
    run: async (deps) => {
      const scanned = await scanForDuplicates(deps);
      if (scanned) deps.logger.info({ scanned }, 'participants scanned for duplicates');
    },
  },
];

import type { ScheduledJob } from '@hearth/runtime';
import type { DocumentsDeps } from '../deps';
import { purgeDeletedContent, sweepOrphanContent } from '../use-cases/clean-up-content';
import { releaseExpiredKeys } from '../use-cases/idempotency-keys';
import { publishPendingEvents } from '../use-cases/publish-pending-events';

/**
 * Scheduled work, each `{ name, everyMs, run }` under an advisory lock named after the service and
 * the job, so with several replicas one at a time runs it; "now" is `deps.clock()`.
 */
export function jobs(_deps: DocumentsDeps): ScheduledJob<DocumentsDeps>[] {
  return [
    // the embedded outbox's relay: often, so an upload's event leaves within a second
    { name: 'publish-document-events', everyMs: 250, run: publishPendingEvents },
    {
      name: 'sweep-orphan-content',
      everyMs: 15 * 60_000,
      run: async (d) => void (await sweepOrphanContent(d)),
    },
    {
      name: 'purge-deleted-content',
      everyMs: 60 * 60_000,
      run: async (d) => void (await purgeDeletedContent(d)),
    },
    {
      name: 'release-expired-idempotency-keys',
      everyMs: 60 * 60_000,
      run: async (d) => void (await releaseExpiredKeys(d)),
    },
  ];
}

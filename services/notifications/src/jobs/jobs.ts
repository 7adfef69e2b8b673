import type { ScheduledJob } from '@hearth/runtime';
import type { NotificationsDeps } from '../deps';

/**
 * Scheduled work: each job is `{ name, everyMs, run }`; the runtime runs it on its interval under
 * an advisory lock named after the service and the job, so with several replicas one at a time
 * runs it. `run` calls one use case with `deps.clock()` as "now" (tests move the clock).
 */
export function jobs(_deps: NotificationsDeps): ScheduledJob<NotificationsDeps>[] {
  return [];
}

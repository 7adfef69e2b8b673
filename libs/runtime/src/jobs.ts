import { advisoryLockKey, lockKinds, withAdvisoryLockIfFree, type Pool } from '@hearth/db';
import type { Logger } from '@hearth/logging';

/**
 * Scheduled work of a service (auto exit, reviews due, mail retries). However many instances of
 * the service run, one run of a job happens at a time: each run holds a Postgres advisory lock
 * named `<service>:<job>`, and an instance that finds it taken skips that tick.
 */
export interface ScheduledJob<Deps> {
  /** Unique within the service; with the service's name it names the job's lock. */
  name: string;
  everyMs: number;
  run: (deps: Deps) => Promise<void>;
}

/** The first run comes soon after start even for a daily job, so restarts never starve it. */
const FIRST_RUN_AT_MOST_MS = 30_000;

/**
 * Runs `job` every `everyMs` until stopped. A failed run is logged and the next one runs as
 * planned; a run never crashes the process. The returned stop waits for a run in progress.
 */
export function scheduleSingletonJob<Deps extends { pool: Pool; logger: Logger }>(
  service: string,
  job: ScheduledJob<Deps>,
  deps: Deps,
): () => Promise<void> {
  const lock = advisoryLockKey(lockKinds.scheduledJob, `${service}:${job.name}`);
  const logger = deps.logger.child({ job: job.name });
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = withAdvisoryLockIfFree(deps.pool, lock, () => job.run(deps))
      .then((outcome) => {
        if (!outcome.ran) logger.debug('scheduled job skipped: another instance is running it');
      })
      .catch((err: Error) => logger.error({ err: err.message }, 'scheduled job failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, job.everyMs);
      });
  };
  timer = setTimeout(tick, Math.min(job.everyMs, FIRST_RUN_AT_MOST_MS));
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}

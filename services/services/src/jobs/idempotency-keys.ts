import { deleteExpiredIdempotencyKeys } from '@hearth/http';
import type { ScheduledJob } from '@hearth/runtime';
import type { ServicesDeps } from '../deps';

/**
 * Replayed answers of quick and family services are kept 24 h: past that a retry is a new
 * request, so the rows only take room (each holds a whole answer of up to 1,000 rows). One pass
 * every `everyMs`, one instance at a time; "now" is the service's clock.
 */
export const idempotencyKeysJob = (everyMs: number): ScheduledJob<ServicesDeps> => ({
  name: 'idempotency-keys',
  everyMs,
  run: async (deps) => {
    const deleted = await deleteExpiredIdempotencyKeys(deps.pool, deps.clock());
    if (deleted > 0) deps.logger.info({ deleted }, 'expired idempotency keys deleted');
  },
});

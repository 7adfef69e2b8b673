import type { Pool } from '@hearth/db';
import type { Clock } from '@hearth/time';

/** What routes need: the pool, and the clock ("today", "not in the future"), injected for tests. */
export interface Deps {
  pool: Pool;
  clock: Clock;
}

import { createHash } from 'node:crypto';
import type { Pool } from './pool';

/**
 * Postgres has two advisory-lock key spaces that never meet: single bigint keys (the migrator's
 * constant lives there) and pairs of int4 keys. Named locks use the pairs: the first int says
 * what kind of lock it is, the second is a stable hash of its name, so no two names need a
 * hand-picked number and no named lock can ever be the migrator's.
 */
export const lockKinds = { scheduledJob: 1 } as const;

export interface AdvisoryLockKey {
  kind: number;
  id: number;
}

/** The same name gives the same key in every process and every release (sha-256, first 4 bytes). */
export function advisoryLockKey(kind: number, name: string): AdvisoryLockKey {
  return { kind, id: createHash('sha256').update(name).digest().readInt32BE(0) };
}

/**
 * Runs `work` while this session holds the lock, or returns `{ ran: false }` at once when another
 * session holds it. The lock is held on one pooled connection for the whole of `work`, which may
 * use the pool for as many transactions as it needs; it is released even when `work` fails.
 */
export async function withAdvisoryLockIfFree<T>(
  pool: Pool,
  key: AdvisoryLockKey,
  work: () => Promise<T>,
): Promise<{ ran: true; value: T } | { ran: false }> {
  const client = await pool.connect();
  let held = false;
  try {
    const { rows } = await client.query('SELECT pg_try_advisory_lock($1, $2) AS locked', [
      key.kind,
      key.id,
    ]);
    if (!rows[0].locked) return { ran: false };
    held = true;
    return { ran: true, value: await work() };
  } finally {
    if (held)
      held = await client.query('SELECT pg_advisory_unlock($1, $2)', [key.kind, key.id]).then(
        () => false,
        () => true,
      );
    // A connection that may still hold the lock is closed, not pooled: closing it releases the lock.
    client.release(held);
  }
}

import type { Response } from 'express';
import type { Actor } from '@hearth/auth';
import { withTransaction, type PoolClient } from '@hearth/db';
import { idempotently } from '@hearth/http';
import type { FsspDeps } from '../deps';

/** A retry's promise: the Idempotency-Key sent, and the request it stands for (route and body). */
export interface Retry {
  key: string | undefined;
  request: unknown;
}

/**
 * A write a client may retry (libs/http `idempotently`, as the services service uses it): in one
 * transaction, once per key and actor; a retry with the key is answered what the first request
 * was, writing nothing, and marked `Idempotency-Replayed: true`; the key with another request is a
 * 422. A write that throws frees the key with everything else.
 */
export async function writeOnce<T>(
  deps: Pick<FsspDeps, 'pool' | 'clock'>,
  actor: Actor,
  res: Response,
  retry: Retry,
  status: number,
  write: (tx: PoolClient) => Promise<T>,
): Promise<T> {
  const answer = await withTransaction(deps.pool, (tx) =>
    idempotently(tx, { actorId: actor.userId, ...retry }, deps.clock(), async () => ({
      status,
      body: await write(tx),
    })),
  );
  if (answer.replayed) res.setHeader('idempotency-replayed', 'true');
  return answer.body;
}

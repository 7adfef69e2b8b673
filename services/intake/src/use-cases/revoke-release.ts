import type { Actor } from '@hearth/auth';
import { withTransaction } from '@hearth/db';
import { ReleaseRevoked } from '@hearth/events';
import { notFound } from '@hearth/http';
import type { IntakeDeps } from '../deps';
import { announceRelease, announceSharing } from '../events/sharing';
import { revokeRelease as storeRevocation, type ReleaseView } from '../store/releases';

/** Revoke one release of an owned participant (gated by the route) now, and announce it. */
export function revokeRelease(
  deps: Pick<IntakeDeps, 'pool'>,
  actor: Actor,
  participantId: string,
  releaseId: string,
): Promise<ReleaseView> {
  return withTransaction(deps.pool, async (tx) => {
    const revoked = await storeRevocation(tx, participantId, releaseId);
    if (!revoked) throw notFound('The release');
    await announceRelease(tx, actor, ReleaseRevoked, revoked);
    await announceSharing(tx, participantId, actor);
    return revoked;
  });
}

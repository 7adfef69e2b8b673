import { withTransaction, type Queryable } from '@hearth/db';
import { ReleaseRevoked } from '@hearth/events';
import { notFound } from '@hearth/http';
import type { IntakeDeps } from '../deps';
import { announceRelease, announceSharing, type Announcer } from '../events/sharing';
import { revokeRelease as storeRevocation, type ReleaseView } from '../store/releases';

/** Revoke one release of an owned participant (gated by the route) now, and announce it. */
export function revokeRelease(
  deps: Pick<IntakeDeps, 'pool' | 'clock'>,
  by: Announcer,
  participantId: string,
  releaseId: string,
): Promise<ReleaseView> {
  return withTransaction(deps.pool, async (tx) => {
    const revoked = await revokeInTransaction(tx, by, participantId, releaseId, deps.clock());
    if (!revoked) throw notFound('The release');
    return revoked;
  });
}

/** The revocation and its announcements in the caller's transaction (a route's or a consumer's). */
export async function revokeInTransaction(
  tx: Queryable,
  by: Announcer,
  participantId: string,
  releaseId: string,
  at: Date,
): Promise<ReleaseView | undefined> {
  const revoked = await storeRevocation(tx, participantId, releaseId, at);
  if (!revoked) return undefined;
  await announceRelease(tx, by, ReleaseRevoked, revoked);
  await announceSharing(tx, participantId, by);
  return revoked;
}

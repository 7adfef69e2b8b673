import { randomUUID } from 'node:crypto';
import { withTransaction, type Queryable } from '@hearth/db';
import { ReleaseGranted } from '@hearth/events';
import type { IntakeDeps } from '../deps';
import { announceRelease, announceSharing, type Announcer } from '../events/sharing';
import { insertRelease, type NewRelease, type ReleaseView } from '../store/releases';

/** Record an information release of an owned participant (gated by the route) and announce it. */
export function grantRelease(
  deps: Pick<IntakeDeps, 'pool'>,
  by: Announcer,
  participantId: string,
  release: Omit<NewRelease, 'id' | 'participantId' | 'referral'>,
): Promise<ReleaseView> {
  return withTransaction(deps.pool, async (tx) => {
    return (await recordRelease(tx, by, participantId, release))!;
  });
}

/**
 * A release and its announcements (the release, then the whole sharing state) in the caller's
 * transaction: a route's, or the consumer's of a referral. A referral already released answers
 * undefined and announces nothing, so a redelivered event grants once.
 */
export async function recordRelease(
  tx: Queryable,
  by: Announcer,
  participantId: string,
  release: Omit<NewRelease, 'id' | 'participantId'>,
): Promise<ReleaseView | undefined> {
  const created = await insertRelease(tx, { id: randomUUID(), participantId, ...release });
  if (!created) return undefined;
  await announceRelease(tx, by, ReleaseGranted, created);
  await announceSharing(tx, participantId, by);
  return created;
}

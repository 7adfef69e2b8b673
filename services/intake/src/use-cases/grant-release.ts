import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { withTransaction } from '@hearth/db';
import { ReleaseGranted } from '@hearth/events';
import type { IntakeDeps } from '../deps';
import { announceRelease, announceSharing } from '../events/sharing';
import { insertRelease, type ReleaseView } from '../store/releases';

/** Record an information release of an owned participant (gated by the route) and announce it. */
export function grantRelease(
  deps: Pick<IntakeDeps, 'pool'>,
  actor: Actor,
  participantId: string,
  release: { toOrgId: string; beginDate: string; endDate: string; signedBy: string },
): Promise<ReleaseView> {
  return withTransaction(deps.pool, async (tx) => {
    const created = await insertRelease(tx, { id: randomUUID(), participantId, ...release });
    await announceRelease(tx, actor, ReleaseGranted, created);
    await announceSharing(tx, participantId, actor);
    return created;
  });
}

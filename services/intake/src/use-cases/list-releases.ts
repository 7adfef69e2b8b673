import type { Actor } from '@hearth/auth';
import type { IntakeDeps } from '../deps';
import type { ParticipantView } from '../domain/participant';
import { releasesShownTo } from '../domain/releases';
import { listReleases as storedReleases } from '../store/releases';

/** A visible participant's releases (gated by the route), as far as the actor's organization may know them. */
export async function listReleases(
  deps: Pick<IntakeDeps, 'pool'>,
  actor: Actor,
  participant: ParticipantView,
) {
  const releases = await storedReleases(deps.pool, participant.id);
  return { items: releasesShownTo(actor.orgId, participant.ownerOrgId, releases) };
}

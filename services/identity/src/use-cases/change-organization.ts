import type { Actor } from '@hearth/auth';
import { authorOf } from '@hearth/bus';
import { withTransaction } from '@hearth/db';
import type { IdentityDeps } from '../deps';
import type { OrganizationChanges, OrganizationView } from '../domain/organizations';
import { announceOrganization } from '../events/announce';
import { updateOrganization } from '../store/organizations';

/** An organization's settings change and `identity.organization.updated` commits with them. */
export function changeOrganization(
  deps: Pick<IdentityDeps, 'pool' | 'clock'>,
  actor: Actor,
  id: string,
  changes: OrganizationChanges,
): Promise<OrganizationView | undefined> {
  return withTransaction(deps.pool, async (tx) => {
    const changed = await updateOrganization(tx, id, changes);
    if (changed)
      await announceOrganization(tx, 'updated', id, { author: authorOf(actor), clock: deps.clock });
    return changed;
  });
}

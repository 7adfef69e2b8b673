import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { authorOf } from '@hearth/bus';
import { withTransaction } from '@hearth/db';
import type { IdentityDeps } from '../deps';
import type { NewOrganization, OrganizationView } from '../domain/organizations';
import { announceOrganization } from '../events/announce';
import { insertOrganization } from '../store/organizations';

/**
 * The HMIS lead registers an agency (in the deployment's time zone unless it names one) and
 * `identity.organization.created` commits with it; 'name_taken' when a name equal ignoring case
 * exists.
 */
export function registerOrganization(
  deps: Pick<IdentityDeps, 'pool' | 'clock' | 'config'>,
  actor: Actor,
  organization: NewOrganization,
): Promise<OrganizationView | 'name_taken'> {
  const timeZone = organization.timeZone ?? deps.config.DEFAULT_TIME_ZONE;
  return withTransaction(deps.pool, async (tx) => {
    const created = await insertOrganization(tx, { ...organization, timeZone, id: randomUUID() });
    if (created !== 'name_taken')
      await announceOrganization(tx, 'created', created.id, {
        author: authorOf(actor),
        clock: deps.clock,
      });
    return created;
  });
}

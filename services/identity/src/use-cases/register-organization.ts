import { randomUUID } from 'node:crypto';
import type { IdentityDeps } from '../deps';
import type { NewOrganization, OrganizationView } from '../domain/organizations';
import { insertOrganization } from '../store/organizations';

/** The HMIS lead registers an agency; 'name_taken' when a name equal ignoring case exists. */
export function registerOrganization(
  deps: Pick<IdentityDeps, 'pool'>,
  organization: NewOrganization,
): Promise<OrganizationView | 'name_taken'> {
  return insertOrganization(deps.pool, { ...organization, id: randomUUID() });
}

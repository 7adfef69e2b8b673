import type { IdentityDeps } from '../deps';
import type { OrganizationView } from '../domain/organizations';
import { findOrganization } from '../store/organizations';

/** One organization; undefined when there is none with this id. */
export function readOrganization(
  deps: Pick<IdentityDeps, 'pool'>,
  id: string,
): Promise<OrganizationView | undefined> {
  return findOrganization(deps.pool, id);
}

import type { IdentityDeps } from '../deps';
import { listOrganizations as byName } from '../store/organizations';

/** Organizations by name, paged: agency names are not client data. */
export function listOrganizations(
  deps: Pick<IdentityDeps, 'pool'>,
  page: { limit: number; cursor?: string },
) {
  return byName(deps.pool, page);
}

import type { IdentityDeps } from '../deps';
import { listMembers as membersOf } from '../store/users';

/** The users of one organization with their roles in it, by email, paged. */
export function listMembers(
  deps: Pick<IdentityDeps, 'pool'>,
  orgId: string,
  page: { limit: number; cursor?: string },
) {
  return membersOf(deps.pool, orgId, page);
}

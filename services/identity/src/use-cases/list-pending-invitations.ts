import type { IdentityDeps } from '../deps';
import { listPendingInvitations as pendingOf } from '../store/invitations';

/** An admin's view of their organization's invitations not yet accepted, revoked or lapsed. */
export function listPendingInvitations(
  deps: Pick<IdentityDeps, 'pool' | 'clock'>,
  orgId: string,
  page: { limit: number; cursor?: string },
) {
  return pendingOf(deps.pool, orgId, page, deps.clock());
}

import type { IdentityDeps } from '../deps';
import { revokeInvitation as revokePending } from '../store/invitations';

/** An admin withdraws a pending invitation of their organization; false when there is none. */
export function revokeInvitation(
  deps: Pick<IdentityDeps, 'pool' | 'clock'>,
  invitation: { orgId: string; id: string },
): Promise<boolean> {
  return revokePending(deps.pool, invitation.orgId, invitation.id, deps.clock());
}

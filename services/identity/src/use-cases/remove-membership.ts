import type { IdentityDeps } from '../deps';
import { removalRefusal } from '../domain/users';
import { removeMembership as deleteMembership } from '../store/users';

/** An admin removes a user from their organization; the account and other memberships stay. */
export async function removeMembership(
  deps: Pick<IdentityDeps, 'pool'>,
  removal: { adminId: string; orgId: string; userId: string },
): Promise<'removed' | 'own_membership' | 'not_a_member'> {
  const refusal = removalRefusal(removal.adminId, removal.userId);
  if (refusal) return refusal;
  const removed = await deleteMembership(deps.pool, {
    userId: removal.userId,
    orgId: removal.orgId,
  });
  return removed ? 'removed' : 'not_a_member';
}

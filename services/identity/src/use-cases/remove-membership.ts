import type { Actor } from '@hearth/auth';
import { authorOf } from '@hearth/bus';
import { withTransaction } from '@hearth/db';
import type { IdentityDeps } from '../deps';
import { removalRefusal } from '../domain/users';
import { announceMember } from '../events/announce';
import { removeMembership as deleteMembership } from '../store/users';

/**
 * An admin removes a user from their organization; the account and other memberships stay. The
 * user is announced inactive there (`identity.user.updated`), in the transaction of the removal,
 * so the records they are staff of keep their name.
 */
export async function removeMembership(
  deps: Pick<IdentityDeps, 'pool' | 'clock'>,
  admin: Actor,
  userId: string,
): Promise<'removed' | 'own_membership' | 'not_a_member'> {
  const refusal = removalRefusal(admin.userId, userId);
  if (refusal) return refusal;
  return withTransaction(deps.pool, async (tx) => {
    const member = { userId, orgId: admin.orgId };
    if (!(await deleteMembership(tx, member))) return 'not_a_member';
    await announceMember(tx, 'updated', member, { author: authorOf(admin), clock: deps.clock });
    return 'removed';
  });
}

import { authorOf } from '@hearth/bus';
import { withTransaction } from '@hearth/db';
import type { IdentityDeps } from '../deps';
import type { Role } from '../domain/users';
import { announceMember } from '../events/announce';
import { takeInvitation } from '../store/invitations';
import { addMembership, findProfile } from '../store/users';

export interface Accepted {
  userId: string;
  organizationId: string;
  roles: Role[];
}

/**
 * A signed-in user accepts an invitation addressed to their own email and joins its organization.
 * The invitation is taken in the transaction of the membership, so it works once. Undefined when
 * no such invitation is pending for them. Joining is `identity.user.created` for that organization.
 */
export async function acceptInvitation(
  deps: Pick<IdentityDeps, 'pool' | 'clock'>,
  acceptance: { userId: string; invitationId: string },
): Promise<Accepted | undefined> {
  const { userId, invitationId } = acceptance;
  const profile = await findProfile(deps.pool, userId);
  if (!profile) return undefined;
  const taken = await withTransaction(deps.pool, async (tx) => {
    const invitation = await takeInvitation(
      tx,
      { id: invitationId, email: profile.email },
      deps.clock(),
    );
    if (invitation && (await addMembership(tx, { ...invitation, userId })))
      await announceMember(
        tx,
        'created',
        { userId, orgId: invitation.orgId },
        {
          author: authorOf({ userId, name: profile.name }),
          clock: deps.clock,
        },
      );
    return invitation;
  });
  return taken && { userId, organizationId: taken.orgId, roles: taken.roles };
}

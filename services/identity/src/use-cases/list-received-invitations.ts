import type { IdentityDeps } from '../deps';
import type { ReceivedInvitationView } from '../domain/invitations';
import { invitationsFor } from '../store/invitations';
import { findProfile } from '../store/users';

/** The pending invitations addressed to the signed-in user's email. */
export async function listReceivedInvitations(
  deps: Pick<IdentityDeps, 'pool' | 'clock'>,
  userId: string,
): Promise<ReceivedInvitationView[]> {
  const profile = await findProfile(deps.pool, userId);
  return profile ? invitationsFor(deps.pool, profile.email, deps.clock()) : [];
}

import { randomUUID } from 'node:crypto';
import { newInvitationToken, tokenHash } from '../adapters/invitation-tokens';
import type { IdentityDeps } from '../deps';
import { INVITATION_TTL_SECONDS, type InvitationView } from '../domain/invitations';
import type { Role } from '../domain/users';
import { upsertInvitation } from '../store/invitations';
import { findOrganization } from '../store/organizations';

/**
 * An admin invites an email to their own organization: the invitation is recorded (replacing a
 * pending one to the same email) and its token goes to the email only, never into the answer.
 */
export async function inviteUser(
  deps: Pick<IdentityDeps, 'pool' | 'clock' | 'deliverInvitation'>,
  invitation: { orgId: string; invitedBy: string; email: string; roles: Role[] },
): Promise<InvitationView> {
  const { orgId, invitedBy, email, roles } = invitation;
  const token = newInvitationToken();
  const recorded = await upsertInvitation(
    deps.pool,
    { id: randomUUID(), orgId, email, roles, tokenHash: tokenHash(token) },
    invitedBy,
    { now: deps.clock(), ttlSeconds: INVITATION_TTL_SECONDS },
  );
  const organization = await findOrganization(deps.pool, orgId);
  await deps.deliverInvitation({
    email,
    organizationName: organization?.name ?? '',
    token,
    expiresAt: recorded.expiresAt,
  });
  return recorded;
}

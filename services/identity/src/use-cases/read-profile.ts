import type { IdentityDeps } from '../deps';
import { findProfile } from '../store/users';

/**
 * The signed-in user's own profile: every organization they belong to, and which one the current
 * token speaks for. Undefined when the account is gone.
 */
export async function readProfile(
  deps: Pick<IdentityDeps, 'pool'>,
  actor: { userId: string; orgId: string },
) {
  const profile = await findProfile(deps.pool, actor.userId);
  if (!profile) return undefined;
  const { memberships, ...user } = profile;
  return { ...user, currentOrganizationId: actor.orgId, organizations: memberships };
}

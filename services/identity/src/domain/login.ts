import { z } from 'zod';
import { ROLES, type MembershipView } from './users';

/** Access tokens live 15 minutes: short enough that a disabled user is out soon. */
export const ACCESS_TOKEN_TTL_SECONDS = 900;

export const loginRequest = z.strictObject({
  // No format check here: a malformed email is simply a wrong one, answered like any other.
  email: z.string().trim().toLowerCase().min(1).max(254),
  password: z.string().min(1).max(200),
  organizationId: z.string().uuid().optional(),
});
export type LoginRequest = z.infer<typeof loginRequest>;

export const loginAnswer = z.object({
  accessToken: z.string(),
  tokenType: z.literal('Bearer'),
  expiresIn: z.number().int(),
  organization: z.object({ id: z.string().uuid(), name: z.string() }),
  roles: z.array(z.enum(ROLES)),
});

export type MembershipChoice =
  | { kind: 'chosen'; membership: MembershipView }
  | { kind: 'choose_one'; organizations: Array<{ id: string; name: string }> }
  | { kind: 'not_a_member' }
  | { kind: 'no_membership' };

/**
 * Which organization a login is for. A token speaks for one organization at a time, so a user
 * with several must say which; with one, there is nothing to ask.
 */
export function chooseMembership(
  memberships: MembershipView[],
  organizationId: string | undefined,
): MembershipChoice {
  if (organizationId !== undefined) {
    const membership = memberships.find((m) => m.organizationId === organizationId);
    return membership ? { kind: 'chosen', membership } : { kind: 'not_a_member' };
  }
  if (memberships.length === 1) return { kind: 'chosen', membership: memberships[0] };
  if (memberships.length === 0) return { kind: 'no_membership' };
  return {
    kind: 'choose_one',
    organizations: memberships
      .map((m) => ({ id: m.organizationId, name: m.organizationName }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

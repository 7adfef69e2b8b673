import { z } from 'zod';
import { AGENCY_ROLES, agencyRoles, email, newPassword, userName } from './users';

/** An invitation not accepted within a week lapses; the admin can invite again. */
export const INVITATION_TTL_SECONDS = 7 * 24 * 3600;

/** An admin invites an email to the admin's own organization with the roles it will hold there. */
export const newInvitation = z.strictObject({ email: email(), roles: agencyRoles() });

/**
 * What the admin is answered, the same whether or not an account holds the email: no name, no
 * hint of another organization.
 */
export const invitationView = z.object({
  id: z.string().uuid(),
  email: z.string(),
  roles: z.array(z.enum(AGENCY_ROLES)),
  expiresAt: z.string(),
});
export type InvitationView = z.infer<typeof invitationView>;

/** What the invitee sees of an invitation addressed to their email. */
export const receivedInvitationView = z.object({
  id: z.string().uuid(),
  organizationId: z.string().uuid(),
  organizationName: z.string(),
  roles: z.array(z.enum(AGENCY_ROLES)),
  expiresAt: z.string(),
});
export type ReceivedInvitationView = z.infer<typeof receivedInvitationView>;

/**
 * Accepting with the emailed token: someone without an account chooses their name and a new
 * password; an account holder (who may belong to no organization now, so cannot log in) gives
 * their password instead.
 */
export const tokenAcceptance = z.strictObject({
  token: z.string().min(1).max(200),
  password: z.string().min(1).max(200),
  name: userName().optional(),
});
export type TokenAcceptance = z.infer<typeof tokenAcceptance>;

/** What a new account needs, or which field falls short (the answer names it). */
export function newAccountProblem(
  body: TokenAcceptance,
): { field: 'name' | 'password'; message: string } | undefined {
  if (body.name === undefined) return { field: 'name', message: 'Required for a new account' };
  if (!newPassword().safeParse(body.password).success)
    return { field: 'password', message: 'A new password has 12 to 200 characters' };
  return undefined;
}

export const acceptedView = z.object({
  userId: z.string().uuid(),
  organizationId: z.string().uuid(),
  roles: z.array(z.enum(AGENCY_ROLES)),
});

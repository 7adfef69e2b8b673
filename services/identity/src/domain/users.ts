import { z } from 'zod';
import { emailAddress } from '@hearth/http';

/**
 * The roles an agency's admin may give its own users (DOMAIN.md). A role grants actions, the
 * organization decides which records.
 */
export const AGENCY_ROLES = [
  'caseworker',
  'supervisor',
  'ce_manager',
  'hub_staff',
  'contract_manager',
  'admin',
  'data_entry',
] as const;
/** Every role a token may carry: `system_admin` (the HMIS lead) is configured, never granted. */
export const ROLES = [...AGENCY_ROLES, 'system_admin'] as const;
export type Role = (typeof ROLES)[number];

/** Stored lower-cased, so "Ana@Example.org" and "ana@example.org" are one person. */
export const email = () => emailAddress().toLowerCase();
export const agencyRoles = () =>
  z
    .array(z.enum(AGENCY_ROLES))
    .min(1)
    .max(AGENCY_ROLES.length)
    .transform((list) => [...new Set(list)]);
/** What a new account holder chooses: their name as colleagues see it, and a password. */
export const userName = () => z.string().trim().min(1).max(200);
export const newPassword = () => z.string().min(12).max(200);

/** A user as one organization sees them: never the password hash. */
export const userView = z.object({
  id: z.string().uuid(),
  email: z.string(),
  name: z.string(),
  disabled: z.boolean(),
  roles: z.array(z.enum(ROLES)),
});
export type UserView = z.infer<typeof userView>;

export const membershipView = z.object({
  organizationId: z.string().uuid(),
  organizationName: z.string(),
  roles: z.array(z.enum(ROLES)),
});
export type MembershipView = z.infer<typeof membershipView>;

export const profileView = z.object({
  id: z.string().uuid(),
  email: z.string(),
  name: z.string(),
  /** The organization the current token was issued for. */
  currentOrganizationId: z.string().uuid(),
  organizations: z.array(membershipView),
});

/**
 * Whether an admin may remove this user from their organization: never themself, so an
 * organization cannot lose its last way to manage itself by a slip of its admin.
 */
export function removalRefusal(adminId: string, userId: string): 'own_membership' | undefined {
  return adminId === userId ? 'own_membership' : undefined;
}

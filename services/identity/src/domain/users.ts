import { z } from 'zod';

/** The roles of DOMAIN.md; a role grants actions, the organization decides which records. */
export const ROLES = [
  'caseworker',
  'supervisor',
  'ce_manager',
  'hub_staff',
  'contract_manager',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

/** Stored lower-cased, so "Ana@Example.org" and "ana@example.org" are one person. */
export const email = () => z.email().max(254).toLowerCase();
const roles = z
  .array(z.enum(ROLES))
  .min(1)
  .max(ROLES.length)
  .transform((list) => [...new Set(list)]);

/**
 * A new user, or an existing user (same email) joining the admin's organization. An existing user
 * keeps their own password and name, so `password` must then be absent.
 */
export const newUser = z.strictObject({
  email: email(),
  name: z.string().trim().min(1).max(200),
  password: z.string().min(12).max(200).optional(),
  roles,
});
export type NewUser = z.infer<typeof newUser>;

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

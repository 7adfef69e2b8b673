import { z } from 'zod';
import { isTimeZone } from '@hearth/time';

/** What kind of agency an organization is; decides nothing by itself, but reports group by it. */
export const ORGANIZATION_KINDS = [
  'refugee_resettlement',
  'coordinated_entry',
  'rent_assistance_hub',
  'workforce',
  'other',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const organizationName = () => z.string().trim().min(1).max(200);

/** An IANA name: the organization's calendar ("today" for its records' dates). */
export const timeZone = () =>
  z.string().max(64).refine(isTimeZone, 'Must be an IANA time zone name, such as America/Chicago');

export const newOrganization = z.strictObject({
  name: organizationName(),
  kind: z.enum(ORGANIZATION_KINDS),
  timeZone: timeZone().optional().describe("Default: identity's DEFAULT_TIME_ZONE"),
});
export type NewOrganization = z.infer<typeof newOrganization>;

export const organizationView = z.object({
  id: z.string().uuid(),
  name: z.string(),
  kind: z.enum(ORGANIZATION_KINDS),
  timeZone: z.string(),
  createdAt: z.string(),
});
export type OrganizationView = z.infer<typeof organizationView>;

export const organizationChanges = z.strictObject({ timeZone: timeZone() });
export type OrganizationChanges = z.infer<typeof organizationChanges>;

/**
 * Who may change an organization's settings: the HMIS lead's system_admin, or a supervisor of that
 * organization (its calendar is theirs to know); an agency's admin manages users, not settings.
 */
export const mayChangeOrganization = (
  actor: { orgId: string; roles: readonly string[] },
  organizationId: string,
) =>
  actor.roles.includes('system_admin') ||
  (actor.orgId === organizationId && actor.roles.includes('supervisor'));

import { z } from 'zod';

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

export const newOrganization = z.strictObject({
  name: organizationName(),
  kind: z.enum(ORGANIZATION_KINDS),
});
export type NewOrganization = z.infer<typeof newOrganization>;

export const organizationView = z.object({
  id: z.string().uuid(),
  name: z.string(),
  kind: z.enum(ORGANIZATION_KINDS),
  createdAt: z.string(),
});
export type OrganizationView = z.infer<typeof organizationView>;

import { randomUUID } from 'node:crypto';
import { OrganizationCreated, UserCreated, type OrgUserFacts } from '@hearth/events';
import { publishAndWait, type TestService } from '@hearth/testkit';

/** Identity's versions rise across all its events: tests draw theirs from one counter too. */
let lastVersion = 0;
export const nextVersion = () => ++lastVersion;

/** The organization as identity announces it, applied to the read model. */
export function organizationIn(service: TestService, orgId: string, timeZone: string) {
  return publishAndWait(
    service,
    OrganizationCreated,
    {
      organizationId: orgId,
      name: `Agency ${orgId.slice(0, 8)}`,
      kind: 'other',
      timeZone,
      version: nextVersion(),
    },
    { orgId },
  );
}

/** A user of `orgId` as identity announces them (active unless told). */
export async function orgUserIn(
  service: TestService,
  orgId: string,
  facts: Partial<Omit<OrgUserFacts, 'orgId' | 'version'>> = {},
): Promise<OrgUserFacts> {
  const user: OrgUserFacts = {
    userId: randomUUID(),
    orgId,
    name: 'Pat Provider',
    roles: ['caseworker'],
    active: true,
    ...facts,
    version: nextVersion(),
  };
  await publishAndWait(service, UserCreated, user, { orgId });
  return user;
}

import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import { applyOrganization } from '@hearth/directory';
import { FsspGoalAdded, type ReleaseFacts } from '@hearth/events';
import { applySharingState } from '@hearth/sharing';
import { apiClient, publishAndWait, testActor, type TestService } from '@hearth/testkit';

/** Tests run on 2026-06-15 at 15:00 UTC: 10:00 in Chicago, where every test agency is. */
export const NOW = new Date('2026-06-15T15:00:00Z');
export const TODAY = '2026-06-15';

let version = 0;

/** An organization as identity announced it, applied to the directory; its staff as asked. */
export async function agency(service: TestService, name = 'Agency') {
  const orgId = randomUUID();
  await applyOrganization(service.pool, {
    organizationId: orgId,
    name: `${name} ${orgId.slice(0, 6)}`,
    kind: 'other',
    timeZone: 'America/Chicago',
    version: ++version,
  });
  return {
    orgId,
    caseworker: testActor({ orgId, name: 'Casey Worker' }),
    supervisor: testActor({ orgId, roles: ['supervisor'], name: 'Sam Supervisor' }),
  };
}

/** A provider offering `services`, its contact Pat Provider. */
export async function provider(service: TestService, services: string[], name = 'Provider') {
  const org = await agency(service, name);
  const answer = await apiClient(service.url, org.supervisor).put(
    `/providers/${org.orgId}/offers`,
    {
      offers: services.map((referralService) => ({
        referralService,
        contactName: 'Pat Provider',
        contactPhone: '+1 312 555 0100',
        contactEmail: 'intake@provider.example',
      })),
    },
  );
  if (answer.status !== 200) throw new Error(`offers: ${JSON.stringify(answer.body)}`);
  return org;
}

/** A participant of `owner` whose sharing has arrived (restricted to its organization unless told). */
export async function participantOf(
  service: TestService,
  owner: Actor,
  sharing: {
    restriction?: 'restrict_to_org' | 'share_mou' | 'share_global';
    releases?: Array<Omit<ReleaseFacts, 'participantId' | 'releaseId'>>;
  } = {},
): Promise<string> {
  const participantId = randomUUID();
  await applySharingState(service.pool, {
    participantId,
    ownerOrgId: owner.orgId,
    securityRestriction: sharing.restriction ?? 'restrict_to_org',
    releases: (sharing.releases ?? []).map((r) => ({ releaseId: randomUUID(), ...r })),
    sharingVersion: 1,
  });
  return participantId;
}

export const referralBody = (participantId: string, toOrgId: string, more: object = {}) => ({
  participantId,
  referralDate: TODAY,
  referralService: 'legal_aid',
  toOrgId,
  comment: 'Needs help with an eviction notice',
  releasedCategories: ['identifying', 'contact'],
  ...more,
});

/**
 * An FSSP goal (a need) of the organization's plan for these participants (a family goal when more
 * than one), with one barrier, as fssp announces it; answers its id and its barrier's.
 */
export async function needOf(
  service: TestService,
  orgId: string,
  participantIds: string[],
): Promise<{ needId: string; barrierId: string }> {
  const [needId, barrierId] = [randomUUID(), randomUUID()];
  await publishAndWait(
    service,
    FsspGoalAdded,
    {
      goalId: needId,
      planId: randomUUID(),
      orgId,
      kind: participantIds.length > 1 ? 'family' : 'individual',
      participantIds,
      barrierIds: [barrierId],
      category: 'housing',
      goal: 'stable_housing',
      startDate: '2026-01-05',
      targetDate: '2026-12-31',
      status: 'open',
      version: 1,
    },
    { orgId },
  );
  return { needId, barrierId };
}

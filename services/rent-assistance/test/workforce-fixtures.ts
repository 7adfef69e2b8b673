import { randomUUID } from 'node:crypto';
import { ServiceDeleted, ServiceRecorded } from '@hearth/events';
import { publishAndWait, sharedParticipant, testActor, type TestService } from '@hearth/testkit';
import { organization, raEnrollment } from './fixtures';

/**
 * A Keys to Progress (workforce) enrollment of a coach's organization with a finance hub as its
 * service provider, whose participant's release lets the hub in (until `releaseEnd`); the hub's
 * two staff (one enters, the other approves) and the coach. `hubOrgId`: a hub already made.
 */
export async function workforceRecord(
  service: TestService,
  {
    releaseEnd = '2027-12-31',
    restricted = false,
    hubOrgId: provider = undefined as string | undefined,
  } = {},
) {
  const coachOrgId = await organization(service);
  const hubOrgId = provider ?? (await organization(service));
  // restricted: the coach's organization alone sees the participant, no release to the hub
  const participantId = await sharedParticipant(service.pool, coachOrgId, {
    securityRestriction: restricted ? 'restrict_to_org' : 'share_mou',
    releases: restricted
      ? []
      : [{ toOrgId: hubOrgId, beginDate: '2026-01-01', endDate: releaseEnd }],
  });
  const enrollmentId = await raEnrollment(service, coachOrgId, participantId, {
    programKind: 'workforce',
    serviceProviderOrgId: hubOrgId,
    applicationDate: '2026-06-01',
  });
  return {
    coachOrgId,
    hubOrgId,
    participantId,
    enrollmentId,
    coach: testActor({ orgId: coachOrgId, roles: ['caseworker'] }),
    hub: testActor({ orgId: hubOrgId, roles: ['hub_staff'], name: 'Hub Staff' }),
    approver: testActor({ orgId: hubOrgId, roles: ['hub_staff'], name: 'Second' }),
  };
}

/** A service on the record as services announce it (category `training` by default). */
export async function workforceService(
  service: TestService,
  r: { participantId: string; enrollmentId: string },
  category: 'training' | null = 'training',
) {
  const serviceId = randomUUID();
  await publishAndWait(service, ServiceRecorded, {
    serviceId,
    participantId: r.participantId,
    enrollmentId: r.enrollmentId,
    serviceTypeId: randomUUID(),
    serviceDate: '2026-08-03',
    startsParticipation: true,
    qualifying: true,
    category,
  });
  return serviceId;
}

export async function deleteService(
  service: TestService,
  r: { participantId: string; enrollmentId: string },
  serviceId: string,
) {
  await publishAndWait(service, ServiceDeleted, {
    serviceId,
    participantId: r.participantId,
    enrollmentId: r.enrollmentId,
    serviceTypeId: randomUUID(),
    serviceDate: '2026-08-03',
    startsParticipation: true,
    qualifying: true,
    category: 'training',
    version: 2,
  });
}

/** A training payment's body for the service (figures of the guide: $500.00 of tuition). */
export const training = (
  r: { enrollmentId: string },
  trainingServiceId: string,
  more: Record<string, unknown> = {},
) => ({
  enrollmentId: r.enrollmentId,
  trainingServiceId,
  paymentDate: '2026-09-10',
  paymentType: 'tuition_fees_books_supplies',
  paidTo: 'training_provider',
  payee: 'Madison College',
  amountCents: 50_000,
  ...more,
});

/** A support payment's body (the guide's: $50.00 of transportation, one time). */
export const support = (r: { enrollmentId: string }, more: Record<string, unknown> = {}) => ({
  enrollmentId: r.enrollmentId,
  paymentDate: '2026-09-10',
  supportType: 'transportation',
  paidTo: 'participant',
  payee: 'Amina Odhiambo',
  amountCents: 5_000,
  otherResourcesUnavailable: true,
  timeframeStart: '2026-09-10',
  timeframeEnd: '2026-09-10',
  ...more,
});

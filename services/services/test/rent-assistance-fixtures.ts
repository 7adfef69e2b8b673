import { randomUUID } from 'node:crypto';
import { ServiceRecorded } from '@hearth/events';
import { outboxEvents, testActor, type TestService } from '@hearth/testkit';
import { TODAY, enrollmentOf, organization, participantOf, serviceTypeOf } from './fixtures';

export type Actor = ReturnType<typeof testActor>;

/**
 * A career coach's organization, the hub whose Rent Assistance program the coach enrolled their
 * participant in (released to the hub, share_mou, until `releaseEnd`), and the RA catalog the
 * hub's supervisor wrote: the guide's hub types by their flags, and a coaching type.
 */
export async function raRecord(service: TestService, releaseEnd = '2099-12-31') {
  const coach = organization();
  const hub = organization();
  const programId = randomUUID();
  const participantId = await participantOf(service, coach.orgId, {
    securityRestriction: 'share_mou',
    releases: [{ toOrgId: hub.orgId, beginDate: '2026-01-01', endDate: releaseEnd }],
  });
  const enrollment = await enrollmentOf(service, {
    orgId: coach.orgId,
    serviceProviderOrgId: hub.orgId,
    programId,
    programKind: 'rent_assistance',
    headParticipantId: participantId,
  });
  const type = (name: string, startsParticipation: boolean, updatesLastQualifyingDate: boolean) =>
    serviceTypeOf(service, hub.supervisor, programId, {
      name,
      startsParticipation,
      updatesLastQualifyingDate,
    });
  const types = {
    rapidRehousing: await type('Rapid Rehousing', true, false),
    homelessPrevention: await type('Homeless Prevention', true, false),
    finalRentExit: await type('Hub Final Rent Exit', true, true),
    careerCoaching: await type('Career Coaching', false, true),
  };
  const hubStaff = testActor({ orgId: hub.orgId, roles: ['hub_staff'] });
  const body = (serviceTypeId: string) => ({
    participantId,
    enrollmentId: enrollment.enrollmentId,
    serviceTypeId,
    serviceDate: TODAY,
  });
  return { coach, hub, hubStaff, programId, participantId, enrollment, types, body };
}
export type RaRecord = Awaited<ReturnType<typeof raRecord>>;

/** A second participant of the coach's on a record at the same hub. */
export async function anotherRecord(service: TestService, r: RaRecord) {
  const participantId = await participantOf(service, r.coach.orgId, {
    securityRestriction: 'share_mou',
    releases: [{ toOrgId: r.hub.orgId, beginDate: '2026-01-01', endDate: '2099-12-31' }],
  });
  const e = await enrollmentOf(service, {
    orgId: r.coach.orgId,
    serviceProviderOrgId: r.hub.orgId,
    programId: r.programId,
    programKind: 'rent_assistance',
    headParticipantId: participantId,
  });
  return { participantId, enrollmentId: e.enrollmentId };
}

/** The `services.service.recorded` the service wrote for a service. */
export const recordedEvent = async (service: TestService, serviceId: string) =>
  (await outboxEvents(service.pool, ServiceRecorded)).find((e) => e.data.serviceId === serviceId);

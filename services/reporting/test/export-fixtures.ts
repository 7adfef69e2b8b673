import { randomUUID } from 'node:crypto';
import {
  EnrollmentCreated,
  EnrollmentExited,
  FamilyChanged,
  HmisAssessmentRecorded,
  OrganizationCreated,
  ParticipantCreated,
  ServiceRecorded,
  SharingStateChanged,
  UserCreated,
  type Envelope,
} from '@hearth/events';
import { publishAndWait, type EventReceiver } from '@hearth/testkit';

/**
 * A small continuum, made of the events the other services publish: Lakeshore's household (Amina,
 * head, and her son Daniel), exited to a shelter, with a bed night, a case-management service and
 * an income assessment; Northside's own client; two of Northside's clients in a Lakeshore
 * enrollment, one with a release to Lakeshore still running and one whose release has ended.
 */
export async function seedContinuum(service: EventReceiver) {
  const lakeshore = randomUUID();
  const northside = randomUUID();
  const worker = randomUUID();
  const program = randomUUID();
  const ids = {
    lakeshore,
    northside,
    worker,
    program,
    amina: randomUUID(),
    daniel: randomUUID(),
    northsideOwn: randomUUID(),
    released: randomUUID(),
    expired: randomUUID(),
    household: randomUUID(),
    northsideEnrollment: randomUUID(),
    sharedEnrollment: randomUUID(),
    bedNight: randomUUID(),
    income: randomUUID(),
    sharedAssessment: randomUUID(),
    keptAssessment: randomUUID(),
  };
  const events: Record<string, Envelope<unknown>> = {};
  const by = { actor: { userId: worker, name: 'Case Worker' }, orgId: lakeshore };
  await publishAndWait(service, OrganizationCreated, {
    organizationId: lakeshore,
    name: 'Lakeshore "Family" Services',
    kind: 'agency',
    timeZone: 'America/Chicago',
    version: 1,
  });
  await publishAndWait(service, UserCreated, {
    userId: worker,
    orgId: lakeshore,
    name: 'Grace Van Dyke',
    roles: ['caseworker'],
    active: true,
    version: 2,
  });
  const person = async (
    key: 'amina' | 'daniel' | 'northsideOwn' | 'released' | 'expired',
    owner: string,
    facts: {
      firstName: string;
      lastName: string;
      birthDate: string;
      sex: 'female' | 'male' | null;
    },
    release?: { beginDate: string; endDate: string },
  ) => {
    events[key] = await publishAndWait(
      service,
      ParticipantCreated,
      {
        participantId: ids[key],
        ownerOrgId: owner,
        middleName: null,
        securityRestriction: release ? 'share_mou' : 'restrict_to_org',
        ...facts,
      },
      by,
    );
    await publishAndWait(service, SharingStateChanged, {
      participantId: ids[key],
      ownerOrgId: owner,
      securityRestriction: release ? 'share_mou' : 'restrict_to_org',
      releases: release
        ? [{ releaseId: randomUUID(), toOrgId: lakeshore, revokedAt: null, ...release }]
        : [],
      sharingVersion: 1,
    });
  };
  await person('amina', lakeshore, {
    firstName: 'Amina',
    lastName: 'Odhiambo',
    birthDate: '1990-04-02',
    sex: 'female',
  });
  await person('daniel', lakeshore, {
    firstName: 'Daniel',
    lastName: 'Odhiambo',
    birthDate: '2015-09-30',
    sex: 'male',
  });
  await person('northsideOwn', northside, {
    firstName: 'Nora',
    lastName: 'North',
    birthDate: '1985-01-01',
    sex: null,
  });
  await person(
    'released',
    northside,
    { firstName: 'Rita', lastName: 'Released', birthDate: '1970-07-07', sex: 'female' },
    { beginDate: '2026-06-01', endDate: '2026-12-31' },
  );
  await person(
    'expired',
    northside,
    { firstName: 'Ed', lastName: 'Expired', birthDate: '1971-07-07', sex: 'male' },
    { beginDate: '2026-01-01', endDate: '2026-06-29' },
  );
  await publishAndWait(service, FamilyChanged, {
    familyId: randomUUID(),
    headParticipantId: ids.amina,
    members: [
      { participantId: ids.amina, relationship: 'head_of_household', isCurrentFamily: true },
      { participantId: ids.daniel, relationship: 'child', isCurrentFamily: true },
    ],
    removedParticipantIds: [],
  });
  const enrollment = (
    enrollmentId: string,
    orgId: string,
    head: string,
    members: string[],
    exitDate: string | null,
  ) => ({
    enrollmentId,
    programId: program,
    programKind: null,
    orgId,
    serviceProviderOrgId: null,
    headParticipantId: head,
    memberParticipantIds: members,
    applicationDate: '2026-03-02',
    registrationDate: '2026-03-02',
    participationDate: '2026-03-10',
    lastQualifyingServiceDate: '2026-03-10',
    exitDate,
    status: exitDate ? ('exit' as const) : ('participation' as const),
  });
  events.household = await publishAndWait(
    service,
    EnrollmentCreated,
    enrollment(ids.household, lakeshore, ids.amina, [ids.amina, ids.daniel], '2026-05-15'),
    by,
  );
  events.exit = await publishAndWait(
    service,
    EnrollmentExited,
    {
      enrollmentId: ids.household,
      headParticipantId: ids.amina,
      memberParticipantIds: [ids.amina, ids.daniel],
      kind: 'exit',
      exitDate: '2026-05-15',
      reason: 'completed',
      housingStatusAtExit: 'shelter',
      removedFromPerformance: false,
    },
    by,
  );
  await publishAndWait(
    service,
    EnrollmentCreated,
    enrollment(ids.northsideEnrollment, northside, ids.northsideOwn, [ids.northsideOwn], null),
  );
  await publishAndWait(
    service,
    EnrollmentCreated,
    enrollment(ids.sharedEnrollment, lakeshore, ids.released, [ids.released, ids.expired], null),
    by,
  );
  const service_ = (serviceId: string, serviceTypeId: string) =>
    publishAndWait(
      service,
      ServiceRecorded,
      {
        serviceId,
        participantId: ids.amina,
        enrollmentId: ids.household,
        serviceTypeId,
        serviceDate: '2026-03-10',
        startsParticipation: true,
        qualifying: true,
      },
      by,
    );
  events.bedNight = await service_(ids.bedNight, 'bed_night');
  await service_(randomUUID(), 'case_management');
  events.income = await publishAndWait(
    service,
    HmisAssessmentRecorded,
    {
      assessmentId: ids.income,
      enrollmentId: ids.household,
      participantId: ids.amina,
      orgId: lakeshore,
      stage: 'project_start',
      informationDate: '2026-03-02',
      restriction: 'org',
      elements: {
        incomeBenefits: {
          incomeFromAnySource: 1,
          earned: 1,
          earnedAmountCents: 120050,
          totalMonthlyIncomeCents: 120050,
        },
        healthAndDv: { domesticViolenceSurvivor: 0 },
        disabilities: {
          physicalDisability: 1,
          physicalDisabilityLongTerm: 1,
          mentalHealthDisorder: 0,
        },
      },
      totalMonthlyIncomeCents: 120050,
      version: 1,
    },
    by,
  );
  for (const [assessmentId, restriction] of [
    [ids.sharedAssessment, 'mou'],
    [ids.keptAssessment, 'org'],
  ] as const)
    await publishAndWait(service, HmisAssessmentRecorded, {
      assessmentId,
      enrollmentId: ids.sharedEnrollment,
      participantId: ids.released,
      orgId: northside,
      stage: 'project_start',
      informationDate: '2026-03-02',
      restriction,
      elements: { incomeBenefits: { incomeFromAnySource: 0, totalMonthlyIncomeCents: 0 } },
      totalMonthlyIncomeCents: 0,
      version: 1,
    });
  return { ids, events };
}

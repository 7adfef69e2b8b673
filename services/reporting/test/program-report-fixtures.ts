import { randomUUID } from 'node:crypto';
import {
  EnrollmentCreated,
  EnrollmentExited,
  ParticipantCreated,
  PersonLinked,
  ServiceDeleted,
  ServiceRecorded,
  SharingStateChanged,
} from '@hearth/events';
import { publishAndWait, type EventReceiver } from '@hearth/testkit';

const key = [
  'amina',
  'daniel',
  'bo',
  'boAgain',
  'carla',
  'carlaAgain',
  'eve',
  'rita',
  'hidden',
  'expired',
  'frank',
] as const;
type Key = (typeof key)[number];

/**
 * Lakeshore's program over the period 2026-04-01 … 2026-06-30, made of the events the other
 * services publish (README of the test: the figures worked by hand in program-report.int.test.ts):
 * - E1 Amina (head) and her son Daniel: entry 04-06, participation 04-16, exit 05-20 completed to
 *   permanent housing; services bed_night 04-16 and case_management 05-01 (Amina's).
 * - E2 Bo: entry 02-01 (before the period), participation 02-05, open; case_management 03-15.
 * - E3 Carla: entry 05-01, participation 05-05, open; case_management 05-05, and one on 05-06
 *   deleted. E4 Carla's second record (linked to the first as one person): entry 06-01,
 *   participation 06-03, open; case_management 06-03.
 * - E5 Eve: entry 03-01, auto exit 05-31 (no one asked her housing).
 * - E6 Northside's Rita (released to Lakeshore until the year's end, head), Northside's restricted
 *   Hal and Ed (his release ended 06-29): entry 04-10, open, no participation yet.
 * - E7 Frank: 2025-01-01 to 2025-12-31, before the period.
 * - E8 Bo's second record (linked to his first): entry 06-15, open.
 * - Northside's own program with Northside's own enrollment of Hal.
 */
export async function seedProgram(service: EventReceiver) {
  const lakeshore = randomUUID();
  const northside = randomUUID();
  const program = randomUUID();
  const northsideProgram = randomUUID();
  const ids = Object.fromEntries(key.map((k) => [k, randomUUID()])) as Record<Key, string>;
  const e = Object.fromEntries(
    ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8', 'northsideOwn'].map((k) => [k, randomUUID()]),
  ) as Record<'e1' | 'e2' | 'e3' | 'e4' | 'e5' | 'e6' | 'e7' | 'e8' | 'northsideOwn', string>;
  const by = { actor: { userId: randomUUID(), name: 'Case Worker' }, orgId: lakeshore };

  const person = async (
    k: Key,
    owner: string,
    release?: { beginDate: string; endDate: string },
  ) => {
    const restriction = release ? 'share_mou' : 'restrict_to_org';
    await publishAndWait(service, ParticipantCreated, {
      participantId: ids[k],
      ownerOrgId: owner,
      firstName: k,
      middleName: null,
      lastName: 'Test',
      birthDate: '1990-01-01',
      sex: 'female',
      securityRestriction: restriction,
    });
    await publishAndWait(service, SharingStateChanged, {
      participantId: ids[k],
      ownerOrgId: owner,
      securityRestriction: restriction,
      releases: release
        ? [{ releaseId: randomUUID(), toOrgId: lakeshore, revokedAt: null, ...release }]
        : [],
      sharingVersion: 1,
    });
  };
  for (const k of [
    'amina',
    'daniel',
    'bo',
    'boAgain',
    'carla',
    'carlaAgain',
    'eve',
    'frank',
  ] as const)
    await person(k, lakeshore);
  await person('rita', northside, { beginDate: '2026-01-01', endDate: '2026-12-31' });
  await person('hidden', northside);
  await person('expired', northside, { beginDate: '2026-01-01', endDate: '2026-06-29' });

  const enroll = (
    enrollmentId: string,
    members: string[],
    entry: string,
    participation: string | null,
    exit: string | null,
    options: { programId?: string; orgId?: string } = {},
  ) =>
    publishAndWait(
      service,
      EnrollmentCreated,
      {
        enrollmentId,
        programId: options.programId ?? program,
        programKind: null,
        orgId: options.orgId ?? lakeshore,
        serviceProviderOrgId: null,
        headParticipantId: members[0]!,
        memberParticipantIds: members,
        applicationDate: entry,
        registrationDate: entry,
        participationDate: participation,
        lastQualifyingServiceDate: participation,
        exitDate: exit,
        status: exit ? 'exit' : participation ? 'participation' : 'application',
      },
      by,
    );
  await enroll(e.e1, [ids.amina, ids.daniel], '2026-04-06', '2026-04-16', '2026-05-20');
  await enroll(e.e2, [ids.bo], '2026-02-01', '2026-02-05', null);
  await enroll(e.e3, [ids.carla], '2026-05-01', '2026-05-05', null);
  await enroll(e.e4, [ids.carlaAgain], '2026-06-01', '2026-06-03', null);
  await enroll(e.e5, [ids.eve], '2026-03-01', null, '2026-05-31');
  await enroll(e.e6, [ids.rita, ids.hidden, ids.expired], '2026-04-10', null, null);
  await enroll(e.e7, [ids.frank], '2025-01-01', '2025-01-02', '2025-12-31');
  await enroll(e.e8, [ids.boAgain], '2026-06-15', null, null);
  await enroll(e.northsideOwn, [ids.hidden], '2026-04-01', null, null, {
    programId: northsideProgram,
    orgId: northside,
  });

  const exit = (
    enrollmentId: string,
    members: string[],
    exitDate: string,
    kind: 'exit' | 'auto_exit',
    housing: 'permanent_housing' | null,
  ) =>
    publishAndWait(
      service,
      EnrollmentExited,
      {
        enrollmentId,
        headParticipantId: members[0]!,
        memberParticipantIds: members,
        kind,
        exitDate,
        reason: kind === 'exit' ? 'completed' : 'no_qualifying_service',
        housingStatusAtExit: housing,
        removedFromPerformance: false,
      },
      by,
    );
  await exit(e.e1, [ids.amina, ids.daniel], '2026-05-20', 'exit', 'permanent_housing');
  await exit(e.e5, [ids.eve], '2026-05-31', 'auto_exit', null);
  await exit(e.e7, [ids.frank], '2025-12-31', 'exit', 'permanent_housing');

  const services = {
    bedNight: randomUUID(),
    aminaCase: randomUUID(),
    boCase: randomUUID(),
    carlaCase: randomUUID(),
    carlaDeleted: randomUUID(),
    carlaAgainCase: randomUUID(),
  };
  const serve = async (
    serviceId: string,
    participantId: string,
    enrollmentId: string,
    serviceTypeId: string,
    serviceDate: string,
  ) => {
    const data = {
      serviceId,
      participantId,
      enrollmentId,
      serviceTypeId,
      serviceDate,
      startsParticipation: true,
      qualifying: true,
    };
    await publishAndWait(service, ServiceRecorded, data, by);
    return data;
  };
  await serve(services.bedNight, ids.amina, e.e1, 'bed_night', '2026-04-16');
  await serve(services.aminaCase, ids.amina, e.e1, 'case_management', '2026-05-01');
  await serve(services.boCase, ids.bo, e.e2, 'case_management', '2026-03-15');
  await serve(services.carlaCase, ids.carla, e.e3, 'case_management', '2026-05-05');
  const deleted = await serve(
    services.carlaDeleted,
    ids.carla,
    e.e3,
    'case_management',
    '2026-05-06',
  );
  await publishAndWait(service, ServiceDeleted, { ...deleted, version: 2 }, by);
  await serve(services.carlaAgainCase, ids.carlaAgain, e.e4, 'case_management', '2026-06-03');

  const link = {
    linkId: randomUUID(),
    personId: ids.carla,
    survivingParticipantId: ids.carla,
    participantIds: [ids.carla, ids.carlaAgain],
    at: '2026-06-10T09:00:00.000Z',
  };
  await publishAndWait(service, PersonLinked, link);
  await publishAndWait(service, PersonLinked, {
    linkId: randomUUID(),
    personId: ids.bo,
    survivingParticipantId: ids.bo,
    participantIds: [ids.bo, ids.boAgain],
    at: '2026-06-20T09:00:00.000Z',
  });
  return { lakeshore, northside, program, northsideProgram, ids, enrollments: e, services, link };
}

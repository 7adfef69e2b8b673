import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import {
  EnrollmentCreated,
  EnrollmentExited,
  EnrollmentUpdated,
  HmisClientMatched,
  HmisEnrollmentSettled,
  OrganizationCreated,
  ParticipantCreated,
  ServiceRecorded,
  SharingStateChanged,
} from '@hearth/events';
import { publishAndWait, type TestService } from '@hearth/testkit';
import {
  client,
  enrollment,
  exit,
  importToEnd,
  projectP1,
  service as serviceRow,
  zipOf,
} from './import-harness';

/**
 * An import carried onward, made of the events the services publish (export-onward-records):
 * reporting imports the sender's zip, then intake's and enrollment's answers arrive and the
 * records they made come back through the read model's events.
 */
/**
 * The sender's export: a household (C1 head, C2 member, HH1) exited, with a service; C3 who
 * intake will link to a record already here; C4 whom intake will not take in (its enrollment E4
 * refused). Everything in project P1 of organization O1.
 */
export async function imported(service: TestService, importer: Actor) {
  const zip = await zipOf({
    ...projectP1,
    Client: ['C1', 'C2', 'C3', 'C4'].map((id) => client(id, { FirstName: id })),
    Enrollment: [
      enrollment('E1', 'C1', { HouseholdID: 'HH1' }),
      enrollment('E2', 'C2', { HouseholdID: 'HH1', RelationshipToHoH: 2 }),
      enrollment('E3', 'C3'),
      enrollment('E4', 'C4'),
    ],
    Exit: [exit('X1', 'E1', 'C1'), exit('X2', 'E2', 'C2')],
    Services: [serviceRow('S1', 'E1', 'C1')],
  });
  const done = await importToEnd(service, importer, zip);
  expect(done.status).toBe('done');
  return done.id;
}

/** What intake, enrollment and services answer and then publish, as their events. */
export async function carriedOnward(service: TestService, importer: Actor, importId: string) {
  const org = importer.orgId;
  const by = { orgId: org, actor: { userId: importer.userId, name: 'Importer' } };
  const our = {
    p1: randomUUID(),
    p2: randomUUID(),
    p3: randomUUID(),
    lena: randomUUID(), // the record already here C3 is linked to
    nia: randomUUID(), // a member added here to the imported household
    program: randomUUID(), // what enrollment made of P1
    otherProgram: randomUUID(),
    household: randomUUID(), // E1 and E2 recorded as one enrollment of ours
    e3: randomUUID(),
    lenaOwn: randomUUID(),
    later: randomUUID(), // p1's new enrollment made here after the exit
    importedService: randomUUID(),
    bedNight: randomUUID(), // recorded here on the imported household
  };
  await publishAndWait(service, OrganizationCreated, {
    organizationId: org,
    name: 'Importer Agency',
    kind: 'agency',
    timeZone: 'America/Chicago',
    version: 1,
  });
  for (const [id, firstName] of [
    [our.p1, 'Cora'],
    [our.p2, 'Cal'],
    [our.p3, 'Cleo'],
    [our.lena, 'Lena'],
    [our.nia, 'Nia'],
  ] as const) {
    await publishAndWait(
      service,
      ParticipantCreated,
      {
        participantId: id,
        ownerOrgId: org,
        firstName,
        middleName: null,
        lastName: 'Lind',
        birthDate: '1990-04-01',
        sex: null,
        securityRestriction: 'restrict_to_org',
      },
      by,
    );
    await publishAndWait(service, SharingStateChanged, {
      participantId: id,
      ownerOrgId: org,
      securityRestriction: 'restrict_to_org',
      releases: [],
      sharingVersion: 1,
    });
  }
  const matched = (
    personalId: string,
    outcome: 'taken_in' | 'linked' | 'not_taken_in',
    p: string | null,
    linkedTo: string | null = null,
  ) =>
    publishAndWait(
      service,
      HmisClientMatched,
      {
        importId,
        exportId: 'EXP1',
        personalId,
        outcome,
        participantId: p,
        linkedToParticipantId: linkedTo,
        reason: null,
      },
      { orgId: org },
    );
  await matched('C1', 'taken_in', our.p1);
  await matched('C2', 'taken_in', our.p2);
  await matched('C3', 'linked', our.p3, our.lena);
  await matched('C4', 'not_taken_in', null);
  // E1..E4 are the enrollments of C1..C4
  const settled = (
    enrollmentId: string,
    recorded: { as: string; participantId: string; exitDate: string | null } | null,
  ) => {
    const personalId = enrollmentId.replace('E', 'C');
    return publishAndWait(
      service,
      HmisEnrollmentSettled,
      recorded
        ? {
            importId,
            exportId: 'EXP1',
            enrollmentId,
            personalId,
            outcome: 'recorded' as const,
            recordedAs: recorded.as,
            programId: our.program,
            participantId: recorded.participantId,
            exitDate: recorded.exitDate,
          }
        : {
            importId,
            exportId: 'EXP1',
            enrollmentId,
            personalId,
            outcome: 'refused' as const,
            reason: 'Intake did not take the client in',
          },
      { orgId: org },
    );
  };
  const exited = '2025-06-30';
  await settled('E1', { as: our.household, participantId: our.p1, exitDate: exited });
  // a member joins its head's enrollment
  await settled('E2', { as: our.household, participantId: our.p2, exitDate: exited });
  await settled('E3', { as: our.e3, participantId: our.p3, exitDate: null });
  await settled('E4', null);
  // an enrollment as enrollment announces it: the snapshot, created (open) or updated (exited)
  const enrolled = (
    id: string,
    program: string,
    head: string,
    members: string[],
    entry: string,
    exitDate: string | null = null,
  ) =>
    publishAndWait(
      service,
      exitDate ? EnrollmentUpdated : EnrollmentCreated,
      {
        enrollmentId: id,
        programId: program,
        programKind: null,
        orgId: org,
        serviceProviderOrgId: null,
        headParticipantId: head,
        memberParticipantIds: members,
        applicationDate: entry,
        registrationDate: entry,
        participationDate: entry,
        lastQualifyingServiceDate: entry,
        exitDate,
        status: exitDate ? 'exit' : 'participation',
      },
      by,
    );
  const household = [our.p1, our.p2, our.nia];
  await enrolled(our.household, our.program, our.p1, household, '2025-01-15');
  // the exit as enrollment records it: the enrollment's new snapshot, then the exit
  await enrolled(our.household, our.program, our.p1, household, '2025-01-15', '2025-06-30');
  await publishAndWait(
    service,
    EnrollmentExited,
    {
      enrollmentId: our.household,
      headParticipantId: our.p1,
      memberParticipantIds: household,
      kind: 'exit',
      exitDate: '2025-06-30',
      reason: 'other',
      housingStatusAtExit: 'permanent_housing',
      removedFromPerformance: false,
    },
    by,
  );
  await enrolled(our.e3, our.program, our.p3, [our.p3], '2025-01-15');
  await enrolled(our.lenaOwn, our.otherProgram, our.lena, [our.lena], '2025-03-01');
  await enrolled(our.later, our.otherProgram, our.p1, [our.p1], '2025-08-01');
  const served = (serviceId: string, serviceTypeId: string, serviceDate: string) =>
    publishAndWait(
      service,
      ServiceRecorded,
      {
        serviceId,
        participantId: our.p1,
        enrollmentId: our.household,
        serviceTypeId,
        serviceDate,
        startsParticipation: false,
        qualifying: true,
      },
      by,
    );
  // S1 as services recorded it: a catalog type made for the import, with no HUD code of ours
  await served(our.importedService, randomUUID(), '2025-02-01');
  await served(our.bedNight, 'bed_night', '2025-03-01');
  return our;
}

import { randomUUID } from 'node:crypto';
import {
  EnrollmentCreated,
  EnrollmentExited,
  HmisClientMatched,
  HmisEnrollmentSettled,
  OrganizationCreated,
  ParticipantCreated,
  ServiceRecorded,
  SharingStateChanged,
} from '@hearth/events';
import { publishAndWait, startServiceForTest, testActor, type TestService } from '@hearth/testkit';
import { reporting } from '../src/app';
import { reportingEnv } from '../src/config';
import { exportedBy, hex } from './export-harness';
import { client, enrollment, exit, importToEnd, projectP1, service, zipOf } from './import-harness';

/**
 * One record, one row: an import carried onward (intake took its clients in, enrollment recorded
 * its enrollments, services its service) comes back through the read model's events; the export
 * writes each record once, ours under the sender's id, and every id it names resolves.
 */
let reportingService: TestService;
beforeAll(async () => {
  reportingService = await startServiceForTest(reporting, reportingEnv);
}, 60_000);
afterAll(() => reportingService?.close());

const range = { startDate: '2025-01-01', endDate: '2025-12-31' };
type Files = Awaited<ReturnType<typeof exportedBy>>;
const ids = (files: Files, file: string, column: string) =>
  files
    .records(file)
    .map((r) => r[column]!)
    .sort();

/**
 * The sender's export: a household (C1 head, C2 member, HH1) exited, with a service; C3 who
 * intake will link to a record already here; C4 whom intake will not take in (its enrollment E4
 * refused). Everything in project P1 of organization O1.
 */
async function imported(importer: ReturnType<typeof testActor>) {
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
    Services: [service('S1', 'E1', 'C1')],
  });
  const done = await importToEnd(reportingService, importer, zip);
  expect(done.status).toBe('done');
  return done.id;
}

/** What intake, enrollment and services answer and then publish, as their events. */
async function carriedOnward(importer: ReturnType<typeof testActor>, importId: string) {
  const org = importer.orgId;
  const by = { orgId: org, actor: { userId: importer.userId, name: 'Importer' } };
  const our = {
    p1: randomUUID(),
    p2: randomUUID(),
    p3: randomUUID(),
    lena: randomUUID(), // the record already here C3 is linked to
    program: randomUUID(), // what enrollment made of P1
    otherProgram: randomUUID(),
    household: randomUUID(), // E1 and E2 recorded as one enrollment of ours
    e3: randomUUID(),
    lenaOwn: randomUUID(),
    later: randomUUID(), // p1's new enrollment made here after the exit
    importedService: randomUUID(),
    bedNight: randomUUID(), // recorded here on the imported household
  };
  await publishAndWait(reportingService, OrganizationCreated, {
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
  ] as const) {
    await publishAndWait(
      reportingService,
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
    await publishAndWait(reportingService, SharingStateChanged, {
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
      reportingService,
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
  const settled = (enrollmentId: string, recordedAs: string | null) =>
    publishAndWait(
      reportingService,
      HmisEnrollmentSettled,
      {
        importId,
        exportId: 'EXP1',
        enrollmentId,
        outcome: recordedAs ? 'recorded' : 'refused',
        recordedAs,
        reason: recordedAs ? null : 'Intake did not take the client in',
      },
      { orgId: org },
    );
  await settled('E1', our.household);
  await settled('E2', our.household); // a member joins its head's enrollment
  await settled('E3', our.e3);
  await settled('E4', null);
  const enrolled = (id: string, program: string, head: string, members: string[], entry: string) =>
    publishAndWait(
      reportingService,
      EnrollmentCreated,
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
        exitDate: null,
        status: 'participation',
      },
      by,
    );
  await enrolled(our.household, our.program, our.p1, [our.p1, our.p2], '2025-01-15');
  await publishAndWait(
    reportingService,
    EnrollmentExited,
    {
      enrollmentId: our.household,
      headParticipantId: our.p1,
      memberParticipantIds: [our.p1, our.p2],
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
      reportingService,
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

describe('an import carried onward, exported', () => {
  it('before anything is carried onward, writes the imported rows as they came', async () => {
    const importer = testActor({ orgId: randomUUID(), roles: ['caseworker'] });
    await imported(importer);
    const files = await exportedBy(reportingService, importer, range);
    expect(ids(files, 'Client', 'PersonalID')).toEqual(['C1', 'C2', 'C3', 'C4']);
    expect(ids(files, 'Enrollment', 'EnrollmentID')).toEqual(['E1', 'E2', 'E3', 'E4']);
    expect(ids(files, 'Project', 'ProjectID')).toEqual(['P1']);
    expect(ids(files, 'Organization', 'OrganizationID')).toEqual(['O1']);
  });

  it('writes each record once, under the id the other system knew it by', async () => {
    const importer = testActor({ orgId: randomUUID(), roles: ['caseworker'] });
    const our = await carriedOnward(importer, await imported(importer));
    const files = await exportedBy(reportingService, importer, range);
    // C1-C3 are ours now, under their PersonalIDs; C4 was not taken in: its imported row; the
    // record C3 was linked to is a second record of that person, its own row: 5, not 4 + 4
    expect(ids(files, 'Client', 'PersonalID')).toEqual(
      ['C1', 'C2', 'C3', 'C4', hex(our.lena)].sort(),
    );
    const client = (id: string) => files.records('Client').find((r) => r.PersonalID === id)!;
    // the row is what Hearth holds now (intake's record), not the imported row
    expect(client('C1').FirstName).toBe('Cora');
    expect(client('C3').FirstName).toBe('Cleo');
    // E1 / E2 / E3 ours under theirs; E4 refused: imported; Lena's and p1's later one: ours
    const enrollments = files.records('Enrollment');
    expect(enrollments.map((r) => r.EnrollmentID).sort()).toEqual(
      ['E1', 'E2', 'E3', 'E4', hex(our.lenaOwn), hex(our.later)].sort(),
    );
    const byId = (id: string) => enrollments.find((r) => r.EnrollmentID === id)!;
    expect(byId('E1')).toMatchObject({ PersonalID: 'C1', HouseholdID: 'HH1', ProjectID: 'P1' });
    expect(byId('E2')).toMatchObject({ PersonalID: 'C2', HouseholdID: 'HH1', ProjectID: 'P1' });
    expect(byId('E3')).toMatchObject({ PersonalID: 'C3', ProjectID: 'P1' });
    // a new enrollment made here for a taken-in client: ours, under the client's PersonalID
    expect(byId(hex(our.later))).toMatchObject({
      PersonalID: 'C1',
      HouseholdID: hex(our.later),
      ProjectID: hex(our.otherProgram),
    });
    expect(byId(hex(our.lenaOwn)).PersonalID).toBe(hex(our.lena));
    // the household's exit, ours, each member's under its ExitID: 2, not 2 + 2
    expect(
      files.records('Exit').map((r) => [r.ExitID, r.EnrollmentID, r.PersonalID, r.ExitDate]),
    ).toEqual([
      ['X1', 'E1', 'C1', '2025-06-30'],
      ['X2', 'E2', 'C2', '2025-06-30'],
    ]);
    // S1 as imported (its onward record has no HUD code here), the bed night ours on E1
    const services = files
      .records('Services')
      .map((r) => [r.ServicesID, r.EnrollmentID, r.PersonalID]);
    expect(services.sort()).toEqual(
      [
        ['S1', 'E1', 'C1'],
        [hex(our.bedNight), 'E1', 'C1'],
      ].sort(),
    );
    // P1 is the program enrollment made of it, once; the other program ours; O1 named by no row
    expect(ids(files, 'Project', 'ProjectID')).toEqual(['P1', hex(our.otherProgram)].sort());
    expect(files.records('Project').every((r) => r.OrganizationID === hex(importer.orgId))).toBe(
      true,
    );
    expect(ids(files, 'Organization', 'OrganizationID')).toEqual([hex(importer.orgId)]);
    // every id named resolves
    const personal = new Set(ids(files, 'Client', 'PersonalID'));
    const enrollmentIds = new Set(enrollments.map((r) => r.EnrollmentID));
    const projects = new Set(ids(files, 'Project', 'ProjectID'));
    for (const r of enrollments) {
      expect(personal.has(r.PersonalID!)).toBe(true);
      expect(projects.has(r.ProjectID!)).toBe(true);
    }
    for (const file of ['Exit', 'Services'])
      for (const r of files.records(file)) {
        expect(enrollmentIds.has(r.EnrollmentID!)).toBe(true);
        expect(byId(r.EnrollmentID!).PersonalID).toBe(r.PersonalID);
      }
  });
});

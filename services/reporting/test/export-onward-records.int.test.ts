import { createHash, randomUUID } from 'node:crypto';
import { startServiceForTest, testActor, type TestService } from '@hearth/testkit';
import { reporting } from '../src/app';
import { reportingEnv } from '../src/config';
import { exportedBy, hex } from './export-harness';
import { carriedOnward, imported } from './onward-fixtures';

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

describe('an import carried onward, exported', () => {
  it('before anything is carried onward, writes the imported rows as they came', async () => {
    const importer = testActor({ orgId: randomUUID(), roles: ['caseworker'] });
    await imported(reportingService, importer);
    const files = await exportedBy(reportingService, importer, range);
    expect(ids(files, 'Client', 'PersonalID')).toEqual(['C1', 'C2', 'C3', 'C4']);
    expect(ids(files, 'Enrollment', 'EnrollmentID')).toEqual(['E1', 'E2', 'E3', 'E4']);
    expect(ids(files, 'Project', 'ProjectID')).toEqual(['P1']);
    expect(ids(files, 'Organization', 'OrganizationID')).toEqual(['O1']);
  });

  it('writes each record once, under the id the other system knew it by', async () => {
    const importer = testActor({ orgId: randomUUID(), roles: ['caseworker'] });
    const our = await carriedOnward(
      reportingService,
      importer,
      await imported(reportingService, importer),
    );
    const files = await exportedBy(reportingService, importer, range);
    // C1-C3 are ours now, under their PersonalIDs; C4 was not taken in: its imported row; the
    // record C3 was linked to is a second record of that person, its own row; Nia is ours alone:
    // 4 imported + Lena + Nia = 6, not 4 + 5
    expect(ids(files, 'Client', 'PersonalID')).toEqual(
      ['C1', 'C2', 'C3', 'C4', hex(our.lena), hex(our.nia)].sort(),
    );
    const client = (id: string) => files.records('Client').find((r) => r.PersonalID === id)!;
    // the row is what Hearth holds now (intake's record), not the imported row
    expect(client('C1').FirstName).toBe('Cora');
    expect(client('C3').FirstName).toBe('Cleo');
    // E1 / E2 / E3 ours under theirs; E4 refused: imported; Nia's member enrollment (HUD's rule:
    // sha256 of household/member), Lena's and p1's later one: ours. 7, not 4 + 6
    const niaEnrollment = createHash('sha256')
      .update(`${our.household}/${our.nia}`)
      .digest('hex')
      .slice(0, 32);
    const enrollments = files.records('Enrollment');
    expect(enrollments.map((r) => r.EnrollmentID).sort()).toEqual(
      ['E1', 'E2', 'E3', 'E4', niaEnrollment, hex(our.lenaOwn), hex(our.later)].sort(),
    );
    const byId = (id: string) => enrollments.find((r) => r.EnrollmentID === id)!;
    expect(byId('E1')).toMatchObject({ PersonalID: 'C1', HouseholdID: 'HH1', ProjectID: 'P1' });
    expect(byId('E2')).toMatchObject({ PersonalID: 'C2', HouseholdID: 'HH1', ProjectID: 'P1' });
    expect(byId('E3')).toMatchObject({ PersonalID: 'C3', ProjectID: 'P1' });
    // a member added here joins the imported household: its HouseholdID, not our uuid
    expect(byId(niaEnrollment)).toMatchObject({
      PersonalID: hex(our.nia),
      HouseholdID: 'HH1',
      ProjectID: 'P1',
    });
    // a new enrollment made here for a taken-in client: ours, under the client's PersonalID
    expect(byId(hex(our.later))).toMatchObject({
      PersonalID: 'C1',
      HouseholdID: hex(our.later),
      ProjectID: hex(our.otherProgram),
    });
    expect(byId(hex(our.lenaOwn)).PersonalID).toBe(hex(our.lena));
    // the household's exit, ours, each member's under its ExitID (Nia's: her EnrollmentID, as
    // ours are): 3, not 3 + 2
    expect(
      files
        .records('Exit')
        .map((r) => [r.ExitID, r.EnrollmentID, r.PersonalID, r.ExitDate])
        .sort(),
    ).toEqual(
      [
        ['X1', 'E1', 'C1', '2025-06-30'],
        ['X2', 'E2', 'C2', '2025-06-30'],
        [niaEnrollment, niaEnrollment, hex(our.nia), '2025-06-30'],
      ].sort(),
    );
    // S1 ours now (services recorded it: export-onward-services), the bed night ours, both on E1
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

  it('keeps to the range as before: what is out of it is out on both sides', async () => {
    const importer = testActor({ orgId: randomUUID(), roles: ['caseworker'] });
    const our = await carriedOnward(
      reportingService,
      importer,
      await imported(reportingService, importer),
    );
    // the second half of 2025: the household (E1, E2, Nia) exited on 2025-06-30, before it
    const files = await exportedBy(reportingService, importer, {
      startDate: '2025-07-01',
      endDate: '2025-12-31',
    });
    // C1 through the enrollment made here on 2025-08-01; C3 (E3 open), C4 (E4 open, imported),
    // Lena; C2 and Nia only in the household: neither row
    expect(ids(files, 'Client', 'PersonalID')).toEqual(['C1', 'C3', 'C4', hex(our.lena)].sort());
    expect(ids(files, 'Enrollment', 'EnrollmentID')).toEqual(
      ['E3', 'E4', hex(our.lenaOwn), hex(our.later)].sort(),
    );
    expect(files.records('Exit')).toEqual([]);
    // S1 (2025-02-01) and the bed night (2025-03-01) are before the range
    expect(files.records('Services')).toEqual([]);
    expect(ids(files, 'Project', 'ProjectID')).toEqual(['P1', hex(our.otherProgram)].sort());
  });
});

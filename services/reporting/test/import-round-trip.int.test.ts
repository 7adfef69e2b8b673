import { randomUUID } from 'node:crypto';
import { startServiceForTest, testActor, type TestService } from '@hearth/testkit';
import { reporting } from '../src/app';
import { reportingEnv } from '../src/config';
import { readExport } from './csv';
import { exportedBy } from './export-harness';
import {
  type Answer,
  getImport,
  importedCounts,
  importedOtherCounts,
  postImport,
  sampleZip,
  untilFinished,
} from './import-harness';

/**
 * HUD's whole FY2026 sample (60,838 rows) imported once, as a user would: posted, then followed
 * until its job ends. What the import holds and what an export gives back of it are read from that
 * one import (importing it took most of this file's time, and once proves what three times did).
 */
let service: TestService;
const worker = () => testActor({ orgId: randomUUID(), roles: ['caseworker'] });
const importer = worker();
let queued: { status: number; body: Answer };
let body: Answer;
let seen: Answer[];
beforeAll(async () => {
  service = await startServiceForTest(reporting, reportingEnv, {
    clock: () => new Date('2026-10-01T12:00:00Z'),
    env: { HMIS_IMPORT_POLL_MS: '200' },
  });
  queued = await postImport(service, importer, sampleZip());
  if (queued.status === 202)
    ({ final: body, seen } = await untilFinished(service, importer, queued.body.id));
}, 180_000);
afterAll(() => service?.close());

describe("HUD's sample export imported", () => {
  test("is queued at once, imported by the job with its counts growing, into the importer's organization: every Organization, Client, Enrollment, Exit and Services row, and the projects but two that end before they start", async () => {
    const actor = importer;
    expect(queued.status).toBe(202);
    expect(['queued', 'running']).toContain(queued.body.status);
    expect(queued.body).toMatchObject({ exportId: 'LSAv8TestAug131906', replayed: false });
    // the counts are the sample's data rows (each file's lines less its header)
    expect(body.files).toEqual({
      Organization: { read: 27, accepted: 27, alreadyHeld: 0, updated: 0, deleted: 0, refused: 0 },
      Project: { read: 72, accepted: 70, alreadyHeld: 0, updated: 0, deleted: 0, refused: 2 },
      // three grants end before they start (one of them names a refused project)
      Funder: { read: 174, accepted: 171, alreadyHeld: 0, updated: 0, deleted: 0, refused: 3 },
      Client: { read: 10606, accepted: 10606, alreadyHeld: 0, updated: 0, deleted: 0, refused: 0 },
      Enrollment: {
        read: 16494,
        accepted: 16494,
        alreadyHeld: 0,
        updated: 0,
        deleted: 0,
        refused: 0,
      },
      Exit: { read: 14627, accepted: 14627, alreadyHeld: 0, updated: 0, deleted: 0, refused: 0 },
      Services: {
        read: 19012,
        accepted: 19012,
        alreadyHeld: 0,
        updated: 0,
        deleted: 0,
        refused: 0,
      },
    });
    expect(body).toMatchObject({ status: 'done', problem: null });
    // HUD's sample holds two projects that end before they start (its LSA data-quality cases),
    // and three grants that do
    expect(body.refusals).toEqual([
      ...[27, 29].map((row) => ({
        file: 'Project.csv',
        row,
        column: 'OperatingEndDate',
        message: 'Before OperatingStartDate',
      })),
      ...[172, 173, 174].map((row) => ({
        file: 'Funder.csv',
        row,
        column: 'EndDate',
        message: 'Before StartDate',
      })),
    ]);
    // while it ran, a reader saw part of the rows counted, and the counts never went back
    const read = seen.map((a) => Object.values(a.files).reduce((n, f) => n + f.read, 0));
    expect(read.some((n) => n > 0 && n < 27 + 72 + 10606 + 16494 + 14627 + 19012)).toBe(true);
    expect(read).toEqual([...read].sort((a, b) => a - b));
    expect(await importedCounts(service, actor.orgId)).toEqual({
      clients: 10606,
      enrollments: 16494,
      exits: 14627,
      imports: 1,
    });
    expect(await importedOtherCounts(service, actor.orgId)).toEqual({
      organizations: 27,
      projects: 70,
      services: 19012,
    });
    const first = await service.pool.query(
      "SELECT first_name, last_name, to_char(dob, 'YYYY-MM-DD') AS dob, veteran_status, import_id FROM hmis_imported_clients WHERE org_id = $1 AND personal_id = 'C10968'",
      [actor.orgId],
    );
    expect(first.rows).toEqual([
      {
        first_name: 'Orchid',
        last_name: 'Rockweed',
        dob: '1988-05-14',
        veteran_status: 0,
        import_id: body.id,
      },
    ]);
    // the stored zip goes with its job
    const { rows } = await service.pool.query(
      'SELECT count(*)::int AS n FROM hmis_import_uploads WHERE import_id = $1',
      [body.id],
    );
    expect(rows[0].n).toBe(0);

    // the same zip again queues nothing and answers the first import
    const again = await postImport(service, actor, sampleZip());
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({
      id: body.id,
      replayed: true,
      status: 'done',
      files: body.files,
    });
    expect(await importedCounts(service, actor.orgId)).toEqual({
      clients: 10606,
      enrollments: 16494,
      exits: 14627,
      imports: 1,
    });

    // another organization's import is not revealed
    expect((await getImport(service, worker(), body.id)).status).toBe(404);
  }, 60_000);
});

/** The columns that say who, what and when: what must come back as it went in. */
const KEYS = {
  Client: [
    'PersonalID',
    'FirstName',
    'LastName',
    'NameDataQuality',
    'DOB',
    'DOBDataQuality',
    'Sex',
    'VeteranStatus',
  ],
  Enrollment: [
    'EnrollmentID',
    'PersonalID',
    'ProjectID',
    'EntryDate',
    'HouseholdID',
    'RelationshipToHoH',
  ],
  Exit: ['ExitID', 'EnrollmentID', 'PersonalID', 'ExitDate', 'Destination'],
  Services: [
    'ServicesID',
    'EnrollmentID',
    'PersonalID',
    'DateProvided',
    'RecordType',
    'TypeProvided',
    'FAAmount',
  ],
};
type Records = ReturnType<typeof readExport>['records'];
const keyed = (records: Records, file: keyof typeof KEYS) =>
  records(file)
    .map((r) => KEYS[file].map((c) => r[c]).join('|'))
    .sort();
const range = { startDate: '2019-10-01', endDate: '2026-09-30' }; // Export.csv's own

describe("HUD's sample imported and exported again over its own range", () => {
  test('gives back the same clients, enrollments, exits and services', async () => {
    expect(body.status).toBe('done');
    const exported = await exportedBy(service, importer, range);
    const sample = readExport(sampleZip());
    // the sample's rows, each file's lines less its header (every enrollment is open in the range)
    const expected = { Client: 10606, Enrollment: 16494, Exit: 14627, Services: 19012 };
    for (const [file, count] of Object.entries(expected) as [keyof typeof KEYS, number][]) {
      const back = keyed(exported.records, file);
      expect({ file, rows: back.length }).toEqual({ file, rows: count });
      expect(back).toEqual(keyed(sample.records, file));
    }
    // the projects and organizations they name travel too, so the export stands on its own
    const projects = new Set(exported.records('Project').map((p) => p.ProjectID));
    expect(exported.records('Enrollment').every((e) => projects.has(e.ProjectID))).toBe(true);
    const orgs = new Set(exported.records('Organization').map((o) => o.OrganizationID));
    expect(exported.records('Project').every((p) => orgs.has(p.OrganizationID))).toBe(true);
  }, 120_000);

  test("by another organization, or by the continuum's lead, holds none of what the organization imported", async () => {
    expect(body.status).toBe('done');
    const other = await exportedBy(service, worker(), range);
    const lead = await exportedBy(
      service,
      testActor({ orgId: randomUUID(), roles: ['system_admin'] }),
      { ...range, continuum: true },
    );
    for (const files of [other, lead])
      for (const file of ['Client', 'Enrollment', 'Exit', 'Services'] as const)
        expect({ file, rows: files.records(file).length }).toEqual({ file, rows: 0 });
  }, 120_000);
});

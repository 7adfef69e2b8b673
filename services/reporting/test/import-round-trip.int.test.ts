import { randomUUID } from 'node:crypto';
import { startServiceForTest, testActor, type TestService } from '@hearth/testkit';
import { reporting } from '../src/app';
import { reportingEnv } from '../src/config';
import { readExport } from './csv';
import { exportedBy } from './export-harness';
import { createHash } from 'node:crypto';
import {
  client,
  enrollment,
  exit,
  importToEnd,
  projectP1,
  sampleZip,
  service as serviceRow,
  zipOf,
} from './import-harness';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(reporting, reportingEnv, {
    clock: () => new Date('2026-10-01T12:00:00Z'),
    env: { HMIS_IMPORT_POLL_MS: '200' },
  });
}, 60_000);
afterAll(() => service?.close());

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

test("HUD's sample imported and exported again over its own range gives back the same clients, enrollments, exits and services", async () => {
  const actor = testActor({ orgId: randomUUID(), roles: ['caseworker'] });
  const imported = await importToEnd(service, actor, sampleZip());
  expect(imported.status).toBe('done');
  // Export.csv's ExportStartDate / ExportEndDate
  const exported = await exportedBy(service, actor, {
    startDate: '2019-10-01',
    endDate: '2026-09-30',
  });
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
}, 180_000);

test("another organization's export, and the continuum's, hold none of what an organization imported", async () => {
  const actor = testActor({ orgId: randomUUID(), roles: ['caseworker'] });
  const imported = await importToEnd(service, actor, sampleZip());
  expect(imported.status).toBe('done');
  const range = { startDate: '2019-10-01', endDate: '2026-09-30' };
  const other = await exportedBy(
    service,
    testActor({ orgId: randomUUID(), roles: ['caseworker'] }),
    range,
  );
  const lead = await exportedBy(
    service,
    testActor({ orgId: randomUUID(), roles: ['system_admin'] }),
    {
      ...range,
      continuum: true,
    },
  );
  for (const files of [other, lead])
    for (const file of ['Client', 'Enrollment', 'Exit', 'Services'] as const)
      expect({ file, rows: files.records(file).length }).toEqual({ file, rows: 0 });
}, 180_000);

test('an imported enrollment travels when open at some point of the range, its exit when on or before its end, its services within it; names hashed on request', async () => {
  const actor = testActor({ orgId: randomUUID(), roles: ['caseworker'] });
  const zip = await zipOf({
    ...projectP1,
    Client: [client('A', { FirstName: 'Ada' }), client('B', { FirstName: 'Bea' })],
    Enrollment: [
      enrollment('E1', 'A', { EntryDate: '2024-03-01' }),
      enrollment('E2', 'B', { EntryDate: '2024-06-01' }),
      enrollment('E3', 'B', { EntryDate: '2026-01-02' }),
    ],
    Exit: [
      exit('X1', 'E1', 'A', { ExitDate: '2024-12-31' }),
      exit('X2', 'E2', 'B', { ExitDate: '2026-01-01' }),
    ],
    Services: [
      serviceRow('S1', 'E2', 'B', { DateProvided: '2024-12-31' }),
      serviceRow('S2', 'E2', 'B', { DateProvided: '2025-01-01' }),
      serviceRow('S3', 'E2', 'B', { RecordType: 152, TypeProvided: 1, FAAmount: '250.5' }),
    ],
  });
  expect((await importToEnd(service, actor, zip)).status).toBe('done');
  const files = await exportedBy(service, actor, {
    startDate: '2025-01-01',
    endDate: '2025-12-31',
    hashNames: true,
  });
  // E1 ended the day before the range; E3 starts after it; X2 is after the range's end
  expect(files.records('Enrollment').map((e) => e.EnrollmentID)).toEqual(['E2']);
  expect(files.records('Exit')).toEqual([]);
  expect(files.records('Client').map((c) => [c.PersonalID, c.FirstName])).toEqual([
    ['B', createHash('sha256').update('BEA').digest('hex')],
  ]);
  // S1 is the day before the range; S3 (2025-02-01) carries its assistance in dollars
  expect(files.records('Services').map((v) => [v.ServicesID, v.DateProvided, v.FAAmount])).toEqual([
    ['S2', '2025-01-01', ''],
    ['S3', '2025-02-01', '250.50'],
  ]);
  expect(files.records('Project').map((p) => [p.ProjectID, p.OrganizationID])).toEqual([
    ['P1', 'O1'],
  ]);
}, 60_000);

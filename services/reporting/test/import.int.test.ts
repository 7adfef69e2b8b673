import { createHash, randomUUID } from 'node:crypto';
import { startServiceForTest, testActor, type TestService } from '@hearth/testkit';
import { reporting } from '../src/app';
import { reportingEnv } from '../src/config';
import { readModelConsumers } from '../src/events/consumers';
import { rebuildReadModel } from '../src/events/journal';
import { exportedBy } from './export-harness';
import {
  declaringSize,
  getImport,
  importedCounts,
  client,
  enrollment,
  exit,
  importToEnd,
  postImport,
  projectP1,
  row,
  service as serviceRow,
  zipOf,
} from './import-harness';

/** Small zips of what each rule needs; HUD's whole sample is import-round-trip.int.test.ts's. */
let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(reporting, reportingEnv, {
    clock: () => new Date('2026-09-01T12:00:00Z'),
    env: { HMIS_IMPORT_POLL_MS: '200' },
  });
}, 60_000);
afterAll(() => service?.close());

const worker = () => testActor({ orgId: randomUUID(), roles: ['caseworker'] });
test('a row with an unknown code, an impossible date or a missing required column is refused naming file, row and column; the good rows land', async () => {
  const actor = worker();
  const zip = await zipOf({
    ...projectP1,
    Client: [
      client('A'),
      client('B', { Sex: 5 }),
      client('C', { DOB: '1990-02-30' }),
      client('D', { DateCreated: '2024-01-02' }),
    ],
    Enrollment: [
      enrollment('E1', 'A'),
      enrollment('E2', 'B'),
      enrollment('E3', 'A', { EntryDate: '03/20/2025', RelationshipToHoH: 7 }),
      enrollment('E4', 'A', { ProjectID: '' }),
    ],
    Exit: [
      exit('X1', 'E1', 'A'),
      exit('X2', 'E1', 'A', { Destination: 999 }),
      exit('X3', 'E9', 'A'),
    ],
  });
  const body = await importToEnd(service, actor, zip);
  expect(body.status).toBe('done');
  expect(body.files).toEqual({
    Organization: { read: 1, accepted: 1, alreadyHeld: 0, updated: 0, deleted: 0, refused: 0 },
    Project: { read: 1, accepted: 1, alreadyHeld: 0, updated: 0, deleted: 0, refused: 0 },
    Funder: { read: 0, accepted: 0, alreadyHeld: 0, updated: 0, deleted: 0, refused: 0 },
    Client: { read: 4, accepted: 1, alreadyHeld: 0, updated: 0, deleted: 0, refused: 3 },
    Enrollment: { read: 4, accepted: 1, alreadyHeld: 0, updated: 0, deleted: 0, refused: 3 },
    Exit: { read: 3, accepted: 1, alreadyHeld: 0, updated: 0, deleted: 0, refused: 2 },
    Services: { read: 0, accepted: 0, alreadyHeld: 0, updated: 0, deleted: 0, refused: 0 },
  });
  // the header is row 1: the first record is row 2
  expect(body.refusals).toEqual([
    { file: 'Client.csv', row: 3, column: 'Sex', message: "Not in HUD's code list: 5" },
    { file: 'Client.csv', row: 4, column: 'DOB', message: 'Not a date (yyyy-mm-dd)' },
    {
      file: 'Client.csv',
      row: 5,
      column: 'DateCreated',
      message: 'Not a date and time (yyyy-mm-dd hh:mm:ss)',
    },
    {
      file: 'Enrollment.csv',
      row: 3,
      column: 'PersonalID',
      message: 'No such client in Client.csv or an earlier import',
    },
    { file: 'Enrollment.csv', row: 4, column: 'EntryDate', message: 'Not a date (yyyy-mm-dd)' },
    {
      file: 'Enrollment.csv',
      row: 4,
      column: 'RelationshipToHoH',
      message: "Not in HUD's code list: 7",
    },
    { file: 'Enrollment.csv', row: 5, column: 'ProjectID', message: 'Required' },
    { file: 'Exit.csv', row: 3, column: 'Destination', message: "Not in HUD's code list: 999" },
    {
      file: 'Exit.csv',
      row: 4,
      column: 'EnrollmentID',
      message: 'No such enrollment in Enrollment.csv or an earlier import',
    },
  ]);
  expect(await importedCounts(service, actor.orgId)).toEqual({
    clients: 1,
    enrollments: 1,
    exits: 1,
    imports: 1,
  });

  // a rebuild of the event-fed read model leaves imported rows alone
  await rebuildReadModel(service.pool, readModelConsumers());
  expect(await importedCounts(service, actor.orgId)).toEqual({
    clients: 1,
    enrollments: 1,
    exits: 1,
    imports: 1,
  });

  // another zip holding a client already imported: held, not duplicated
  const later = await importToEnd(
    service,
    actor,
    await zipOf({ Client: [client('A'), client('Z')], Enrollment: [enrollment('E5', 'A')] }),
  );
  expect(later.files.Client).toEqual({
    read: 2,
    accepted: 1,
    alreadyHeld: 1,
    updated: 0,
    deleted: 0,
    refused: 0,
  });
  expect(later.files.Enrollment).toEqual({
    read: 1,
    accepted: 1,
    alreadyHeld: 0,
    updated: 0,
    deleted: 0,
    refused: 0,
  });
  expect(await importedCounts(service, actor.orgId)).toMatchObject({ clients: 2, enrollments: 2 });
}, 60_000);

test('a zip that is not an FY2026 export (a wrong header, a missing file, a path in a name, another version, a header inflating past its size) is 422 at once naming the file, and queues nothing', async () => {
  const actor = worker();
  const cases: [Buffer, string, RegExp][] = [
    [
      await zipOf({}, { header: { Enrollment: 'EnrollmentID,PersonalID' } }),
      'Enrollment.csv',
      /columns expected|Column/,
    ],
    [
      await zipOf({}, { header: { Client: 'PersonalID,FirstName' } }),
      'Client.csv',
      /Column 3 must be MiddleName/,
    ],
    [await zipOf({}, { leaveOut: ['Exit'] }), 'Exit.csv', /Missing/],
    [
      await zipOf({}, { extra: ['nested/Client.csv'] }),
      'nested/Client.csv',
      /A path in a file name/,
    ],
    [
      await zipOf({ Export: [row('Export', { ExportID: 'E', CSVVersion: '2024 v1.3' })] }),
      'Export.csv',
      /CSVVersion must be 2026 v1.0/,
    ],
    [Buffer.from('not a zip at all'), 'file', /./],
    // Client.csv inflates past the size it declares: refused, not read on
    [
      declaringSize(await zipOf({ Client: [client('A'), client('B')] }), 'Client.csv', 40),
      'Client.csv',
      /too many bytes/,
    ],
  ];
  for (const [zip, field, message] of cases) {
    const { status, body } = await postImport(service, actor, zip);
    expect(status).toBe(422);
    expect(body.errors).toEqual(
      expect.arrayContaining([{ field, message: expect.stringMatching(message) }]),
    );
  }
  expect(await importedCounts(service, actor.orgId)).toEqual({
    clients: 0,
    enrollments: 0,
    exits: 0,
    imports: 0,
  });
}, 60_000);

test('a body that is not multipart is 415, a role that writes no client is 403, and an unknown import is 404', async () => {
  const actor = worker();
  const res = await fetch(`${service.url}/api/v1/imports`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${(await import('@hearth/testkit')).mintToken(actor)}`,
      'content-type': 'application/json',
    },
    body: '{}',
  });
  expect(res.status).toBe(415);
  const reader = testActor({ orgId: actor.orgId, roles: ['contract_manager'] });
  expect((await postImport(service, reader, await zipOf({}))).status).toBe(403);
  expect((await getImport(service, actor, randomUUID())).status).toBe(404);
});

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

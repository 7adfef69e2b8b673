import { randomUUID } from 'node:crypto';
import { startServiceForTest, testActor, type TestService } from '@hearth/testkit';
import { reporting } from '../src/app';
import { reportingEnv } from '../src/config';
import { readModelConsumers } from '../src/events/consumers';
import { rebuildReadModel } from '../src/events/journal';
import {
  declaringSize,
  getImport,
  importedCounts,
  importedOtherCounts,
  client,
  enrollment,
  exit,
  importToEnd,
  postImport,
  projectP1,
  row,
  sampleZip,
  untilFinished,
  zipOf,
} from './import-harness';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(reporting, reportingEnv, {
    clock: () => new Date('2026-09-01T12:00:00Z'),
  });
}, 60_000);
afterAll(() => service?.close());

const worker = () => testActor({ orgId: randomUUID(), roles: ['caseworker'] });
test("HUD's sample export is queued at once, imported by the job with its counts growing, into the importer's organization: every Organization, Client, Enrollment, Exit and Services row, and the projects but two that end before they start", async () => {
  const actor = worker();
  const queued = await postImport(service, actor, sampleZip());
  expect(queued.status).toBe(202);
  expect(['queued', 'running']).toContain(queued.body.status);
  expect(queued.body).toMatchObject({ exportId: 'LSAv8TestAug131906', replayed: false });
  const { final: body, seen } = await untilFinished(service, actor, queued.body.id);
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
    Services: { read: 19012, accepted: 19012, alreadyHeld: 0, updated: 0, deleted: 0, refused: 0 },
  });
  expect(body).toMatchObject({ status: 'done', problem: null });
  // HUD's sample holds two projects that end before they start (its LSA data-quality cases), and
  // three grants that do
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
}, 120_000);

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

import { randomUUID } from 'node:crypto';
import { startServiceForTest, testActor, type TestService } from '@hearth/testkit';
import { reporting } from '../src/app';
import { reportingEnv } from '../src/config';
import {
  client,
  enrollment,
  importToEnd,
  importedOtherCounts,
  organization,
  project,
  service as serviceRow,
  zipOf,
} from './import-harness';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(reporting, reportingEnv, {
    env: { HMIS_IMPORT_POLL_MS: '200' },
  });
}, 60_000);
afterAll(() => service?.close());

const worker = () => testActor({ orgId: randomUUID(), roles: ['caseworker'] });
const nothing = { read: 0, accepted: 0, alreadyHeld: 0, updated: 0, deleted: 0, refused: 0 };
const noSuch = (what: string, file: string) => `No such ${what} in ${file} or an earlier import`;

test("Organization, Project and Services rows are checked like the others (HUD's code lists, real dates, what they name held), refused naming file, row and column, and the good ones land", async () => {
  const actor = worker();
  const zip = await zipOf({
    Organization: [
      organization('O1'),
      organization('O2', { VictimServiceProvider: 2 }),
      organization('O3', { OrganizationName: '' }),
    ],
    Project: [
      project('P1', 'O1'),
      project('P2', 'O1', { ProjectType: 5 }),
      project('P3', 'O2'),
      project('P4', 'O1', { OperatingStartDate: '2025-02-29' }),
      project('P5', 'O1', { OperatingStartDate: '2024-01-01', OperatingEndDate: '2023-12-31' }),
    ],
    Client: [client('A'), client('B')],
    Enrollment: [enrollment('E1', 'A'), enrollment('E2', 'B', { ProjectID: 'P2' })],
    Services: [
      serviceRow('S1', 'E1', 'A', { RecordType: 152, TypeProvided: 1, FAAmount: '1234.5' }),
      serviceRow('S2', 'E1', 'A'),
      serviceRow('S3', 'E1', 'A', { RecordType: 999 }),
      serviceRow('S4', 'E1', 'A', { TypeProvided: 201 }),
      serviceRow('S5', 'E1', 'A', { RecordType: 141, TypeProvided: 13 }),
      serviceRow('S6', 'E1', 'A', { DateProvided: '2025-13-01' }),
      serviceRow('S7', 'E9', 'A'),
      serviceRow('S8', 'E1', 'B'),
      serviceRow('S9', 'E1', 'A', { RecordType: 152, TypeProvided: 1, FAAmount: '12.345' }),
      serviceRow('S10', 'E2', 'B'),
    ],
  });
  const body = await importToEnd(service, actor, zip);
  expect(body.status).toBe('done');
  expect(body.files).toEqual({
    Organization: { read: 3, accepted: 1, alreadyHeld: 0, updated: 0, deleted: 0, refused: 2 },
    Project: { read: 5, accepted: 1, alreadyHeld: 0, updated: 0, deleted: 0, refused: 4 },
    Funder: nothing,
    Client: { read: 2, accepted: 2, alreadyHeld: 0, updated: 0, deleted: 0, refused: 0 },
    Enrollment: { read: 2, accepted: 1, alreadyHeld: 0, updated: 0, deleted: 0, refused: 1 },
    Exit: nothing,
    Services: { read: 10, accepted: 2, alreadyHeld: 0, updated: 0, deleted: 0, refused: 8 },
  });
  const code = (v: number) => `Not in HUD's code list: ${v}`;
  expect(body.refusals).toEqual([
    { file: 'Organization.csv', row: 3, column: 'VictimServiceProvider', message: code(2) },
    { file: 'Organization.csv', row: 4, column: 'OrganizationName', message: 'Required' },
    { file: 'Project.csv', row: 3, column: 'ProjectType', message: code(5) },
    {
      file: 'Project.csv',
      row: 4,
      column: 'OrganizationID',
      message: noSuch('organization', 'Organization.csv'),
    },
    {
      file: 'Project.csv',
      row: 5,
      column: 'OperatingStartDate',
      message: 'Not a date (yyyy-mm-dd)',
    },
    {
      file: 'Project.csv',
      row: 6,
      column: 'OperatingEndDate',
      message: 'Before OperatingStartDate',
    },
    {
      file: 'Enrollment.csv',
      row: 3,
      column: 'ProjectID',
      message: noSuch('project', 'Project.csv'),
    },
    { file: 'Services.csv', row: 4, column: 'RecordType', message: code(999) },
    { file: 'Services.csv', row: 5, column: 'TypeProvided', message: code(201) },
    { file: 'Services.csv', row: 6, column: 'TypeProvided', message: code(13) },
    { file: 'Services.csv', row: 7, column: 'DateProvided', message: 'Not a date (yyyy-mm-dd)' },
    {
      file: 'Services.csv',
      row: 8,
      column: 'EnrollmentID',
      message: noSuch('enrollment', 'Enrollment.csv'),
    },
    {
      file: 'Services.csv',
      row: 9,
      column: 'PersonalID',
      message: 'Not the client of that EnrollmentID',
    },
    {
      file: 'Services.csv',
      row: 10,
      column: 'FAAmount',
      message: 'Not an amount in dollars (1234.56)',
    },
    {
      file: 'Services.csv',
      row: 11,
      column: 'EnrollmentID',
      message: noSuch('enrollment', 'Enrollment.csv'),
    },
  ]);
  // dollars kept as cents, the codes as sent
  const { rows } = await service.pool.query(
    `SELECT services_id, record_type, type_provided, fa_amount_cents,
       to_char(date_provided, 'YYYY-MM-DD') AS date_provided
     FROM hmis_imported_services WHERE org_id = $1 ORDER BY services_id`,
    [actor.orgId],
  );
  expect(rows).toEqual([
    {
      services_id: 'S1',
      record_type: 152,
      type_provided: 1,
      fa_amount_cents: 123450,
      date_provided: '2025-02-01',
    },
    {
      services_id: 'S2',
      record_type: 200,
      type_provided: 200,
      fa_amount_cents: null,
      date_provided: '2025-02-01',
    },
  ]);

  // rows an earlier import holds are held, not duplicated; what they name may be an earlier import's
  const later = await importToEnd(
    service,
    actor,
    await zipOf({
      Organization: [organization('O1')],
      Project: [project('P1', 'O1'), project('P6', 'O1')],
      Services: [serviceRow('S2', 'E1', 'A'), serviceRow('S11', 'E1', 'A')],
    }),
  );
  expect(later.files).toEqual({
    Organization: { read: 1, accepted: 0, alreadyHeld: 1, updated: 0, deleted: 0, refused: 0 },
    Project: { read: 2, accepted: 1, alreadyHeld: 1, updated: 0, deleted: 0, refused: 0 },
    Funder: nothing,
    Client: nothing,
    Enrollment: nothing,
    Exit: nothing,
    Services: { read: 2, accepted: 1, alreadyHeld: 1, updated: 0, deleted: 0, refused: 0 },
  });
  expect(await importedOtherCounts(service, actor.orgId)).toEqual({
    organizations: 1,
    projects: 2,
    services: 3,
  });
}, 60_000);

import { randomUUID } from 'node:crypto';
import { HmisProjectImported } from '@hearth/events';
import { outboxEvents, startServiceForTest, testActor, type TestService } from '@hearth/testkit';
import { reporting } from '../src/app';
import { reportingEnv } from '../src/config';
import { readExport } from './csv';
import { exportedBy } from './export-harness';
import {
  client,
  enrollment,
  importToEnd,
  organization,
  project,
  projectP1,
  row,
  sampleZip,
  stamps,
  zipOf,
} from './import-harness';

/** Project.csv's and Funder.csv's rows imported, kept as they came and exported back. */
let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(reporting, reportingEnv, {
    clock: () => new Date('2026-10-01T12:00:00Z'),
    env: { HMIS_IMPORT_POLL_MS: '200' },
  });
}, 60_000);
afterAll(() => service?.close());

const worker = () => testActor({ orgId: randomUUID(), roles: ['caseworker'] });
const funder = (id: string, more: Record<string, string | number> = {}) =>
  row('Funder', {
    FunderID: id,
    ProjectID: 'P1',
    Funder: 3,
    GrantID: `G-${id}`,
    StartDate: '2024-01-01',
    ...stamps,
    ...more,
  });
const enrolledInP1 = {
  ...projectP1,
  Client: [client('A')],
  Enrollment: [enrollment('E1', 'A', { EntryDate: '2024-03-01' })],
};
const year = { startDate: '2024-01-01', endDate: '2024-12-31' };
const code = (v: number) => `Not in HUD's code list: ${v}`;

test("each Funder.csv row is checked: HUD's funder codes, a grant, its dates, OtherFunder for 46 only, a project held; the good rows travel back in the importer's export as they came", async () => {
  const actor = worker();
  const zip = await zipOf({
    ...enrolledInP1,
    Funder: [
      funder('F1', { EndDate: '2024-12-31' }),
      funder('F2', { Funder: 46, OtherFunder: 'Madison, City of', StartDate: '2024-07-01' }),
      funder('F3', { Funder: 49 }), // CoC joint RRH/PSH: deprecated
      funder('F4', { Funder: 57 }),
      funder('F5', { Funder: 46 }),
      funder('F6', { OtherFunder: 'Not for CoC' }),
      funder('F7', { StartDate: '2024-05-01', EndDate: '2024-04-30' }),
      funder('F8', { GrantID: '' }),
      funder('F9', { ProjectID: 'P9' }),
    ],
  });
  const body = await importToEnd(service, actor, zip);
  expect(body.status).toBe('done');
  expect(body.files.Funder).toEqual({
    read: 9,
    accepted: 2,
    alreadyHeld: 0,
    updated: 0,
    deleted: 0,
    refused: 7,
  });
  // the header is row 1: F1 is row 2
  expect(body.refusals.filter((r) => r.file === 'Funder.csv')).toEqual([
    { file: 'Funder.csv', row: 4, column: 'Funder', message: code(49) },
    { file: 'Funder.csv', row: 5, column: 'Funder', message: code(57) },
    {
      file: 'Funder.csv',
      row: 6,
      column: 'OtherFunder',
      message: 'Required for Funder 46 (Local or Other)',
    },
    {
      file: 'Funder.csv',
      row: 7,
      column: 'OtherFunder',
      message: 'Only for Funder 46 (Local or Other)',
    },
    { file: 'Funder.csv', row: 8, column: 'EndDate', message: 'Before StartDate' },
    { file: 'Funder.csv', row: 9, column: 'GrantID', message: 'Required' },
    {
      file: 'Funder.csv',
      row: 10,
      column: 'ProjectID',
      message: 'No such project in Project.csv or an earlier import',
    },
  ]);

  const { lines, records } = await exportedBy(service, actor, year);
  const exportId = records('Export')[0]!.ExportID;
  const when = '2024-01-02 03:04:05,2024-01-02 03:04:05';
  expect(lines('Funder').slice(1)).toEqual([
    `"F1","P1",3,,"G-F1",2024-01-01,2024-12-31,${when},,,"${exportId}"`,
    `"F2","P1",46,"Madison, City of","G-F2",2024-07-01,,${when},,,"${exportId}"`,
  ]);
  // another organization's export holds none of them
  const other = await exportedBy(service, worker(), year);
  expect(other.records('Funder')).toEqual([]);
}, 60_000);

test("a later export's newer Funder row replaces ours and a DateDeleted one leaves the export", async () => {
  const actor = worker();
  const first = await zipOf({ ...enrolledInP1, Funder: [funder('F1'), funder('F2')] });
  expect((await importToEnd(service, actor, first)).status).toBe('done');
  const later = { DateUpdated: '2025-03-04 05:06:07' };
  const second = await zipOf({
    ...enrolledInP1,
    Funder: [
      funder('F1', { GrantID: 'G-F1-renewed', ...later }),
      funder('F2', { DateDeleted: '2025-03-04 05:06:07', ...later }),
    ],
  });
  const body = await importToEnd(service, actor, second);
  expect(body.files.Funder).toMatchObject({ read: 2, updated: 1, deleted: 1, refused: 0 });
  const { records } = await exportedBy(service, actor, year);
  expect(records('Funder').map((f) => [f.FunderID, f.GrantID, f.DateUpdated])).toEqual([
    ['F1', 'G-F1-renewed', '2025-03-04 05:06:07'],
  ]);
}, 60_000);

test("Project.csv's housing type, RRH subtype, affiliation, target population, HOPWA facility, common name and PIT count are checked against HUD's lists and travel back as they came", async () => {
  const actor = worker();
  const details = {
    ProjectCommonName: 'Lakeshore',
    HousingType: 3,
    RRHSubType: 1,
    ResidentialAffiliation: 0,
    TargetPopulation: 1,
    HOPWAMedAssistedLivingFac: 2,
    PITCount: 12,
  };
  const zip = await zipOf({
    Organization: [organization('O1')],
    Project: [
      project('P1', 'O1', details),
      project('P2', 'O1', { HousingType: 4, TargetPopulation: 2, ResidentialAffiliation: 2 }),
      project('P3', 'O1', { HOPWAMedAssistedLivingFac: 3, PITCount: '12.5' }),
    ],
    Client: [client('A')],
    Enrollment: [enrollment('E1', 'A', { EntryDate: '2024-03-01' })],
  });
  const body = await importToEnd(service, actor, zip);
  expect(body.files.Project).toMatchObject({ read: 3, accepted: 1, refused: 2 });
  expect(body.refusals).toEqual([
    { file: 'Project.csv', row: 3, column: 'HousingType', message: code(4) },
    { file: 'Project.csv', row: 3, column: 'ResidentialAffiliation', message: code(2) },
    { file: 'Project.csv', row: 3, column: 'TargetPopulation', message: code(2) },
    { file: 'Project.csv', row: 4, column: 'HOPWAMedAssistedLivingFac', message: code(3) },
    { file: 'Project.csv', row: 4, column: 'PITCount', message: 'Not a count (a whole number)' },
  ]);
  const { records } = await exportedBy(service, actor, year);
  expect(records('Project')).toEqual([
    expect.objectContaining({
      ProjectID: 'P1',
      ContinuumProject: '1',
      ProjectType: '13',
      ...Object.fromEntries(Object.entries(details).map(([c, v]) => [c, String(v)])),
    }),
  ]);
}, 60_000);

test('each project the import added is announced with its grants, in a program’s words, once its Funder.csv landed', async () => {
  const actor = worker();
  const zip = await zipOf({
    Organization: [organization('O1')],
    Project: [
      project('P1', 'O1', {
        HousingType: 1,
        RRHSubType: 2,
        TargetPopulation: 4,
        HOPWAMedAssistedLivingFac: 2,
      }),
      project('P2', 'O1', { ProjectType: 6, ContinuumProject: 0, ResidentialAffiliation: 0 }),
    ],
    Funder: [
      funder('F2', { Funder: 46, OtherFunder: 'County', EndDate: '2025-06-30' }),
      funder('F1'),
      funder('F3', { ProjectID: 'P2', Funder: 4 }),
    ],
  });
  const body = await importToEnd(service, actor, zip);
  expect(body.status).toBe('done');
  const announced = (await outboxEvents(service.pool, HmisProjectImported)).filter(
    (e) => e.data.importId === body.id,
  );
  expect(announced.map((e) => [e.orgId, e.actor.userId])).toEqual([
    [actor.orgId, actor.userId],
    [actor.orgId, actor.userId],
  ]);
  const grant = (id: string, more: object = {}) => ({
    funder: 3,
    otherFunder: null,
    grantId: `G-${id}`,
    startDate: '2024-01-01',
    endDate: null,
    ...more,
  });
  expect(announced.map((e) => e.data)).toEqual([
    {
      importId: body.id,
      exportId: 'EXP1',
      projectId: 'P1',
      continuumProject: true,
      projectType: 13,
      housingType: 1,
      rrhSubType: 2,
      residentialAffiliation: null,
      targetPopulation: 4,
      hopwaMedAssistedLivingFac: null, // 2: not HOPWA-funded, a program says it by itself
      funders: [
        grant('F1'),
        grant('F2', { funder: 46, otherFunder: 'County', endDate: '2025-06-30' }),
      ],
    },
    {
      importId: body.id,
      exportId: 'EXP1',
      projectId: 'P2',
      continuumProject: false,
      projectType: 6,
      housingType: null,
      rrhSubType: null,
      residentialAffiliation: false,
      targetPopulation: null,
      hopwaMedAssistedLivingFac: null,
      funders: [grant('F3', { funder: 4 })],
    },
  ]);
}, 60_000);

test("HUD's sample imported and exported again gives back every Funder row of the projects it names but the three grants ending before they start", async () => {
  const actor = worker();
  expect((await importToEnd(service, actor, sampleZip())).status).toBe('done');
  const exported = await exportedBy(service, actor, {
    startDate: '2019-10-01',
    endDate: '2026-09-30',
  });
  const projects = new Set(exported.records('Project').map((p) => p.ProjectID));
  const columns = ['FunderID', 'ProjectID', 'Funder', 'OtherFunder', 'GrantID', 'StartDate'];
  const keyed = (rows: Record<string, string>[]) =>
    rows
      .map((f) => [...columns, 'EndDate', 'DateCreated', 'DateUpdated'].map((c) => f[c]).join('|'))
      .sort();
  const expected = readExport(sampleZip())
    .records('Funder')
    .filter((f) => !(f.EndDate && f.EndDate < f.StartDate!) && projects.has(f.ProjectID!));
  expect(expected.length).toBeGreaterThan(100);
  expect(keyed(exported.records('Funder'))).toEqual(keyed(expected));
  // and its projects as they came: every column but who wrote them and the export's id
  const asCame = (rows: Record<string, string>[]) =>
    rows
      .map(({ UserID: _u, ExportID: _e, ...p }) => p)
      .sort((a, b) => (a.ProjectID! < b.ProjectID! ? -1 : 1));
  const sampleProjects = readExport(sampleZip())
    .records('Project')
    .filter((p) => projects.has(p.ProjectID!));
  expect(asCame(exported.records('Project'))).toEqual(asCame(sampleProjects));
}, 180_000);

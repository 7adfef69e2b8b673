import { createHash, randomUUID } from 'node:crypto';
import { ProgramCreated, ProgramUpdated } from '@hearth/events';
import { publishAndWait, type TestService } from '@hearth/testkit';
import type { Actor } from '@hearth/auth';
import { readModelConsumers } from '../src/events/consumers';
import { rebuildReadModel } from '../src/events/journal';
import { at, exportedBy, hex, startSeeded } from './export-harness';

/** Project.csv's ProjectType and Funder.csv from the HUD facts of enrollment's program events. */
let service: TestService;
let seeded: Awaited<ReturnType<typeof startSeeded>>['seeded'];
let lakeshore: Actor;
let createdAt: string;

beforeAll(async () => {
  ({ service, seeded, lakeshore } = await startSeeded());
}, 60_000);
afterAll(() => service?.close());

const by = () => ({
  orgId: seeded.ids.lakeshore,
  actor: { userId: seeded.ids.worker, name: 'Sam' },
});
/** The program's facts as an event before programs held HUD's type and funders. */
const older = (version: number) => ({
  programId: seeded.ids.program,
  orgId: seeded.ids.lakeshore,
  name: 'Lakeshore RRH',
  fundingSource: 'HUD CoC',
  grantNumber: null,
  activeFrom: '2025-07-01',
  activeTo: null,
  kind: null,
  version,
});
const coc = {
  funder: 3,
  otherFunder: null,
  grantId: 'WI0123L5I012500',
  startDate: '2025-07-01',
  endDate: '2026-06-30',
};
const city = {
  funder: 46,
  otherFunder: 'City of "Madison"',
  grantId: 'MAD-7',
  startDate: '2025-10-01',
  endDate: null,
};
/** Funder.csv's FunderID worked by hand: md5 of the program's id and the funder's place (from 1). */
const funderId = (n: number) =>
  createHash('md5').update(`${seeded.ids.program}:${n}`).digest('hex');
const exported = () => exportedBy(service, lakeshore);

test('a program announced before events carried HUD facts exports as before: no ProjectType, no Funder rows', async () => {
  createdAt = (await publishAndWait(service, ProgramCreated, older(1), by())).occurredAt;
  const { records, lines } = await exported();
  expect(records('Project')).toEqual([
    expect.objectContaining({ ProjectName: 'Lakeshore RRH', ProjectType: '' }),
  ]);
  expect(lines('Funder')).toEqual([
    'FunderID,ProjectID,Funder,OtherFunder,GrantID,StartDate,EndDate,DateCreated,DateUpdated,UserID,DateDeleted,ExportID',
  ]);
});

test("a program with a project type and two funders: Project.csv's ProjectType and one Funder.csv row per funder, worked by hand", async () => {
  const changed = await publishAndWait(
    service,
    ProgramUpdated,
    { ...older(2), projectType: 13, funders: [coc, city] },
    by(),
  );
  const { records, lines } = await exported();
  expect(records('Project')).toEqual([
    expect.objectContaining({ ProjectID: hex(seeded.ids.program), ProjectType: '13' }),
  ]);
  const exportId = records('Export')[0]!.ExportID;
  const stamps = `${at(createdAt)},${at(changed.occurredAt)},"${hex(seeded.ids.worker)}",,"${exportId}"`;
  const program = hex(seeded.ids.program);
  expect(lines('Funder').slice(1)).toEqual([
    `"${funderId(1)}","${program}",3,,"WI0123L5I012500",2025-07-01,2026-06-30,${stamps}`,
    `"${funderId(2)}","${program}",46,"City of ""Madison""","MAD-7",2025-10-01,,${stamps}`,
  ]);
});

test('a later version without a project type clears it and lists only its funders; a late older version is ignored; a rebuild gives the same rows', async () => {
  await publishAndWait(service, ProgramUpdated, { ...older(3), funders: [city] }, by());
  await publishAndWait(
    service,
    ProgramUpdated,
    { ...older(2), projectType: 13, funders: [coc, city] },
    by(),
  );
  const rows = async () => {
    const { records } = await exported();
    const drop = ({ ExportID: _id, ...row }: Record<string, string>) => row;
    return { projects: records('Project').map(drop), funders: records('Funder').map(drop) };
  };
  const before = await rows();
  expect(before.projects[0]!.ProjectType).toBe('');
  expect(before.funders).toEqual([
    expect.objectContaining({
      FunderID: funderId(1),
      Funder: '46',
      OtherFunder: 'City of "Madison"',
    }),
  ]);
  await rebuildReadModel(service.pool, readModelConsumers());
  expect(await rows()).toEqual(before);
});

test("another organization's program nobody in the export is enrolled in gives no Funder row", async () => {
  const other = randomUUID();
  await publishAndWait(
    service,
    ProgramCreated,
    {
      ...older(1),
      programId: other,
      orgId: seeded.ids.northside,
      name: 'Northside PSH',
      projectType: 3,
      funders: [coc],
    },
    { orgId: seeded.ids.northside, actor: { userId: randomUUID(), name: 'Kim' } },
  );
  const { records } = await exported();
  expect(records('Funder').map((f) => f.ProjectID)).toEqual([hex(seeded.ids.program)]);
  expect(records('Project').map((p) => p.ProjectID)).toEqual([hex(seeded.ids.program)]);
});

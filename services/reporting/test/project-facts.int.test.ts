import { ProgramCreated, ProgramUpdated } from '@hearth/events';
import { publishAndWait, type TestService } from '@hearth/testkit';
import type { Actor } from '@hearth/auth';
import { readModelConsumers } from '../src/events/consumers';
import { rebuildReadModel } from '../src/events/journal';
import { at, exportedBy, hex, startSeeded } from './export-harness';

/** Project.csv from enrollment's program events: the program's name, organization and dates. */
let service: TestService;
let seeded: Awaited<ReturnType<typeof startSeeded>>['seeded'];
let lakeshore: Actor;

beforeAll(async () => {
  ({ service, seeded, lakeshore } = await startSeeded());
}, 60_000);
afterAll(() => service?.close());

const program = (version: number, name: string) => ({
  programId: seeded.ids.program,
  orgId: seeded.ids.lakeshore,
  name,
  fundingSource: 'HUD CoC',
  grantNumber: 'WI-501',
  activeFrom: '2025-07-01',
  activeTo: '2027-06-30',
  kind: null,
  version,
});
const projects = async () => (await exportedBy(service, lakeshore)).records('Project');

test('a program enrolled in before enrollment announced it is named by its id and dated by its first entry', async () => {
  expect(await projects()).toEqual([
    expect.objectContaining({
      ProjectID: hex(seeded.ids.program),
      ProjectName: `Program ${hex(seeded.ids.program)}`,
      OperatingStartDate: '2026-03-02',
      OperatingEndDate: '',
    }),
  ]);
});

test("a program announced is exported by its name, its organization and its active dates, dated by enrollment's events", async () => {
  const by = { orgId: seeded.ids.lakeshore, actor: { userId: seeded.ids.worker, name: 'Sam' } };
  const created = await publishAndWait(service, ProgramCreated, program(1, 'Shelter "Plus"'), by);
  const changed = await publishAndWait(
    service,
    ProgramUpdated,
    program(2, 'Shelter Plus Care'),
    by,
  );
  // version 1 again, late: ignored
  await publishAndWait(service, ProgramUpdated, program(1, 'Shelter "Plus"'), by);
  const { lines, records } = await exportedBy(service, lakeshore);
  expect(records('Project')).toEqual([
    expect.objectContaining({
      ProjectID: hex(seeded.ids.program),
      OrganizationID: hex(seeded.ids.lakeshore),
      ProjectName: 'Shelter Plus Care',
      OperatingStartDate: '2025-07-01',
      OperatingEndDate: '2027-06-30',
      DateCreated: at(created.occurredAt),
      DateUpdated: at(changed.occurredAt),
      UserID: hex(seeded.ids.worker),
    }),
  ]);
  expect(lines('Project')[1]).toMatch(
    new RegExp(
      `^"${hex(seeded.ids.program)}","${hex(seeded.ids.lakeshore)}","Shelter Plus Care",,2025-07-01,2027-06-30,`,
    ),
  );
});

test('a rebuild from the journal gives back the same Project rows (the latest version, not the late one)', async () => {
  // each export has its own ExportID: the rest of the row must be the same
  const rows = async () => (await projects()).map(({ ExportID: _id, ...row }) => row);
  const before = await rows();
  await rebuildReadModel(service.pool, readModelConsumers());
  expect(await rows()).toEqual(before);
  expect(before[0]!.ProjectName).toBe('Shelter Plus Care');
});

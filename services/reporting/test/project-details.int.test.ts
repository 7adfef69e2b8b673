import { createHash } from 'node:crypto';
import { ProgramCreated, ProgramUpdated } from '@hearth/events';
import { publishAndWait, type TestService } from '@hearth/testkit';
import type { Actor } from '@hearth/auth';
import { readModelConsumers } from '../src/events/consumers';
import { rebuildReadModel } from '../src/events/journal';
import { at, exportedBy, hex, startSeeded } from './export-harness';

/**
 * Project.csv's ContinuumProject, HousingType, RRHSubType, ResidentialAffiliation,
 * TargetPopulation, HOPWAMedAssistedLivingFac and ProjectCoC.csv from the program events.
 */
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
/** The program as events before these facts carried it. */
const older = (version: number) => ({
  programId: seeded.ids.program,
  orgId: seeded.ids.lakeshore,
  name: 'Lakeshore RRH',
  fundingSource: 'HUD',
  grantNumber: null,
  activeFrom: '2025-07-01',
  activeTo: null,
  kind: null,
  version,
});
const grant = (funder: number) => ({
  funder,
  otherFunder: null,
  grantId: `G${funder}`,
  startDate: '2025-07-01',
  endDate: null,
});
/** Project.csv's columns ContinuumProject to PITCount, and ProjectCoC.csv's lines. */
async function exported() {
  const { records, lines } = await exportedBy(service, lakeshore);
  const p = records('Project')[0]!;
  const columns = [
    'ContinuumProject',
    'ProjectType',
    'HousingType',
    'RRHSubType',
    'ResidentialAffiliation',
    'TargetPopulation',
    'HOPWAMedAssistedLivingFac',
    'PITCount',
  ];
  return {
    project: columns.map((c) => p[c]).join(','),
    coc: lines('ProjectCoC').slice(1),
    exportId: records('Export')[0]!.ExportID,
  };
}

test('a program announced before these facts is no continuum project, says nothing else and has no ProjectCoC row', async () => {
  createdAt = (await publishAndWait(service, ProgramCreated, older(1), by())).occurredAt;
  const { project, coc } = await exported();
  expect(project).toBe('0,,,,,,,');
  expect(coc).toEqual([]);
});

test('an RRH with housing, HOPWA-funded, in WI-503: each cell as HUD codes it and one ProjectCoC row', async () => {
  const changed = await publishAndWait(
    service,
    ProgramUpdated,
    {
      ...older(2),
      projectType: 13,
      funders: [grant(15)],
      continuumProject: true,
      rrhSubType: 2,
      housingType: 3,
      targetPopulation: 3,
      hopwaMedAssistedLivingFac: 0,
      cocCode: 'WI-503',
    },
    by(),
  );
  const { project, coc, exportId } = await exported();
  // continuum 1, RRH 13, tenant-based 3, subtype housing 2, no affiliation, HIV/AIDS 3, no 0
  expect(project).toBe('1,13,3,2,,3,0,');
  const id = createHash('md5').update(`${seeded.ids.program}:coc`).digest('hex');
  // no address nor geocode held: GeographyType 99
  expect(coc).toEqual([
    `"${id}","${hex(seeded.ids.program)}","WI-503",,,,,,,99,${at(createdAt)},${at(changed.occurredAt)},"${hex(seeded.ids.worker)}",,"${exportId}"`,
  ]);
});

test('a services-only project funded by CoC alone: its affiliation as 0/1 and "non-HOPWA funded" (2); a repeat of its version changes nothing; a rebuild gives the same', async () => {
  const servicesOnly = { ...older(3), projectType: 6, funders: [grant(4)] };
  await publishAndWait(
    service,
    ProgramUpdated,
    { ...servicesOnly, residentialAffiliation: false, targetPopulation: 4 },
    by(),
  );
  const before = await exported();
  expect(before.project).toBe('0,6,,,0,4,2,');
  expect(before.coc).toEqual([]);
  // as migration 131's once-only announcement would say a version already held
  await publishAndWait(service, ProgramCreated, { ...servicesOnly, cocCode: 'WI-500' }, by());
  const again = await exported();
  expect([again.project, again.coc]).toEqual([before.project, before.coc]);
  await rebuildReadModel(service.pool, readModelConsumers());
  const rebuilt = await exported();
  expect([rebuilt.project, rebuilt.coc]).toEqual([before.project, before.coc]);
});

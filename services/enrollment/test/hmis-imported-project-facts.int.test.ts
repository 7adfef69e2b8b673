import { randomUUID } from 'node:crypto';
import {
  HmisClientMatched,
  HmisEnrollmentImported,
  HmisProjectImported,
  ProgramUpdated,
  type HmisProject,
} from '@hearth/events';
import { outboxEvents, testActor } from '@hearth/testkit';
import { client, introduce, participantFacts, startEnrollment, type Harness } from './harness';
import { exportIds, importFixtures } from './hmis-import-fixtures';

/**
 * An import's project information (Project.csv's codes, Funder.csv's grants) reaches the program
 * its project becomes, whichever arrives first: as much of it as HUD's rules for a program allow.
 */
const orgA = randomUUID();
const importer = testActor({ orgId: orgA, roles: ['caseworker'], name: 'Ines' });
const from = { orgId: orgA, actor: { userId: importer.userId, name: 'Ines' } };
let h: Harness;
beforeAll(async () => {
  h = await startEnrollment();
});
afterAll(() => h?.close());

const importId = randomUUID();
const { imported, matched } = importFixtures(importId);
const newExport = exportIds();
const hopwa = {
  funder: 15,
  otherFunder: null,
  grantId: 'H-1',
  startDate: '2024-01-01',
  endDate: null,
};
const facts = (exportId: string, projectId: string): HmisProject => ({
  importId,
  exportId,
  projectId,
  continuumProject: true,
  projectType: 13,
  housingType: 3,
  rrhSubType: 2,
  residentialAffiliation: true, // RRH with housing asks no affiliation: left out
  targetPopulation: 4,
  hopwaMedAssistedLivingFac: 1,
  // 46 without its OtherFunder breaks a program's rule: left out
  funders: [hopwa, { ...hopwa, funder: 46, grantId: 'L-1' }],
});
const taken = { projectType: 13, continuumProject: true, housingType: 3, rrhSubType: 2 };
const kept = { residentialAffiliation: null, targetPopulation: 4, hopwaMedAssistedLivingFac: 1 };

/** An imported enrollment of the project recorded: the program it made. */
async function programOfImport(exportId: string, projectId: string) {
  const participant = participantFacts(orgA);
  await introduce(h, participant);
  const project = {
    projectId,
    name: `RRH ${projectId}`,
    projectType: 13,
    operatingStartDate: '2020-01-01',
  };
  await h.publish(
    HmisEnrollmentImported,
    imported(exportId, `E-${projectId}`, 'C1', { project }),
    from,
  );
  await h.publish(HmisClientMatched, matched(exportId, 'C1', participant.participantId), from);
  const { rows } = await h.pool.query(
    'SELECT program_id FROM hmis_imported_programs WHERE org_id = $1 AND project_id = $2',
    [orgA, projectId],
  );
  return (await client(h.url, importer).get(`/programs/${rows[0].program_id}`)).body;
}

test('announced before the program is made: the program is made with it', async () => {
  const exportId = newExport();
  await h.publish(HmisProjectImported, facts(exportId, 'PA'), from);
  const program = await programOfImport(exportId, 'PA');
  expect(program).toMatchObject({ ...taken, ...kept, funders: [hopwa], version: 1 });
});

test('announced after: carried onto the program as a change by the importer, once', async () => {
  const exportId = newExport();
  const before = await programOfImport(exportId, 'PB');
  expect(before).toMatchObject({ projectType: 13, housingType: null, funders: [], version: 1 });
  await h.publish(HmisProjectImported, facts(exportId, 'PB'), from);
  await h.publish(HmisProjectImported, { ...facts(exportId, 'PB'), targetPopulation: 1 }, from);
  const after = (await client(h.url, importer).get(`/programs/${before.id}`)).body;
  expect(after).toMatchObject({ ...taken, ...kept, funders: [hopwa], version: 2 });
  const updates = (await outboxEvents(h.pool, ProgramUpdated)).filter(
    (e) => e.data.programId === before.id,
  );
  expect(updates).toHaveLength(1);
  expect(updates[0]!.actor.userId).toBe(importer.userId);
  expect(updates[0]!.data).toMatchObject({ housingType: 3, funders: [hopwa], version: 2 });
});

import { randomUUID } from 'node:crypto';
import { HmisClientMatched, HmisEnrollmentImported, ProgramCreated } from '@hearth/events';
import { outboxEvents, testActor } from '@hearth/testkit';
import { autoExitIdleEnrollments } from '../src/use-cases/auto-exit-idle-enrollments';
import {
  client,
  counts,
  introduce,
  participantFacts,
  startEnrollment,
  type Harness,
} from './harness';
import {
  enrollmentRowCounts,
  exportIds,
  importFixtures,
  shelterExit,
} from './hmis-import-fixtures';

/**
 * An HMIS import's enrollments (reporting) become the importer organization's enrollments once
 * intake has said which participant each client became, whichever of the two arrives first.
 */
const orgA = randomUUID();
const orgB = randomUUID();
const importer = testActor({ orgId: orgA, roles: ['caseworker'], name: 'Ines' });
const otherAgency = testActor({ orgId: orgB, roles: ['caseworker'] });
const from = { orgId: orgA, actor: { userId: importer.userId, name: 'Ines' } };

let h: Harness;
beforeAll(async () => {
  h = await startEnrollment();
});
afterAll(() => h?.close());

const { imported, matched } = importFixtures(randomUUID());
const newExport = exportIds();

/** A participant intake took in for the importer: its id. */
async function takenIn(): Promise<string> {
  const facts = participantFacts(orgA);
  await introduce(h, facts);
  return facts.participantId;
}
const enrollmentsOf = async (participantId: string, actor = importer) =>
  client(h.url, actor).get(`/enrollments?participantId=${participantId}`);
const importRow = async (exportId: string, enrollmentId: string) =>
  (
    await h.pool.query(
      `SELECT state, reason, recorded_as AS "recordedAs" FROM hmis_import_enrollments
       WHERE org_id = $1 AND export_id = $2 AND enrollment_id = $3`,
      [orgA, exportId, enrollmentId],
    )
  ).rows[0];

describe('imported enrollments recorded for the importer', () => {
  it('the enrollment and its exit, when the enrollment arrives before intake’s answer', async () => {
    const exportId = newExport();
    const participantId = await takenIn();
    await h.publish(
      HmisEnrollmentImported,
      imported(exportId, 'E1', 'C1', { exit: shelterExit }),
      from,
    );
    expect(await importRow(exportId, 'E1')).toMatchObject({ state: 'pending' });
    expect((await enrollmentsOf(participantId)).body.items).toEqual([]);

    await h.publish(HmisClientMatched, matched(exportId, 'C1', participantId), from);
    const row = await importRow(exportId, 'E1');
    expect(row).toMatchObject({ state: 'recorded', reason: null });
    const list = await enrollmentsOf(participantId);
    expect(list.body.items.map((e: { id: string }) => e.id)).toEqual([row.recordedAs]);
    const shown = await client(h.url, importer).get(`/enrollments/${row.recordedAs}`);
    // HUD's EntryDate is the project start: application and participation; Exit.csv's exit
    expect(shown.body).toMatchObject({
      orgId: orgA,
      headParticipantId: participantId,
      applicationDate: '2025-01-15',
      participationDate: '2025-01-15',
      active: false,
      exit: {
        exitDate: '2025-06-30',
        kind: 'exit',
        reason: 'other',
        housingStatusAtExit: 'shelter',
      },
    });
    const program = await client(h.url, importer).get(`/programs/${shown.body.programId}`);
    expect(program.body).toMatchObject({
      orgId: orgA,
      name: 'Night Shelter',
      fundingSource: 'HMIS import',
      activeFrom: '2020-01-01',
      projectType: 1, // the sender's, on HUD's list
    });
    const announced = (await outboxEvents(h.pool, ProgramCreated)).filter(
      (e) => e.data.programId === shown.body.programId,
    );
    expect(announced).toHaveLength(1);
  });

  it('an open enrollment when intake’s answer arrives first, in the same imported program', async () => {
    const exportId = newExport();
    const participantId = await takenIn();
    await h.publish(HmisClientMatched, matched(exportId, 'C2', participantId), from);
    await h.publish(HmisEnrollmentImported, imported(exportId, 'E2', 'C2'), from);
    const row = await importRow(exportId, 'E2');
    expect(row).toMatchObject({ state: 'recorded' });
    const shown = await client(h.url, importer).get(`/enrollments/${row.recordedAs}`);
    expect(shown.body).toMatchObject({ applicationDate: '2025-01-15', active: true, exit: null });
    const programs = await h.pool.query(
      'SELECT program_id FROM hmis_imported_programs WHERE org_id = $1',
      [orgA],
    );
    expect(programs.rows.map((r) => r.program_id)).toEqual([shown.body.programId]);
  });

  it('a replay of either event records nothing more', async () => {
    const exportId = newExport();
    const participantId = await takenIn();
    const enrollment = imported(exportId, 'E3', 'C3', { exit: shelterExit });
    await h.publish(HmisEnrollmentImported, enrollment, from);
    await h.publish(HmisClientMatched, matched(exportId, 'C3', participantId), from);
    const before = await counts(h);
    await h.publish(HmisEnrollmentImported, enrollment, from);
    await h.publish(HmisClientMatched, matched(exportId, 'C3', participantId), from);
    const after = await counts(h);
    expect(after).toEqual(before);
    expect((await enrollmentsOf(participantId)).body.items).toHaveLength(1);
  });

  it('intake’s answer naming a participant enrollment does not know yet is tried again', async () => {
    const exportId = newExport();
    const facts = participantFacts(orgA);
    await h.publish(HmisEnrollmentImported, imported(exportId, 'E9', 'C9'), from);
    const answered = h.publish(HmisClientMatched, matched(exportId, 'C9', facts.participantId), {
      ...from,
      timeoutMs: 20_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await introduce(h, facts);
    await answered;
    expect(await importRow(exportId, 'E9')).toMatchObject({ state: 'recorded' });
  }, 30_000);

  it('another organization does not see the imported enrollment', async () => {
    const exportId = newExport();
    const participantId = await takenIn();
    await h.publish(HmisEnrollmentImported, imported(exportId, 'E4', 'C4'), from);
    await h.publish(HmisClientMatched, matched(exportId, 'C4', participantId), from);
    expect((await importRow(exportId, 'E4')).state).toBe('recorded');
    expect((await enrollmentsOf(participantId, otherAgency)).status).toBe(404);
  });
});

describe('imported enrollments refused, with the reason kept', () => {
  it('a client intake did not take in leaves its enrollment unrecorded, saying why', async () => {
    const exportId = newExport();
    const before = await enrollmentRowCounts(h);
    await h.publish(HmisEnrollmentImported, imported(exportId, 'E5', 'C5'), from);
    await h.publish(HmisClientMatched, matched(exportId, 'C5', null), from);
    expect(await importRow(exportId, 'E5')).toMatchObject({
      state: 'refused',
      reason: 'Intake did not take the client in: No birth date',
      recordedAs: null,
    });
    expect(await enrollmentRowCounts(h)).toEqual(before);
  });

  it('an exit the exit rules refuse leaves nothing of the enrollment written', async () => {
    const exportId = newExport();
    const participantId = await takenIn();
    const early = { ...shelterExit, exitDate: '2025-01-10' };
    await h.publish(HmisEnrollmentImported, imported(exportId, 'E6', 'C6', { exit: early }), from);
    const before = await enrollmentRowCounts(h);
    await h.publish(HmisClientMatched, matched(exportId, 'C6', participantId), from);
    const row = await importRow(exportId, 'E6');
    expect(row.state).toBe('refused');
    expect(row.reason).toContain('exitDate: Must not be before the application date 2025-01-15');
    expect(await enrollmentRowCounts(h)).toEqual(before);
    expect((await enrollmentsOf(participantId)).body.items).toEqual([]);
  });

  it('an entry before the project operated is refused by the application-date rule', async () => {
    const exportId = newExport();
    const participantId = await takenIn();
    await h.publish(
      HmisEnrollmentImported,
      imported(exportId, 'E7', 'C7', { entryDate: '2019-06-01' }),
      from,
    );
    await h.publish(HmisClientMatched, matched(exportId, 'C7', participantId), from);
    const row = await importRow(exportId, 'E7');
    expect(row.state).toBe('refused');
    expect(row.reason).toContain('applicationDate');
  });

  it('a household member whose head has not arrived stays pending', async () => {
    const exportId = newExport();
    const participantId = await takenIn();
    await h.publish(
      HmisEnrollmentImported,
      imported(exportId, 'E8', 'C8', { relationshipToHoH: 2 }),
      from,
    );
    await h.publish(HmisClientMatched, matched(exportId, 'C8', participantId), from);
    expect(await importRow(exportId, 'E8')).toMatchObject({ state: 'pending', reason: null });
  });

  it('an imported open enrollment is not auto exited: its services stay in the other system', async () => {
    const exportId = newExport();
    const participantId = await takenIn();
    await h.publish(HmisClientMatched, matched(exportId, 'C9', participantId), from);
    await h.publish(HmisEnrollmentImported, imported(exportId, 'E9', 'C9'), from);
    const row = await importRow(exportId, 'E9');
    // entered 2025-01-15 with no service here: 90 days passed long before 2026-12-01
    await autoExitIdleEnrollments({ pool: h.pool, clock: () => new Date('2026-12-01T06:00:00Z') });
    const shown = await client(h.url, importer).get(`/enrollments/${row.recordedAs}`);
    expect(shown.body).toMatchObject({ active: true, exit: null });
  });
});

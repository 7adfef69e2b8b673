import { randomUUID } from 'node:crypto';
import {
  EnrollmentExited,
  HmisClientMatched,
  HmisEnrollmentImported,
  HmisExitImported,
  HmisExitSettled,
} from '@hearth/events';
import { outboxEvents, testActor } from '@hearth/testkit';
import { introduce, participantFacts, startEnrollment, type Harness } from './harness';
import { exportIds, importFixtures, shelterExit } from './hmis-import-fixtures';

/**
 * A later import brings the Exit of an enrollment an earlier import carried onward (the client
 * left in the sender's system after it): enrollment records it on what that enrollment became by
 * its own rules, or refuses it with the reason; a replay does nothing twice. The earlier import's
 * enrollment entered 2025-01-15.
 */
const orgA = randomUUID();
const importer = testActor({ orgId: orgA, roles: ['caseworker'], name: 'Ines' });
const from = { orgId: orgA, actor: { userId: importer.userId, name: 'Ines' } };
const { imported, matched } = importFixtures(randomUUID());
const newExport = exportIds();
const laterImportId = randomUUID();

let h: Harness;
beforeAll(async () => {
  h = await startEnrollment();
});
afterAll(() => h?.close());

async function takenIn(): Promise<string> {
  const facts = participantFacts(orgA);
  await introduce(h, facts);
  return facts.participantId;
}
const importRow = async (exportId: string, enrollmentId: string) =>
  (
    await h.pool.query(
      `SELECT state, reason, recorded_as AS "recordedAs" FROM hmis_import_enrollments
       WHERE org_id = $1 AND export_id = $2 AND enrollment_id = $3`,
      [orgA, exportId, enrollmentId],
    )
  ).rows[0];
const laterExitRow = async (exitId: string) =>
  (
    await h.pool.query(
      'SELECT state, reason FROM hmis_import_exits WHERE org_id = $1 AND exit_id = $2',
      [orgA, exitId],
    )
  ).rows[0];
const enrollmentOf = async (id: string) =>
  (
    await h.pool.query(
      `SELECT to_char(exit_date, 'YYYY-MM-DD') AS "exitDate", exit_reason AS "exitReason",
              housing_status_at_exit AS "housingStatusAtExit"
       FROM enrollments WHERE id = $1`,
      [id],
    )
  ).rows[0];
/** What enrollment told the later import's report of each exit, by ExitID. */
const toldOf = async (exitId: string) =>
  (await outboxEvents(h.pool, HmisExitSettled))
    .filter((e) => e.orgId === orgA && e.data.exitId === exitId)
    .map((e) => e.data);
const exitedEvents = async (id: string) =>
  (await outboxEvents(h.pool, EnrollmentExited)).filter((e) => e.data.enrollmentId === id);

/** The later import's Exit.csv row for E1 (client C1) of the earlier export. */
const laterExit = (exportId: string, exitId: string, more: Partial<typeof shelterExit> = {}) => ({
  importId: laterImportId,
  exportId,
  enrollmentId: 'E1',
  personalId: 'C1',
  exit: { ...shelterExit, exitId, ...more },
});

/** The earlier import: E1 of C1, open, recorded (or refused: no entry before 2020's operation). */
async function carriedOnward(more: Parameters<typeof imported>[3] = {}) {
  const exportId = newExport();
  await h.publish(HmisEnrollmentImported, imported(exportId, 'E1', 'C1', more), from);
  await h.publish(HmisClientMatched, matched(exportId, 'C1', await takenIn()), from);
  return { exportId, row: await importRow(exportId, 'E1') };
}

it('the exit is recorded on the enrollment by the rules a worker’s exit meets, and a replay does nothing', async () => {
  const { exportId, row } = await carriedOnward();
  expect(row.state).toBe('recorded');
  expect((await enrollmentOf(row.recordedAs)).exitDate).toBeNull();

  await h.publish(HmisExitImported, laterExit(exportId, 'X2'), from);
  expect(await laterExitRow('X2')).toEqual({ state: 'recorded', reason: null });
  expect(await enrollmentOf(row.recordedAs)).toEqual({
    exitDate: '2025-06-30',
    exitReason: 'other',
    housingStatusAtExit: 'shelter',
  });
  expect(await exitedEvents(row.recordedAs)).toHaveLength(1);

  await h.publish(HmisExitImported, laterExit(exportId, 'X2'), from);
  expect(await exitedEvents(row.recordedAs)).toHaveLength(1);
  // another exit of the same enrollment: already exited, refused with the reason
  await h.publish(HmisExitImported, laterExit(exportId, 'X3', { exitDate: '2025-07-31' }), from);
  expect(await laterExitRow('X3')).toEqual({
    state: 'refused',
    reason: expect.stringContaining('already exited on 2025-06-30'),
  });
  expect((await enrollmentOf(row.recordedAs)).exitDate).toBe('2025-06-30');
  // each told to the later import's report once, the replay not again
  expect(await toldOf('X2')).toEqual([
    { importId: laterImportId, exitId: 'X2', outcome: 'recorded', reason: null },
  ]);
  expect(await toldOf('X3')).toEqual([
    {
      importId: laterImportId,
      exitId: 'X3',
      outcome: 'refused',
      reason: expect.stringContaining('already exited on 2025-06-30'),
    },
  ]);
});

it('an exit the rules refuse is kept with the reason and the enrollment stays open', async () => {
  const { exportId, row } = await carriedOnward();
  await h.publish(HmisExitImported, laterExit(exportId, 'X4', { exitDate: '2025-01-14' }), from);
  expect(await laterExitRow('X4')).toEqual({
    state: 'refused',
    reason:
      'The exit is not possible.; exitDate: Must not be before the application date 2025-01-15; exitDate: Must not be before the participation date 2025-01-15',
  });
  expect((await enrollmentOf(row.recordedAs)).exitDate).toBeNull();
  expect(await exitedEvents(row.recordedAs)).toEqual([]);
});

it('the exit of an enrollment enrollment refused is refused naming that refusal', async () => {
  const { exportId, row } = await carriedOnward({ entryDate: '2019-06-01' });
  expect(row.state).toBe('refused');
  await h.publish(HmisExitImported, laterExit(exportId, 'X5'), from);
  expect(await laterExitRow('X5')).toEqual({
    state: 'refused',
    reason: `Its enrollment was not recorded: ${row.reason}`,
  });
});

it('an enrollment still waiting for intake takes the exit and is recorded with it', async () => {
  const exportId = newExport();
  await h.publish(HmisEnrollmentImported, imported(exportId, 'E1', 'C1'), from);
  await h.publish(HmisExitImported, laterExit(exportId, 'X6'), from);
  expect(await laterExitRow('X6')).toEqual({ state: 'joined', reason: null });
  expect(await toldOf('X6')).toEqual([
    { importId: laterImportId, exitId: 'X6', outcome: 'with_enrollment', reason: null },
  ]);
  await h.publish(HmisClientMatched, matched(exportId, 'C1', await takenIn()), from);
  const row = await importRow(exportId, 'E1');
  expect(row.state).toBe('recorded');
  expect((await enrollmentOf(row.recordedAs)).exitDate).toBe('2025-06-30');
});

it('a member’s later exit is its own: it leaves the open household, which stays open', async () => {
  const { exportId, row } = await carriedOnward({ householdId: 'HH' });
  const child = await takenIn();
  await h.publish(
    HmisEnrollmentImported,
    imported(exportId, 'E2', 'C2', { householdId: 'HH', relationshipToHoH: 2 }),
    from,
  );
  await h.publish(HmisClientMatched, matched(exportId, 'C2', child), from);
  expect((await importRow(exportId, 'E2')).state).toBe('recorded');
  const memberExit = laterExit(exportId, 'X7', { exitDate: '2025-03-01' });
  await h.publish(HmisExitImported, { ...memberExit, enrollmentId: 'E2', personalId: 'C2' }, from);
  expect(await laterExitRow('X7')).toEqual({ state: 'recorded', reason: null });
  const member = await h.pool.query(
    `SELECT to_char(exit_date, 'YYYY-MM-DD') AS "exitDate" FROM enrollment_members
     WHERE enrollment_id = $1 AND participant_id = $2`,
    [row.recordedAs, child],
  );
  expect(member.rows).toEqual([{ exitDate: '2025-03-01' }]);
  expect((await enrollmentOf(row.recordedAs)).exitDate).toBeNull();
});

import { randomUUID } from 'node:crypto';
import { HmisClientMatched, HmisEnrollmentImported, HmisEnrollmentSettled } from '@hearth/events';
import { outboxEvents, testActor } from '@hearth/testkit';
import { client, introduce, participantFacts, startEnrollment, type Harness } from './harness';
import { exportIds, importFixtures, shelterExit } from './hmis-import-fixtures';

/**
 * An import is history: a member of an imported household the head had already left (exit
 * 2025-06-30, entry 2025-01-15) joins it with its own entry and exit as sent, within the
 * household's stay; a member a worker adds here still needs an open enrollment.
 */
const orgA = randomUUID();
const importer = testActor({ orgId: orgA, roles: ['caseworker'], name: 'Ines' });
const from = { orgId: orgA, actor: { userId: importer.userId, name: 'Ines' } };
const { imported, matched } = importFixtures(randomUUID());
const newExport = exportIds();

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
const memberRows = async (enrollmentId: string) =>
  (
    await h.pool.query(
      `SELECT participant_id AS "participantId", is_head AS "isHead",
              to_char(entry_date, 'YYYY-MM-DD') AS "entryDate",
              to_char(exit_date, 'YYYY-MM-DD') AS "exitDate"
       FROM enrollment_members WHERE enrollment_id = $1 ORDER BY is_head DESC`,
      [enrollmentId],
    )
  ).rows;

/** An exited head (E1) and a child (E2) with the child's own dates, all answered by intake. */
async function exitedHousehold(childDates: { entryDate: string; exitDate: string | null }) {
  const exportId = newExport();
  const head = await takenIn();
  const child = await takenIn();
  const childExit = childDates.exitDate
    ? { ...shelterExit, exitId: 'X2', exitDate: childDates.exitDate }
    : null;
  await h.publish(
    HmisEnrollmentImported,
    imported(exportId, 'E1', 'C1', { householdId: 'HH', exit: shelterExit }),
    from,
  );
  await h.publish(
    HmisEnrollmentImported,
    imported(exportId, 'E2', 'C2', {
      householdId: 'HH',
      relationshipToHoH: 2,
      entryDate: childDates.entryDate,
      exit: childExit,
    }),
    from,
  );
  await h.publish(HmisClientMatched, matched(exportId, 'C2', child), from);
  await h.publish(HmisClientMatched, matched(exportId, 'C1', head), from);
  return { exportId, head, child, headRow: await importRow(exportId, 'E1') };
}

it('a member who came later and left earlier joins the exited household with its own dates', async () => {
  const { exportId, head, child, headRow } = await exitedHousehold({
    entryDate: '2025-02-01',
    exitDate: '2025-05-31',
  });
  expect(headRow.state).toBe('recorded');
  expect(await importRow(exportId, 'E2')).toMatchObject({
    state: 'recorded',
    recordedAs: headRow.recordedAs,
  });
  expect(await memberRows(headRow.recordedAs)).toEqual([
    { participantId: head, isHead: true, entryDate: null, exitDate: null },
    { participantId: child, isHead: false, entryDate: '2025-02-01', exitDate: '2025-05-31' },
  ]);
  // the one answer names the member (whose services are recorded on it) and the household's exit
  const settled = (await outboxEvents(h.pool, HmisEnrollmentSettled)).filter(
    (e) => e.data.exportId === exportId && e.data.enrollmentId === 'E2',
  );
  expect(settled.map((e) => e.data)).toEqual([
    expect.objectContaining({
      outcome: 'recorded',
      recordedAs: headRow.recordedAs,
      participantId: child,
      exitDate: '2025-06-30',
    }),
  ]);
});

it('a member without an exit of an exited household left with it', async () => {
  const { exportId, child, headRow } = await exitedHousehold({
    entryDate: '2025-01-15',
    exitDate: null,
  });
  expect((await importRow(exportId, 'E2')).state).toBe('recorded');
  expect((await memberRows(headRow.recordedAs))[1]).toEqual({
    participantId: child,
    isHead: false,
    entryDate: '2025-01-15',
    exitDate: null,
  });
});

it('a member leaving after the household did is refused with the date at fault, nothing added', async () => {
  const { exportId, headRow } = await exitedHousehold({
    entryDate: '2025-02-01',
    exitDate: '2025-07-15',
  });
  expect(await importRow(exportId, 'E2')).toMatchObject({
    state: 'refused',
    reason: expect.stringContaining('exitDate: After the household’s exit on 2025-06-30'),
  });
  expect(await memberRows(headRow.recordedAs)).toHaveLength(1);
});

it('a worker cannot add a member to the exited household: that still needs an open enrollment', async () => {
  const { headRow } = await exitedHousehold({ entryDate: '2025-02-01', exitDate: '2025-05-31' });
  const sibling = await takenIn();
  const res = await client(h.url, importer).post(`/enrollments/${headRow.recordedAs}/members`, {
    participantId: sibling,
  });
  expect(res.status).toBe(409);
  expect(res.body.detail).toContain('exited on 2025-06-30');
  expect(await memberRows(headRow.recordedAs)).toHaveLength(2);
});

import { randomUUID } from 'node:crypto';
import {
  HmisClientMatched,
  HmisEnrollmentImported,
  HmisEnrollmentRecorded,
  HmisEnrollmentSettled,
  type HmisEnrollment,
} from '@hearth/events';
import { outboxEvents, testActor } from '@hearth/testkit';
import { introduce, participantFacts, startEnrollment, type Harness } from './harness';

/**
 * What an imported enrollment became (enrollment.hmis-enrollment.settled v2), published with the
 * enrollment: one answer that names our enrollment, program, participant and exit for services and
 * the outcome for reporting; a refused one carries its reason. v1's `recorded` is no longer sent.
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
const imported = (enrollmentId: string, more: Partial<HmisEnrollment> = {}): HmisEnrollment => ({
  importId,
  exportId: 'EXP1',
  enrollmentId,
  personalId: `C${enrollmentId}`,
  importerRoles: ['caseworker'],
  project: {
    projectId: 'P1',
    name: 'Night Shelter',
    projectType: 1,
    operatingStartDate: '2020-01-01',
  },
  entryDate: '2025-01-15',
  relationshipToHoH: 1,
  householdId: `${enrollmentId}HH`,
  exit: null,
  ...more,
});
const matched = (personalId: string, participantId: string) => ({
  importId,
  exportId: 'EXP1',
  personalId,
  outcome: 'taken_in' as const,
  participantId,
  linkedToParticipantId: null,
  reason: null,
});
const settledOf = async (enrollmentId: string) =>
  (await outboxEvents(h.pool, HmisEnrollmentSettled)).filter(
    (e) => e.orgId === orgA && e.data.enrollmentId === enrollmentId,
  );
const importRow = async (enrollmentId: string) =>
  (
    await h.pool.query(
      `SELECT state, recorded_as AS "recordedAs" FROM hmis_import_enrollments
       WHERE org_id = $1 AND export_id = 'EXP1' AND enrollment_id = $2`,
      [orgA, enrollmentId],
    )
  ).rows[0];

it('a recorded imported enrollment names our enrollment, its program, head and exit', async () => {
  const facts = participantFacts(orgA);
  await introduce(h, facts);
  const exit = {
    exitId: 'X1',
    exitDate: '2025-06-30',
    destination: 101,
    reason: 'other' as const,
    housingStatusAtExit: 'shelter' as const,
  };
  await h.publish(HmisEnrollmentImported, imported('E1', { exit }), from);
  await h.publish(HmisClientMatched, matched('CE1', facts.participantId), from);
  const row = await importRow('E1');
  expect(row.state).toBe('recorded');
  const programId = (
    await h.pool.query('SELECT program_id FROM enrollments WHERE id = $1', [row.recordedAs])
  ).rows[0].program_id;

  const events = await settledOf('E1');
  expect(events).toHaveLength(1);
  expect(events[0]).toMatchObject({
    version: 2,
    actor: { userId: importer.userId },
    data: {
      importId,
      exportId: 'EXP1',
      enrollmentId: 'E1',
      personalId: 'CE1',
      outcome: 'recorded',
      recordedAs: row.recordedAs,
      programId,
      participantId: facts.participantId,
      exitDate: '2025-06-30',
    },
  });
  // a replay records nothing more and announces nothing more
  await h.publish(HmisEnrollmentImported, imported('E1', { exit }), from);
  expect(await settledOf('E1')).toHaveLength(1);
  // the one answer: no v1 `recorded` beside it
  const v1 = await outboxEvents(h.pool, HmisEnrollmentRecorded);
  expect(v1.filter((e) => e.orgId === orgA)).toEqual([]);
});

it('a refused imported enrollment is answered with its reason and no enrollment', async () => {
  const facts = participantFacts(orgA);
  await introduce(h, facts);
  // an entry before the project operated: the application-date rule refuses it
  await h.publish(HmisEnrollmentImported, imported('E2', { entryDate: '2019-06-01' }), from);
  await h.publish(HmisClientMatched, matched('CE2', facts.participantId), from);
  expect((await importRow('E2')).state).toBe('refused');
  const [refused, ...more] = await settledOf('E2');
  expect(more).toEqual([]);
  expect(refused!.data).toEqual({
    importId,
    exportId: 'EXP1',
    enrollmentId: 'E2',
    personalId: 'CE2',
    outcome: 'refused',
    reason: expect.stringMatching(/application date|operat/i),
  });
});

import { randomUUID } from 'node:crypto';
import { HmisClientImported, HmisEnrollmentImported } from '@hearth/events';
import { outboxEvents, startServiceForTest, testActor, type TestService } from '@hearth/testkit';
import { reporting } from '../src/app';
import { reportingEnv } from '../src/config';
import { exportedBy } from './export-harness';
import {
  client,
  enrollment,
  exit,
  importToEnd,
  organization,
  project,
  service as serviceRow,
  zipOf,
} from './import-harness';

/**
 * A later export from the same source: its rows with a newer DateUpdated replace what an earlier
 * import of the organization holds, its DateDeleted rows mark ours deleted (out of the export).
 */
let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(reporting, reportingEnv, {
    clock: () => new Date('2026-10-01T12:00:00Z'),
    env: { HMIS_IMPORT_POLL_MS: '200' },
  });
}, 60_000);
afterAll(() => service?.close());

/** The harness's stamps (2024-01-02 03:04:05): the first export's. */
const LATER = { DateUpdated: '2025-03-01 10:00:00' };
const OLDER = { DateUpdated: '2023-12-31 00:00:00' };
const GONE = { DateUpdated: '2025-04-01 00:00:00', DateDeleted: '2025-04-01 00:00:00' };

const first = () =>
  zipOf({
    Organization: [organization('O1')],
    Project: [project('P1', 'O1')],
    Client: [client('A'), client('B', { FirstName: 'Bea' }), client('C', { FirstName: 'Cy' })],
    Enrollment: [enrollment('E1', 'A'), enrollment('E2', 'B'), enrollment('E3', 'C')],
    Exit: [exit('X1', 'E1', 'A')],
    Services: [serviceRow('S1', 'E2', 'B'), serviceRow('S2', 'E3', 'C')],
  });
const later = () =>
  zipOf({
    Organization: [organization('O1')],
    Project: [project('P1', 'O1', { ProjectName: 'Renamed', ...LATER })],
    Client: [
      client('A', { FirstName: 'Adah', ...LATER }),
      // the same DateUpdated, or an older one: ours stays
      client('B', { FirstName: 'Bee' }),
      client('C', { FirstName: 'Old', ...OLDER }),
      client('D', { FirstName: 'Dee' }),
      // deleted there before we ever held it
      client('G', GONE),
    ],
    Enrollment: [
      enrollment('E2', 'B', GONE),
      enrollment('E3', 'C', { EntryDate: '2025-02-15', ...LATER }),
      enrollment('E4', 'D'),
    ],
    Exit: [exit('X1', 'E1', 'A', { ExitDate: '2025-07-31', Destination: 101, ...LATER })],
    // DateDeleted with our DateUpdated: deleted all the same
    Services: [serviceRow('S2', 'E3', 'C', { DateDeleted: '2025-05-01 00:00:00' })],
  });

const counts = (c: Partial<Record<string, number>>) => ({
  read: 0,
  accepted: 0,
  alreadyHeld: 0,
  updated: 0,
  deleted: 0,
  refused: 0,
  ...c,
});
const year = { startDate: '2025-01-01', endDate: '2025-12-31' };

test('a later export updates the rows whose DateUpdated is newer, marks its DateDeleted rows deleted, counts which, and the export gives back what we now hold', async () => {
  const actor = testActor({ orgId: randomUUID(), roles: ['caseworker'] });
  expect((await importToEnd(service, actor, await first())).status).toBe('done');
  const second = await importToEnd(service, actor, await later());
  expect(second.status).toBe('done');
  expect(second.files).toEqual({
    Organization: counts({ read: 1, alreadyHeld: 1 }),
    Project: counts({ read: 1, updated: 1 }),
    Funder: counts({}),
    Client: counts({ read: 5, accepted: 1, alreadyHeld: 2, updated: 1, deleted: 1 }),
    Enrollment: counts({ read: 3, accepted: 1, updated: 1, deleted: 1 }),
    Exit: counts({ read: 1, updated: 1 }),
    Services: counts({ read: 1, deleted: 1 }),
  });
  expect(second.refusals).toEqual([]);

  const files = await exportedBy(service, actor, year);
  // E2 deleted; E1 exits 2025-07-31 now, inside the year
  expect(files.records('Enrollment').map((e) => [e.EnrollmentID, e.EntryDate])).toEqual([
    ['E1', '2025-01-15'],
    ['E3', '2025-02-15'],
    ['E4', '2025-01-15'],
  ]);
  // B's only enrollment is deleted; C's older row changed nothing; G was never stored
  expect(files.records('Client').map((c) => [c.PersonalID, c.FirstName])).toEqual([
    ['A', 'Adah'],
    ['C', 'Cy'],
    ['D', 'Dee'],
  ]);
  expect(files.records('Exit').map((x) => [x.ExitID, x.ExitDate, x.Destination])).toEqual([
    ['X1', '2025-07-31', '101'],
  ]);
  // S1 is the deleted E2's, S2 deleted itself
  expect(files.records('Services')).toEqual([]);
  expect(files.records('Project').map((p) => [p.ProjectID, p.ProjectName, p.DateUpdated])).toEqual([
    ['P1', 'Renamed', '2025-03-01 10:00:00'],
  ]);
  const { rows } = await service.pool.query(
    'SELECT personal_id FROM hmis_imported_clients WHERE org_id = $1 ORDER BY personal_id',
    [actor.orgId],
  );
  expect(rows.map((r) => r.personal_id)).toEqual(['A', 'B', 'C', 'D']);
}, 120_000);

test('an update is not announced again: intake and enrollment hear only of the rows the later export adds', async () => {
  const actor = testActor({ orgId: randomUUID(), roles: ['caseworker'] });
  await importToEnd(service, actor, await first());
  await importToEnd(service, actor, await later());
  const clients = (await outboxEvents(service.pool, HmisClientImported)).filter(
    (e) => e.orgId === actor.orgId,
  );
  expect(clients.map((e) => e.data.personalId).sort()).toEqual(['A', 'B', 'C', 'D']);
  const enrollments = (await outboxEvents(service.pool, HmisEnrollmentImported)).filter(
    (e) => e.orgId === actor.orgId,
  );
  expect(enrollments.map((e) => e.data.enrollmentId).sort()).toEqual(['E1', 'E2', 'E3', 'E4']);
}, 120_000);

test("a later export updates only its importer's rows: another organization's same HUD ids are its own, new there", async () => {
  const holder = testActor({ orgId: randomUUID(), roles: ['caseworker'] });
  const other = testActor({ orgId: randomUUID(), roles: ['caseworker'] });
  await importToEnd(service, holder, await first());
  const theirs = await importToEnd(service, other, await later());
  expect(theirs.files.Client).toEqual(counts({ read: 5, accepted: 4, deleted: 1 }));
  const files = await exportedBy(service, holder, year);
  expect(files.records('Client').map((c) => [c.PersonalID, c.FirstName])).toEqual([
    ['A', 'Ada'],
    ['B', 'Bea'],
    ['C', 'Cy'],
  ]);
}, 120_000);

test('a deleted row comes back with a later version, and a DateDeleted row older than ours deletes nothing', async () => {
  const actor = testActor({ orgId: randomUUID(), roles: ['caseworker'] });
  await importToEnd(service, actor, await first());
  await importToEnd(service, actor, await later());
  const third = await importToEnd(
    service,
    actor,
    await zipOf({
      Enrollment: [
        enrollment('E2', 'B', { DateUpdated: '2025-06-01 00:00:00' }),
        enrollment('E3', 'C', { ...OLDER, DateDeleted: '2025-06-01 00:00:00' }),
      ],
    }),
  );
  expect(third.files.Enrollment).toEqual(counts({ read: 2, updated: 1, alreadyHeld: 1 }));
  const files = await exportedBy(service, actor, year);
  expect(files.records('Enrollment').map((e) => e.EnrollmentID)).toEqual(['E1', 'E2', 'E3', 'E4']);
  expect(files.records('Client').map((c) => c.PersonalID)).toEqual(['A', 'B', 'C', 'D']);
  // S1 comes back with its enrollment
  expect(files.records('Services').map((s) => s.ServicesID)).toEqual(['S1']);
}, 120_000);

test("a later file's refused rows are listed and the rest of it lands: a DateDeleted that is not a time is refused, naming it", async () => {
  const actor = testActor({ orgId: randomUUID(), roles: ['caseworker'] });
  await importToEnd(service, actor, await first());
  const third = await importToEnd(
    service,
    actor,
    await zipOf({
      Client: [
        client('A', { FirstName: 'Adah', ...LATER }),
        client('B', { DateDeleted: 'yesterday' }),
        client('C', { Sex: 7, ...LATER }),
      ],
    }),
  );
  expect(third.files.Client).toEqual(counts({ read: 3, updated: 1, refused: 2 }));
  expect(third.refusals.map((r) => [r.row, r.column])).toEqual([
    [3, 'DateDeleted'],
    [4, 'Sex'],
  ]);
  const files = await exportedBy(service, actor, year);
  expect(files.records('Client').map((c) => [c.PersonalID, c.FirstName])).toEqual([
    ['A', 'Adah'],
    ['B', 'Bea'],
    ['C', 'Cy'],
  ]);
}, 120_000);

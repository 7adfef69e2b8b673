import { HmisServiceSettled } from '@hearth/events';
import { outboxEvents, rowCounts, startServiceForTest, type TestService } from '@hearth/testkit';
import { services } from '../src/app';
import { servicesEnv } from '../src/config';
import { NOW } from './fixtures';
import { imported, importedRow, servicesOfEnrollment } from './hmis-import-fixtures';

/**
 * Every imported service settles: recorded on what its enrollment became, or refused when
 * enrollment refused that enrollment (`enrollment.hmis-enrollment.settled` v2, refused), and
 * each settlement is told to reporting once (`services.hmis-service.settled`).
 */
let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(services, servicesEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

const settledOf = async (exportId: string) =>
  (await outboxEvents(service.pool, HmisServiceSettled))
    .filter((e) => e.data.exportId === exportId)
    .map((e) => e.data)
    .sort((a, b) => a.servicesId.localeCompare(b.servicesId));

const REASON = 'The participation date is before the program’s start';

test('services waiting on an enrollment enrollment refused are refused with its reason', async () => {
  const s = await imported(service);
  await s.announce(s.serviceRow('S1'));
  await s.announce(s.serviceRow('S2', { dateProvided: '2026-02-02' }));
  await s.refused(REASON);
  for (const id of ['S1', 'S2'])
    expect(await importedRow(service, s.orgId, s.exportId, id)).toEqual({
      state: 'refused',
      reason: `Its enrollment was not recorded: ${REASON}`,
      recordedAs: null,
    });
  expect(await servicesOfEnrollment(service, s.enrollment.enrollmentId)).toBe(0);
  expect(await settledOf(s.exportId)).toEqual(
    ['S1', 'S2'].map((servicesId) => ({
      importId: s.importId,
      exportId: s.exportId,
      servicesId,
      outcome: 'refused',
      reason: `Its enrollment was not recorded: ${REASON}`,
    })),
  );
});

test('a service arriving after its enrollment was refused is refused at once', async () => {
  const s = await imported(service);
  await s.refused(REASON);
  await s.announce(s.serviceRow('S3'));
  expect(await importedRow(service, s.orgId, s.exportId, 'S3')).toMatchObject({
    state: 'refused',
    reason: `Its enrollment was not recorded: ${REASON}`,
  });
});

test('a recorded service is told to reporting as our service, once, and a replay settles nothing twice', async () => {
  const s = await imported(service);
  await s.announce(s.serviceRow('S1'));
  await s.recorded();
  const row = await importedRow(service, s.orgId, s.exportId, 'S1');
  expect(row.state).toBe('recorded');
  expect(await settledOf(s.exportId)).toEqual([
    {
      importId: s.importId,
      exportId: s.exportId,
      servicesId: 'S1',
      outcome: 'recorded',
      recordedAs: row.recordedAs,
    },
  ]);
  const before = await rowCounts(service.pool, ['services', 'hmis_import_services']);
  await s.announce(s.serviceRow('S1'));
  await s.recorded();
  // a refusal arriving after the recorded answer changes nothing either: the first answer stands
  await s.refused(REASON);
  expect(await rowCounts(service.pool, ['services', 'hmis_import_services'])).toEqual(before);
  expect(await settledOf(s.exportId)).toHaveLength(1);
  expect(await importedRow(service, s.orgId, s.exportId, 'S1')).toMatchObject({
    state: 'recorded',
  });
});

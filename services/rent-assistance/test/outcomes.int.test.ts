import { RentAssistanceOutcomeRecorded } from '@hearth/events';
import {
  apiClient,
  outboxEvents,
  startServiceForTest,
  testActor,
  type TestService,
} from '@hearth/testkit';
import { rentAssistance } from '../src/app';
import { rentAssistanceEnv } from '../src/config';
import { NOW, referral, service as recordService } from './fixtures';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(rentAssistance, rentAssistanceEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

type Record = Awaited<ReturnType<typeof referral>>;
const exit = (r: Record, on: string) =>
  service.pool.query('UPDATE ra_records SET exit_date = $2 WHERE enrollment_id = $1', [
    r.enrollmentId,
    on,
  ]);
const outcome = (r: Record, type: string, housingStatus: string) =>
  apiClient(service.url, r.hub).post(`/rent-assistance/records/${r.enrollmentId}/outcomes`, {
    type,
    housingStatus,
  });
const fields = (answer: { body: { errors: Array<{ field: string; message: string }> } }) =>
  answer.body.errors;

test('an outcome at exit once, a retention only when due and only after housed at exit', async () => {
  // today is 2026-09-10 for the hub
  const open = await referral(service);
  expect(fields(await outcome(open, 'at_exit', 'housed'))).toEqual([
    { field: 'enrollmentId', message: 'Not exited: outcomes come at exit and after' },
  ]);

  const housed = await referral(service);
  await exit(housed, '2026-03-31');
  const atExit = await outcome(housed, 'at_exit', 'housed');
  expect(atExit.status).toBe(201);
  expect(atExit.body).toMatchObject({
    type: 'at_exit',
    housingStatus: 'housed',
    recordedOn: '2026-09-10',
  });
  expect((await outcome(housed, 'at_exit', 'not_housed')).status).toBe(409);
  const events = await outboxEvents(service.pool, RentAssistanceOutcomeRecorded);
  expect(events.filter((e) => e.data.enrollmentId === housed.enrollmentId)).toHaveLength(1);
  // 2026-03-31 + 6 months = 2026-09-30: not a full 6 months yet
  expect(fields(await outcome(housed, 'six_month_retention', 'housed'))).toEqual([
    { field: 'type', message: 'Due on 2026-09-30' },
  ]);

  const notHoused = await referral(service);
  await exit(notHoused, '2026-02-28');
  expect((await outcome(notHoused, 'at_exit', 'not_housed')).status).toBe(201);
  expect(fields(await outcome(notHoused, 'six_month_retention', 'housed'))).toEqual([
    { field: 'type', message: 'Retention only when housed at exit (at exit: not_housed)' },
  ]);
  // a return after 90 days marks the episode, whatever the housing at exit (due 2026-08-28)
  expect((await outcome(notHoused, 'six_month_retention', 'received_ra_again')).status).toBe(201);
  const listed = await apiClient(service.url, notHoused.coach).get(
    `/rent-assistance/records/${notHoused.enrollmentId}/outcomes`,
  );
  expect(listed.body.items.map((o: { type: string }) => o.type)).toEqual([
    'at_exit',
    'six_month_retention',
  ]);
});

test("only the record's hub staff record outcomes; another organization does not see the record", async () => {
  const r = await referral(service);
  await exit(r, '2026-03-31');
  const path = `/rent-assistance/records/${r.enrollmentId}/outcomes`;
  const body = { type: 'at_exit', housingStatus: 'housed' };
  expect((await apiClient(service.url, r.coach).post(path, body)).status).toBe(403);
  const stranger = testActor({ roles: ['hub_staff'] });
  expect((await apiClient(service.url, stranger).post(path, body)).status).toBe(404);
  expect((await apiClient(service.url, stranger).get(path)).status).toBe(404);
  // a pre-program exit is out of performance
  const rejected = await referral(service);
  await service.pool.query(
    "UPDATE ra_records SET pre_program_exit_on = '2026-09-05' WHERE enrollment_id = $1",
    [rejected.enrollmentId],
  );
  expect(fields(await outcome(rejected, 'at_exit', 'housed'))).toEqual([
    { field: 'enrollmentId', message: 'A pre-program exit has no outcomes' },
  ]);
  expect((await apiClient(service.url, r.hub).post(path, { ...body, type: 'later' })).status).toBe(
    400,
  );
});

test("the hub's measures over 2026-01-01 … 2026-09-10, computed by hand", async () => {
  const first = await referral(service);
  const hubOrgId = first.hubOrgId;
  const another = () => referral(service, { hubOrgId });
  const [r1, r2, r3, r4, r5, r6, r9] = [
    first,
    ...(await Promise.all([1, 2, 3, 4, 5, 6].map(another))),
  ];
  // R1: RRH in the period, exit 2026-02-28, housed at exit and at 6 months (point 2026-08-28)
  await recordService(service, r1!, 'housing_support', '2026-02-01');
  await exit(r1!, '2026-02-28');
  // R2: HP in 2025, exit 2025-12-31, housed at exit, not housed at 6 months (point 2026-06-30)
  await recordService(service, r2!, 'housing_support', '2025-06-01');
  await exit(r2!, '2025-12-31');
  // R3: RRH in 2025, exit 2025-06-30: 6 months fall before the period, 12 months (2026-06-30) in
  await recordService(service, r3!, 'housing_support', '2025-03-01');
  await exit(r3!, '2025-06-30');
  // R4: would be in the 12-month cohort (2025-07-31 → 2026-07-31), but received RA again
  await recordService(service, r4!, 'housing_support', '2025-05-01');
  await exit(r4!, '2025-07-31');
  // R5: RRH in the period, not exited; R6: coaching only, never RRH/HP (exit 2026-01-31)
  await recordService(service, r5!, 'housing_support', '2026-05-01');
  await recordService(service, r6!, 'coaching', '2025-11-03');
  await exit(r6!, '2026-01-31');
  // R9: RRH in the period, exit 2026-01-31, unknown at exit: in the 6-month cohort (2026-07-31)
  await recordService(service, r9!, 'housing_support', '2026-01-15');
  await exit(r9!, '2026-01-31');
  for (const [r, type, status] of [
    [r1, 'at_exit', 'housed'],
    [r1, 'six_month_retention', 'housed'],
    [r2, 'at_exit', 'housed'],
    [r2, 'six_month_retention', 'not_housed'],
    [r3, 'at_exit', 'housed'],
    [r3, 'twelve_month_retention', 'housed'],
    [r4, 'at_exit', 'received_ra_again'],
    [r6, 'at_exit', 'housed'],
    [r9, 'at_exit', 'unknown'],
  ] as const)
    expect((await outcome(r!, type, status)).status).toBe(201);

  const hub = apiClient(service.url, testActor({ orgId: hubOrgId, roles: ['hub_staff'] }));
  const measures = await hub.get('/rent-assistance/measures?from=2026-01-01&to=2026-09-10');
  expect(measures.status).toBe(200);
  // served: R1, R5, R9 (R2, R3 in 2025; R4 out; R6 no RRH/HP)
  // 6 months: R1 (housed), R2, R9 → 1 of 3 = 33.3 %; 12 months: R3 (housed) → 1 of 1 = 100 %
  expect(measures.body).toEqual({
    servedWithRrhOrHp: 3,
    housedAt6Months: { cohort: 3, housed: 1, percent: 33.3 },
    housedAt12Months: { cohort: 1, housed: 1, percent: 100 },
  });
  // another hub's staff see their own (none), a coach none at all
  const other = apiClient(service.url, testActor({ roles: ['hub_staff'] }));
  expect((await other.get('/rent-assistance/measures?from=2026-01-01&to=2026-09-10')).body).toEqual(
    {
      servedWithRrhOrHp: 0,
      housedAt6Months: { cohort: 0, housed: 0, percent: null },
      housedAt12Months: { cohort: 0, housed: 0, percent: null },
    },
  );
  expect(
    (
      await apiClient(service.url, r1!.coach).get(
        '/rent-assistance/measures?from=2026-01-01&to=2026-09-10',
      )
    ).status,
  ).toBe(403);
  expect((await hub.get('/rent-assistance/measures?from=2026-09-10&to=2026-01-01')).status).toBe(
    400,
  );
});

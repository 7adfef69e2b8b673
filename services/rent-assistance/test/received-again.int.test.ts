import { randomUUID } from 'node:crypto';
import { RentAssistanceRetentionDue } from '@hearth/events';
import { apiClient, outboxEvents, startServiceForTest, type TestService } from '@hearth/testkit';
import { rentAssistance } from '../src/app';
import { rentAssistanceEnv } from '../src/config';
import { announceDueRetentions } from '../src/use-cases/announce-due-retentions';
import { NOW, raEnrollment, referral, service as recordService } from './fixtures';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(rentAssistance, rentAssistanceEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

type Ref = Awaited<ReturnType<typeof referral>>;
const exit = (enrollmentId: string, on: string, preProgram = false) =>
  service.pool.query(
    `UPDATE ra_records SET exit_date = $2, pre_program_exit_on = CASE WHEN $3 THEN $2::date END
     WHERE enrollment_id = $1`,
    [enrollmentId, on, preProgram],
  );
const outcome = async (r: Ref, type: string, housingStatus: string) =>
  expect(
    (
      await apiClient(service.url, r.hub).post(
        `/rent-assistance/records/${r.enrollmentId}/outcomes`,
        { type, housingStatus },
      )
    ).status,
  ).toBe(201);
/** The participant's new record at `hubOrgId`, created by the coach's organization. */
const newRecord = (r: Ref, hubOrgId: string, applicationDate: string) =>
  raEnrollment(service, r.coachOrgId, r.participantId, {
    serviceProviderOrgId: hubOrgId,
    applicationDate,
  });
const markOf = async (r: Ref, enrollmentId = r.enrollmentId) =>
  (await apiClient(service.url, r.hub).get(`/rent-assistance/records/${enrollmentId}`)).body
    .receivedRaAgainIn;

test('a new record at the same hub marks the earlier episode "received RA again": the measures and the follow-ups leave it out', async () => {
  // two episodes at one hub: RRH in January, exited 2026-03-10, housed at exit (6 months: 09-10)
  const returning = await referral(service);
  const hubOrgId = returning.hubOrgId;
  const stays = await referral(service, { hubOrgId });
  for (const r of [returning, stays]) {
    await recordService(service, r, 'housing_support', '2026-01-15');
    await exit(r.enrollmentId, '2026-03-10');
    await outcome(r, 'at_exit', 'housed');
  }
  await outcome(stays, 'six_month_retention', 'housed');
  const hub = apiClient(service.url, returning.hub);
  const measures = () => hub.get('/rent-assistance/measures?from=2026-01-01&to=2026-09-10');
  // both served; 6-month cohort of 2, 1 housed (the other not recorded) = 50 %
  expect((await measures()).body).toEqual({
    servedWithRrhOrHp: 2,
    housedAt6Months: { cohort: 2, housed: 1, percent: 50 },
    housedAt12Months: { cohort: 0, housed: 0, percent: null },
  });

  const again = await newRecord(returning, hubOrgId, '2026-09-05');
  expect(await markOf(returning)).toBe(again);
  expect(await markOf(returning, again)).toBeNull(); // the new record is an episode of its own
  expect(await markOf(stays)).toBeNull();
  // only the other episode is left: 1 served, 1 of 1 housed at 6 months
  expect((await measures()).body).toEqual({
    servedWithRrhOrHp: 1,
    housedAt6Months: { cohort: 1, housed: 1, percent: 100 },
    housedAt12Months: { cohort: 0, housed: 0, percent: null },
  });
  // its 6-month follow-up, due today, is not announced
  await announceDueRetentions({ pool: service.pool, clock: () => NOW });
  const announced = await outboxEvents(service.pool, RentAssistanceRetentionDue);
  expect(announced.filter((e) => e.data.enrollmentId === returning.enrollmentId)).toEqual([]);

  // a third record later keeps the first mark
  await exit(again, '2026-09-09');
  const third = await newRecord(returning, hubOrgId, '2026-09-10');
  expect(await markOf(returning)).toBe(again);
  expect(await markOf(returning, again)).toBe(third);
});

test('a new record at another hub, a pre-program exit and an episode not exited are not marked', async () => {
  const exited = await referral(service);
  await exit(exited.enrollmentId, '2026-03-10');
  await newRecord(exited, randomUUID(), '2026-09-05'); // another hub's program
  expect(await markOf(exited)).toBeNull();

  const rejected = await referral(service);
  await exit(rejected.enrollmentId, '2026-03-10', true);
  await newRecord(rejected, rejected.hubOrgId, '2026-09-05');
  expect(await markOf(rejected)).toBeNull();

  const open = await referral(service);
  await newRecord(open, open.hubOrgId, '2026-09-05');
  expect(await markOf(open)).toBeNull();
});

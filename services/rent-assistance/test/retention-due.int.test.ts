import { RentAssistanceRetentionDue } from '@hearth/events';
import { apiClient, outboxEvents, startServiceForTest, type TestService } from '@hearth/testkit';
import { rentAssistance } from '../src/app';
import { rentAssistanceEnv } from '../src/config';
import { announceDueRetentions } from '../src/use-cases/announce-due-retentions';
import { NOW, referral } from './fixtures';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(rentAssistance, rentAssistanceEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

/** A record exited on `exitDate` with its outcomes recorded by the hub. */
async function exited(exitDate: string, outcomes: Array<[string, string]>) {
  const r = await referral(service);
  await service.pool.query('UPDATE ra_records SET exit_date = $2 WHERE enrollment_id = $1', [
    r.enrollmentId,
    exitDate,
  ]);
  for (const [type, housingStatus] of outcomes) {
    const answer = await apiClient(service.url, r.hub).post(
      `/rent-assistance/records/${r.enrollmentId}/outcomes`,
      { type, housingStatus },
    );
    expect(answer.status).toBe(201);
  }
  return r;
}

test('the daily job announces each retention follow-up once, on its day, only for records housed at exit', async () => {
  // the earliest today on Earth at NOW is 2026-09-10
  const dueToday = await exited('2026-03-10', [['at_exit', 'housed']]); // 6 months: 2026-09-10
  const tomorrow = await exited('2026-03-11', [['at_exit', 'housed']]); // 2026-09-11
  const twelve = await exited('2025-08-31', [
    ['at_exit', 'housed'],
    ['six_month_retention', 'housed'],
  ]); // 6 months recorded; 12 months: 2026-08-31
  await exited('2026-01-31', [['at_exit', 'not_housed']]); // no retention to follow
  // marked received RA again at 6 months: its 12 months (2026-08-31) are out of performance
  const again = await exited('2025-08-31', [
    ['at_exit', 'housed'],
    ['six_month_retention', 'received_ra_again'],
  ]);
  const deps = { pool: service.pool, clock: () => NOW };
  expect(await announceDueRetentions(deps)).toBe(2);
  expect(await announceDueRetentions(deps)).toBe(0); // a second run announces nothing twice
  const events = await outboxEvents(service.pool, RentAssistanceRetentionDue);
  expect(events.map((e) => [e.data.enrollmentId, e.data.type, e.data.dueDate])).toEqual([
    [twelve.enrollmentId, 'twelve_month_retention', '2026-08-31'],
    [dueToday.enrollmentId, 'six_month_retention', '2026-09-10'],
  ]);
  expect(events[0]).toMatchObject({ orgId: twelve.hubOrgId, actor: { userId: null } });
  expect(events.map((e) => e.data.enrollmentId)).not.toContain(again.enrollmentId);

  // the next day everywhere: the other one is due
  const nextDay = { pool: service.pool, clock: () => new Date('2026-09-12T12:00:00Z') };
  expect(await announceDueRetentions(nextDay)).toBe(1);
  const later = await outboxEvents(service.pool, RentAssistanceRetentionDue);
  expect(later.at(-1)!.data).toMatchObject({
    enrollmentId: tomorrow.enrollmentId,
    type: 'six_month_retention',
    dueDate: '2026-09-11',
  });
});

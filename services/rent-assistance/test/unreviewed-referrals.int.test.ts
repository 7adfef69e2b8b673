import { RentAssistancePreProgramExited } from '@hearth/events';
import { apiClient, outboxEvents, startServiceForTest, type TestService } from '@hearth/testkit';
import { rentAssistance } from '../src/app';
import { rentAssistanceEnv } from '../src/config';
import { exitUnreviewedReferrals } from '../src/use-cases/exit-unreviewed-referrals';
import { NOW, referral } from './fixtures';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(rentAssistance, rentAssistanceEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

test('45 days after the application date without review, the job sets pre-program exit once', async () => {
  const deps = { pool: service.pool, clock: () => NOW };
  // today 2026-09-10: 2026-07-26 + 45 = 2026-09-09 is past; 2026-07-27 + 45 = today, not yet
  const overdue = await referral(service, { applicationDate: '2026-07-26' });
  const lastDay = await referral(service, { applicationDate: '2026-07-27' });
  expect(await exitUnreviewedReferrals(deps)).toBe(1);
  expect(await exitUnreviewedReferrals(deps)).toBe(0); // a second run changes nothing

  const exited = await apiClient(service.url, overdue.hub).get(
    `/rent-assistance/records/${overdue.enrollmentId}`,
  );
  expect(exited.body.preProgramExit).toEqual({
    exitDate: '2026-09-10', // the day after the last review day
    reason: 'not_reviewed_in_45_days',
    caseNoteId: null,
  });
  const waiting = await apiClient(service.url, lastDay.hub).get(
    `/rent-assistance/records/${lastDay.enrollmentId}`,
  );
  expect(waiting.body.preProgramExit).toBeNull();
  const events = await outboxEvents(service.pool, RentAssistancePreProgramExited);
  expect(events.map((e) => e.data.enrollmentId)).toEqual([overdue.enrollmentId]);
  expect(events[0]!.actor.userId).toBeNull();

  // the next day (2026-09-11 everywhere) the other one's window is over too
  const nextDay = { pool: service.pool, clock: () => new Date('2026-09-12T12:00:00Z') };
  expect(await exitUnreviewedReferrals(nextDay)).toBe(1);
});

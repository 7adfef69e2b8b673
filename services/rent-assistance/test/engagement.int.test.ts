import { randomUUID } from 'node:crypto';
import { RentAssistanceEngagementVerified } from '@hearth/events';
import { apiClient, outboxEvents, startServiceForTest, type TestService } from '@hearth/testkit';
import { rentAssistance } from '../src/app';
import { rentAssistanceEnv } from '../src/config';
import {
  NOW,
  acceptedReferral,
  newKey,
  planOf,
  referral,
  service as recordService,
} from './fixtures';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(rentAssistance, rentAssistanceEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

const rent = (r: { enrollmentId: string }, planId: string, year: number, month: number) => ({
  enrollmentId: r.enrollmentId,
  planId,
  paymentDate: '2026-09-10',
  paymentType: 'rent',
  paidTo: 'landlord',
  payee: 'Lakeview Apartments',
  year,
  month,
  amountCents: 95_000,
  housingType: 'rapid_rehousing',
  raEligible: true,
});

test("a month's check is kept once, late after the 10th of the next month, never ahead of this month", async () => {
  const r = await referral(service);
  const path = `/rent-assistance/records/${r.enrollmentId}/engagement-checks`;
  const coach = apiClient(service.url, r.coach);
  const late = await coach.post(path, { year: 2026, month: 7, activities: ['weekly_contact'] });
  expect(late.status).toBe(201);
  expect(late.body).toMatchObject({ engaged: true, verifiedOn: '2026-09-10', late: true }); // due 2026-08-10
  const onTime = await coach.post(path, { year: 2026, month: 8, activities: ['employed'] });
  expect(onTime.body).toMatchObject({ engaged: true, late: false }); // due 2026-09-10, today
  const gap = await coach.post(path, { year: 2026, month: 9, activities: ['gap_in_service'] });
  expect(gap.body).toMatchObject({ engaged: false, late: false });
  expect((await coach.post(path, { year: 2026, month: 8, activities: ['training'] })).status).toBe(
    409,
  );
  const ahead = await coach.post(path, { year: 2026, month: 10, activities: ['training'] });
  expect(ahead.status).toBe(422);
  expect(ahead.body.errors[0].field).toBe('month');
  const bad = await coach.post(path, { year: 2026, month: 13, activities: ['training'] });
  expect(bad.status).toBe(400);
  expect(bad.body.errors[0].field).toBe('month');
  const events = (await outboxEvents(service.pool, RentAssistanceEngagementVerified)).filter(
    (e) => e.data.enrollmentId === r.enrollmentId,
  );
  expect(events.map((e) => [e.data.month, e.data.engaged])).toEqual([
    [7, true],
    [8, true],
    [9, false],
  ]);
  const stranger = apiClient(service.url, { ...r.coach, orgId: randomUUID() });
  expect((await stranger.get(path)).status).toBe(404);
});

test('rent for January needs December of the year before engaged; a month not engaged blocks the next', async () => {
  const r = await acceptedReferral(service);
  const plan = await planOf(service, r);
  const checks = `/rent-assistance/records/${r.enrollmentId}/engagement-checks`;
  const hub = apiClient(service.url, r.hub);
  const refused = await hub.post('/payments', rent(r, plan.id, 2026, 1), newKey());
  expect(refused.status).toBe(422);
  expect(refused.body.errors).toEqual([
    { field: 'month', message: 'Rent for 2026-01 needs engagement verified for 2025-12' },
  ]);
  const coach = apiClient(service.url, r.coach);
  await coach.post(checks, { year: 2025, month: 12, activities: ['plan_progress'] });
  expect((await hub.post('/payments', rent(r, plan.id, 2026, 1), newKey())).status).toBe(201);
  await coach.post(checks, { year: 2026, month: 1, activities: ['not_engaged'] });
  const february = await hub.post('/payments', rent(r, plan.id, 2026, 2), newKey());
  expect(february.status).toBe(422);
  expect(february.body.errors[0].field).toBe('month');
  // a deposit is not rent: no engagement month asked
  const deposit = { ...rent(r, plan.id, 2026, 2), paymentType: 'deposit' };
  expect((await hub.post('/payments', deposit, newKey())).status).toBe(201);
});

test('no payment at all before the first coaching service copied into the record', async () => {
  const r = await acceptedReferral(service);
  const plan = await planOf(service, r);
  const hub = apiClient(service.url, r.hub);
  const early = {
    ...rent(r, plan.id, 2025, 11),
    paymentType: 'deposit',
    paymentDate: '2025-11-02',
  };
  const answer = await hub.post('/payments', early, newKey());
  expect(answer.status).toBe(422);
  expect(answer.body.errors).toEqual([
    {
      field: 'paymentDate',
      message: 'Before the first coaching service copied into the record (2025-11-03)',
    },
  ]);

  const uncoached = await acceptedReferral(service, { coachingOn: null });
  await recordService(service, uncoached, 'housing_support', '2026-09-02'); // RRH is not coaching
  const plan2 = await planOf(service, uncoached);
  const none = await apiClient(service.url, uncoached.hub).post(
    '/payments',
    { ...rent(uncoached, plan2.id, 2026, 9), paymentType: 'deposit' },
    newKey(),
  );
  expect(none.status).toBe(422);
  expect(none.body.errors[0].message).toBe(
    'No coaching service has been copied into the record yet',
  );
});

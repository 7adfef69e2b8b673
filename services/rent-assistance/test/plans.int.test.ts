import { RentAssistancePlanChanged } from '@hearth/events';
import { apiClient, outboxEvents, startServiceForTest, type TestService } from '@hearth/testkit';
import { rentAssistance } from '../src/app';
import { rentAssistanceEnv } from '../src/config';
import { NOW, acceptedReferral, newKey, planOf, referral } from './fixtures';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(rentAssistance, rentAssistanceEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

test('one plan per funding source, by the hub, on a reviewed record only', async () => {
  const r = await acceptedReferral(service);
  await planOf(service, r);
  const hub = apiClient(service.url, r.hub);
  const path = `/rent-assistance/records/${r.enrollmentId}/plans`;
  const body = {
    fundingSource: 'metro-ra',
    approvedPaymentTypes: ['rent'],
    capCents: 1,
    targetEndDate: '2027-01-31',
  };
  const twice = await hub.post(path, body);
  expect(twice.status).toBe(409);
  expect(twice.body.errors[0].field).toBe('fundingSource');
  expect((await hub.post(path, { ...body, fundingSource: 'county-esg' })).status).toBe(201);
  expect(
    (await apiClient(service.url, r.coach).post(path, { ...body, fundingSource: 'x' })).status,
  ).toBe(403);
  expect((await hub.post(path, { ...body, fundingSource: 'y', capCents: 10.5 })).status).toBe(400);

  const unreviewed = await referral(service);
  const refused = await apiClient(service.url, unreviewed.hub).post(
    `/rent-assistance/records/${unreviewed.enrollmentId}/plans`,
    body,
  );
  expect(refused.status).toBe(422);
  expect(refused.body.errors).toEqual([{ field: 'enrollmentId', message: 'Not reviewed' }]);
});

test('a plan ends only with the housing status at funding end; no payment after its end; its cap never below what it committed', async () => {
  const r = await acceptedReferral(service);
  const plan = await planOf(service, r, { capCents: 300_000 });
  const hub = apiClient(service.url, r.hub);
  const payment = {
    enrollmentId: r.enrollmentId,
    planId: plan.id,
    paymentDate: '2026-09-01',
    paymentType: 'deposit',
    paidTo: 'landlord',
    payee: 'Lakeview Apartments',
    year: 2026,
    month: 9,
    amountCents: 150_000,
    housingType: 'homeless_prevention',
    raEligible: true,
  };
  expect((await hub.post('/payments', payment, newKey())).status).toBe(201);
  const path = `/rent-assistance/plans/${plan.id}`;
  const lower = await hub.patch(path, { version: 1, capCents: 149_999 });
  expect(lower.status).toBe(422);
  expect(lower.body.errors[0]).toEqual({
    field: 'capCents',
    message: 'Below the 150000 cents already committed',
  });
  const extended = await hub.patch(path, { version: 1, targetEndDate: '2027-06-30' });
  expect(extended.body).toMatchObject({ targetEndDate: '2027-06-30', version: 2 });
  const noStatus = await hub.patch(path, { version: 2, endDate: '2026-09-05' });
  expect(noStatus.status).toBe(422);
  expect(noStatus.body.errors[0].field).toBe('housingStatusAtFundingEnd');
  const ended = await hub.patch(path, {
    version: 2,
    endDate: '2026-09-05',
    housingStatusAtFundingEnd: 'permanent_housing',
  });
  expect(ended.body).toMatchObject({
    endDate: '2026-09-05',
    housingStatusAtFundingEnd: 'permanent_housing',
  });
  expect((await hub.patch(path, { version: 2, capCents: 5 })).status).toBe(409);
  const after = await hub.post(
    '/payments',
    { ...payment, paymentType: 'arrears', paymentDate: '2026-09-06', amountCents: 100 },
    newKey(),
  );
  expect(after.status).toBe(422);
  expect(after.body.errors).toEqual([
    { field: 'paymentDate', message: 'The plan ended on 2026-09-05' },
  ]);
  const events = (await outboxEvents(service.pool, RentAssistancePlanChanged)).filter(
    (e) => e.data.planId === plan.id,
  );
  expect(events.map((e) => e.data.version)).toEqual([1, 2, 3]);
});

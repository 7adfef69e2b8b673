import { randomUUID } from 'node:crypto';
import { ServiceDeleted } from '@hearth/events';
import { apiClient, publishAndWait, startServiceForTest, type TestService } from '@hearth/testkit';
import { rentAssistance } from '../src/app';
import { rentAssistanceEnv } from '../src/config';
import { NOW, acceptedReferral, newKey, planOf, service as recordService } from './fixtures';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(rentAssistance, rentAssistanceEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

const arrears = (r: { enrollmentId: string }, planId: string, month: number) => ({
  enrollmentId: r.enrollmentId,
  planId,
  paymentDate: '2026-09-10',
  paymentType: 'arrears',
  paidTo: 'landlord',
  payee: 'Lakeview Apartments',
  year: 2026,
  month,
  amountCents: 30_000,
  housingType: 'rapid_rehousing',
  raEligible: true,
});

test('after the Hub Final Rent Exit of 2026-08-31 no payment covers September, alone or in a batch; its deletion frees it', async () => {
  const r = await acceptedReferral(service);
  const plan = await planOf(service, r);
  const finalRent = await recordService(service, r, 'final_rent_exit', '2026-08-31');
  const hub = apiClient(service.url, r.hub);
  expect((await hub.post('/payments', arrears(r, plan.id, 8), newKey())).status).toBe(201);
  const september = await hub.post('/payments', arrears(r, plan.id, 9), newKey());
  expect(september.status).toBe(422);
  const refusal = {
    field: 'month',
    message: 'After the Hub Final Rent Exit of 2026-08-31: assistance ends with 2026-08',
  };
  expect(september.body.errors).toEqual([refusal]);
  const batch = await hub.post(
    '/payments/batch',
    { payments: [{ ...arrears(r, plan.id, 9), rowKey: randomUUID(), adjustmentReason: null }] },
    newKey(),
  );
  expect(batch.body.results[0]).toMatchObject({ status: 422, errors: [refusal] });

  await publishAndWait(service, ServiceDeleted, {
    serviceId: finalRent,
    participantId: r.participantId,
    enrollmentId: r.enrollmentId,
    serviceTypeId: randomUUID(),
    serviceDate: '2026-08-31',
    startsParticipation: true,
    qualifying: true,
    version: 2,
  });
  expect((await hub.post('/payments', arrears(r, plan.id, 9), newKey())).status).toBe(201);
});

import { randomUUID } from 'node:crypto';
import { apiClient, startServiceForTest, type TestService } from '@hearth/testkit';
import { rentAssistance } from '../src/app';
import { rentAssistanceEnv } from '../src/config';
import { NOW, acceptedReferral, newKey, planOf } from './fixtures';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(rentAssistance, rentAssistanceEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

type Ref = { enrollmentId: string };
const arrears = (r: Ref, planId: string, more: Record<string, unknown> = {}) => ({
  rowKey: randomUUID(),
  enrollmentId: r.enrollmentId,
  planId,
  paymentDate: '2026-09-10',
  paymentType: 'arrears',
  paidTo: 'landlord',
  payee: 'Lakeview Apartments',
  year: 2025,
  month: 1,
  amountCents: 30_000,
  housingType: 'rapid_rehousing',
  raEligible: true,
  adjustmentReason: null,
  ...more,
});
type Result = { status: number; paymentId: string | null; errors: Array<{ field: string }> };
const statuses = (body: { results: Result[] }) => body.results.map((r) => r.status);

test("a batch's rows take a plan's cap and a month in turn: later rows see what earlier rows took", async () => {
  const r = await acceptedReferral(service);
  const plan = await planOf(service, r, { capCents: 100_000 });
  const hub = apiClient(service.url, r.hub);
  const rows = [
    arrears(r, plan.id, { month: 1 }), // 30,000
    arrears(r, plan.id, { month: 2 }), // 60,000
    arrears(r, plan.id, { month: 3 }), // 90,000
    arrears(r, plan.id, { month: 4 }), // 120,000 > cap: 10,000 remain
    arrears(r, plan.id, { month: 4, amountCents: 10_000 }), // 100,000: exactly the cap
    arrears(r, plan.id, { month: 1, amountCents: 1 }), // month 1 paid by row 0 (cap full too)
    arrears(r, plan.id, { paymentType: 'rent', month: 9, amountCents: 1 }), // no August check
  ];
  const answer = await hub.post('/payments/batch', { payments: rows }, newKey());
  expect(answer.status).toBe(200);
  expect(statuses(answer.body)).toEqual([201, 201, 201, 422, 201, 422, 422]);
  expect(answer.body.results[3].errors).toEqual([
    { field: 'amountCents', message: "Over the plan's cap: 10000 cents remain of 100000" },
  ]);
  // cap and month both: the 422 of the rules comes before the 409 of a month paid
  expect(answer.body.results[5].errors.map((e: { field: string }) => e.field)).toEqual([
    'amountCents',
  ]);
  expect(answer.body.results[6].errors.map((e: { field: string }) => e.field)).toEqual([
    'amountCents',
    'month',
  ]);
  const plans = await hub.get(`/rent-assistance/records/${r.enrollmentId}/plans`);
  expect(plans.body.items[0]).toMatchObject({ capCents: 100_000, committedCents: 100_000 });
});

test('a second row for a month already paid in the same batch is a 409 unless it is an adjustment', async () => {
  const r = await acceptedReferral(service);
  const plan = await planOf(service, r);
  const hub = apiClient(service.url, r.hub);
  const rows = [
    arrears(r, plan.id, { month: 5 }),
    arrears(r, plan.id, { month: 5 }),
    arrears(r, plan.id, { month: 5, amountCents: 500, adjustmentReason: 'Late fee' }),
  ];
  const answer = await hub.post('/payments/batch', { payments: rows }, newKey());
  expect(statuses(answer.body)).toEqual([201, 409, 201]);
  expect(answer.body.results[1].errors.map((e: { field: string }) => e.field)).toEqual([
    'adjustmentReason',
  ]);
  const ledger = await hub.get(`/rent-assistance/records/${r.enrollmentId}/payments`);
  expect(ledger.body.totalCents).toBe(30_500);
});

test("a refused row's key stays free: sent again once the cap allows it, it is entered", async () => {
  const r = await acceptedReferral(service);
  const plan = await planOf(service, r, { capCents: 20_000 });
  const hub = apiClient(service.url, r.hub);
  const row = arrears(r, plan.id);
  const refused = await hub.post('/payments/batch', { payments: [row] }, newKey());
  expect(statuses(refused.body)).toEqual([422]);
  const raised = await hub.patch(`/rent-assistance/plans/${plan.id}`, {
    version: plan.version,
    capCents: 30_000,
  });
  expect(raised.status).toBe(200);
  const entered = await hub.post('/payments/batch', { payments: [row] }, newKey());
  expect(statuses(entered.body)).toEqual([201]);
  // the same rowKey with another amount: that row is refused (the key promised another payment)
  const reused = await hub.post(
    '/payments/batch',
    { payments: [{ ...row, amountCents: 1 }] },
    newKey(),
  );
  expect(reused.body.results[0]).toMatchObject({
    status: 422,
    errors: [{ field: 'Idempotency-Key' }],
  });
});

test('a batch and single payments at once against one plan never pass its cap: 14 of 7,000 fit 100,000', async () => {
  const r = await acceptedReferral(service);
  const plan = await planOf(service, r, { capCents: 100_000 });
  const hub = apiClient(service.url, r.hub);
  // 10 batch rows (2025-01 … 2025-10) and 10 single payments (2024-01 … 2024-10), 7,000 each:
  // 140,000 asked, 14 × 7,000 = 98,000 fit and a 15th would make 105,000
  const batchRows = Array.from({ length: 10 }, (_, i) =>
    arrears(r, plan.id, { month: i + 1, amountCents: 7_000 }),
  );
  const singles = Array.from({ length: 10 }, (_, i) => {
    const { rowKey: _key, ...body } = arrears(r, plan.id, {
      year: 2024,
      month: i + 1,
      amountCents: 7_000,
    });
    return hub.post('/payments', body, newKey());
  });
  const [batch, ...single] = await Promise.all([
    hub.post('/payments/batch', { payments: batchRows }, newKey()),
    ...singles,
  ]);
  const accepted =
    statuses(batch.body).filter((s) => s === 201).length +
    single.filter((a) => a.status === 201).length;
  expect(accepted).toBe(14);
  const plans = await hub.get(`/rent-assistance/records/${r.enrollmentId}/plans`);
  expect(plans.body.items[0]).toMatchObject({ committedCents: 98_000 });
});

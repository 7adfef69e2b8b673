import { randomUUID } from 'node:crypto';
import { apiClient, rowCounts, startServiceForTest, type TestService } from '@hearth/testkit';
import { rentAssistance } from '../src/app';
import { rentAssistanceEnv } from '../src/config';
import { NOW, acceptedReferral, newKey, planOf, referral } from './fixtures';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(rentAssistance, rentAssistanceEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

const row = (r: { enrollmentId: string }, planId: string, more: Record<string, unknown> = {}) => ({
  rowKey: randomUUID(),
  enrollmentId: r.enrollmentId,
  planId,
  paymentDate: '2026-09-10',
  paymentType: 'deposit',
  paidTo: 'landlord',
  payee: 'Lakeview Apartments',
  year: 2026,
  month: 9,
  amountCents: 80_000,
  housingType: 'rapid_rehousing',
  raEligible: true,
  ...more,
});

test('a batch answers each row: entered, refused by a rule, unknown record, month already paid', async () => {
  const a = await acceptedReferral(service);
  const planA = await planOf(service, a, { approvedPaymentTypes: ['deposit', 'arrears'] });
  const b = await acceptedReferral(service);
  const planB = await planOf(service, b);
  // b's hub is another organization: a's hub may not write b's record (404 as if unknown)
  const hub = apiClient(service.url, a.hub);
  const rows = [
    row(a, planA.id),
    row(a, planA.id, { paymentType: 'utilities' }),
    row(b, planB.id),
    row(a, planA.id, { amountCents: 100 }),
    row(a, planA.id, { paymentType: 'arrears', month: 8, amountCents: 12_345 }),
  ];
  const key = newKey();
  const answer = await hub.post('/payments/batch', { payments: rows }, key);
  expect(answer.status).toBe(200);
  const results = answer.body.results as Array<{
    row: number;
    status: number;
    paymentId: string | null;
    errors: Array<{ field: string }>;
  }>;
  expect(results.map((x) => [x.row, x.status])).toEqual([
    [0, 201],
    [1, 422],
    [2, 404],
    [3, 409],
    [4, 201],
  ]);
  expect(results[1]!.errors.map((e) => e.field)).toEqual(['paymentType']);
  expect(results[3]!.errors.map((e) => e.field)).toEqual(['adjustmentReason']);
  const ledger = await hub.get(`/rent-assistance/records/${a.enrollmentId}/payments`);
  expect(ledger.body.totalCents).toBe(92_345); // 80,000 + 12,345

  // the same batch again: the same answer, nothing new
  const before = await rowCounts(service.pool, ['payments', 'outbox']);
  const replay = await hub.post('/payments/batch', { payments: rows }, key);
  expect(replay.body).toEqual(answer.body);
  // row 0 sent again in another batch with its rowKey: the payment it made, not a second one
  const again = await hub.post('/payments/batch', { payments: [rows[0]] }, newKey());
  expect(again.body.results).toEqual([{ ...results[0], row: 0 }]);
  expect(await rowCounts(service.pool, ['payments', 'outbox'])).toEqual(before);
});

test('a malformed row refuses the batch 400 naming its index and field; nothing written', async () => {
  const r = await referral(service);
  const before = await rowCounts(service.pool, ['payments']);
  const hub = apiClient(service.url, r.hub);
  const answer = await hub.post(
    '/payments/batch',
    { payments: [row(r, randomUUID()), row(r, randomUUID(), { amountCents: 1.5 })] },
    newKey(),
  );
  expect(answer.status).toBe(400);
  expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual([
    'payments.1.amountCents',
  ]);
  expect((await hub.post('/payments/batch', { payments: [row(r, randomUUID())] })).status).toBe(
    400,
  );
  expect(await rowCounts(service.pool, ['payments'])).toEqual(before);
});

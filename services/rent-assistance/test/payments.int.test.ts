import { randomUUID } from 'node:crypto';
import { RentAssistancePaymentRecorded } from '@hearth/events';
import {
  apiClient,
  outboxEvents,
  rowCounts,
  startServiceForTest,
  type TestService,
} from '@hearth/testkit';
import { rentAssistance } from '../src/app';
import { rentAssistanceEnv } from '../src/config';
import { NOW, acceptedReferral, newKey, planOf } from './fixtures';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(rentAssistance, rentAssistanceEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

const deposit = (
  r: { enrollmentId: string },
  planId: string,
  more: Record<string, unknown> = {},
) => ({
  enrollmentId: r.enrollmentId,
  planId,
  paymentDate: '2026-09-10',
  paymentType: 'deposit',
  paidTo: 'landlord',
  payee: 'Lakeview Apartments',
  year: 2026,
  month: 9,
  amountCents: 120_000,
  housingType: 'rapid_rehousing',
  raEligible: true,
  ...more,
});

test('a payment is refused naming each broken rule: type not approved, over the cap; nothing written', async () => {
  const r = await acceptedReferral(service);
  const plan = await planOf(service, r, { approvedPaymentTypes: ['deposit'], capCents: 100_000 });
  const before = await rowCounts(service.pool, ['payments', 'outbox']);
  const answer = await apiClient(service.url, r.hub).post(
    '/payments',
    deposit(r, plan.id, { paymentType: 'utilities', amountCents: 100_001 }),
    newKey(),
  );
  expect(answer.status).toBe(422);
  expect(answer.body.errors).toEqual([
    { field: 'paymentType', message: 'Not approved in the metro-ra plan (deposit)' },
    { field: 'amountCents', message: "Over the plan's cap: 100000 cents remain of 100000" },
  ]);
  expect(await rowCounts(service.pool, ['payments', 'outbox'])).toEqual(before);
});

test('bad input is a 400 naming the field: fractional or negative cents, month 13, no Idempotency-Key', async () => {
  const r = await acceptedReferral(service);
  const plan = await planOf(service, r);
  const hub = apiClient(service.url, r.hub);
  for (const [more, field] of [
    [{ amountCents: 100.5 }, 'amountCents'],
    [{ amountCents: -5 }, 'amountCents'],
    [{ month: 13 }, 'month'],
    [{ paymentType: 'yacht' }, 'paymentType'],
  ] as const) {
    const answer = await hub.post('/payments', deposit(r, plan.id, more), newKey());
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
  }
  const keyless = await hub.post('/payments', deposit(r, plan.id));
  expect(keyless.status).toBe(400);
  expect(keyless.body.errors[0].field).toMatch(/idempotency-key/i);
  expect((await rowCounts(service.pool, ['payments'])).payments).toBe(0);
});

test('the same Idempotency-Key replays the first payment; with another body it is refused', async () => {
  const r = await acceptedReferral(service);
  const plan = await planOf(service, r);
  const hub = apiClient(service.url, r.hub);
  const key = newKey();
  const first = await hub.post('/payments', deposit(r, plan.id), key);
  const again = await hub.post('/payments', deposit(r, plan.id), key);
  expect(first.status).toBe(201);
  expect(again.body).toEqual(first.body);
  const other = await hub.post('/payments', deposit(r, plan.id, { amountCents: 5 }), key);
  expect(other.status).toBe(422);
  expect(other.body.errors[0].field).toBe('Idempotency-Key');
  const events = (await outboxEvents(service.pool, RentAssistancePaymentRecorded)).filter(
    (e) => e.data.enrollmentId === r.enrollmentId,
  );
  expect(events).toHaveLength(1);
});

test('a month is paid once per type; a second payment is an adjustment with its reason', async () => {
  const r = await acceptedReferral(service);
  const plan = await planOf(service, r);
  const hub = apiClient(service.url, r.hub);
  expect((await hub.post('/payments', deposit(r, plan.id), newKey())).status).toBe(201);
  const twice = await hub.post('/payments', deposit(r, plan.id), newKey());
  expect(twice.status).toBe(409);
  expect(twice.body.errors[0].field).toBe('adjustmentReason');
  const adjustment = await hub.post(
    '/payments',
    deposit(r, plan.id, { amountCents: 2_500, adjustmentReason: 'Landlord raised the deposit' }),
    newKey(),
  );
  expect(adjustment.status).toBe(201);
  const ledger = await hub.get(`/rent-assistance/records/${r.enrollmentId}/payments`);
  expect(ledger.body).toMatchObject({
    totalCents: 122_500,
    byFundingSource: { 'metro-ra': 122_500 },
    byMonth: { '2026-09': 122_500 },
  });
});

test('approval by a second hub user, never the one who entered it; paid; voided with a reason, kept', async () => {
  const r = await acceptedReferral(service);
  const plan = await planOf(service, r);
  const entered = await apiClient(service.url, r.hub).post(
    '/payments',
    deposit(r, plan.id),
    newKey(),
  );
  const path = `/payments/${entered.body.id}`;
  const own = await apiClient(service.url, r.hub).post(
    `${path}/approval`,
    { version: 1 },
    newKey(),
  );
  expect(own.status).toBe(403);
  const second = apiClient(service.url, r.approver);
  const approved = await second.post(`${path}/approval`, { version: 1 }, newKey());
  expect(approved.status).toBe(200);
  expect(approved.body).toMatchObject({ status: 'approved', approvedBy: r.approver.userId });
  const coach = await apiClient(service.url, r.coach).post(
    `${path}/paid`,
    { version: 2 },
    newKey(),
  );
  expect(coach.status).toBe(403);
  const paid = await apiClient(service.url, r.hub).post(`${path}/paid`, { version: 2 }, newKey());
  expect(paid.body).toMatchObject({ status: 'paid', modifiedBy: r.hub.userId, version: 3 });
  expect((await second.post(`${path}/void`, { version: 3 }, newKey())).status).toBe(400);
  const voided = await second.post(`${path}/void`, { version: 3, reason: 'Check lost' }, newKey());
  expect(voided.body).toMatchObject({ status: 'voided', voidReason: 'Check lost' });
  expect((await second.post(`${path}/approval`, { version: 4 }, newKey())).status).toBe(409);
  expect((await second.get(path)).body.status).toBe('voided'); // never deleted
  const stranger = apiClient(service.url, { ...r.hub, orgId: randomUUID() });
  expect((await stranger.get(path)).status).toBe(404);
});

test('a payment on an exited record is refused', async () => {
  const r = await acceptedReferral(service);
  const plan = await planOf(service, r);
  await service.pool.query('UPDATE ra_records SET exit_date = $2 WHERE enrollment_id = $1', [
    r.enrollmentId,
    '2026-09-09',
  ]);
  const answer = await apiClient(service.url, r.hub).post(
    '/payments',
    deposit(r, plan.id),
    newKey(),
  );
  expect(answer.status).toBe(422);
  expect(answer.body.errors).toEqual([{ field: 'enrollmentId', message: 'Exited on 2026-09-09' }]);
});

test('20 payments at once against one plan never pass its cap together: 14 of 7,000 cents fit 100,000', async () => {
  const r = await acceptedReferral(service);
  const plan = await planOf(service, r, { capCents: 100_000 });
  const hub = apiClient(service.url, r.hub);
  // arrears of 20 different months (2025-01 … 2026-08), 7,000 cents each: 14 × 7,000 = 98,000
  const months = Array.from({ length: 20 }, (_, i) => ({
    year: 2025 + Math.floor(i / 12),
    month: (i % 12) + 1,
  }));
  const answers = await Promise.all(
    months.map((m) =>
      hub.post(
        '/payments',
        deposit(r, plan.id, { paymentType: 'arrears', amountCents: 7_000, ...m }),
        newKey(),
      ),
    ),
  );
  expect(answers.filter((a) => a.status === 201)).toHaveLength(14);
  expect(answers.filter((a) => a.status === 422)).toHaveLength(6);
  const plans = await hub.get(`/rent-assistance/records/${r.enrollmentId}/plans`);
  expect(plans.body.items[0]).toMatchObject({ capCents: 100_000, committedCents: 98_000 });
});

import { randomUUID } from 'node:crypto';
import { WorkforcePaymentPlanChanged } from '@hearth/events';
import {
  apiClient,
  outboxEvents,
  rowCounts,
  startServiceForTest,
  type TestService,
} from '@hearth/testkit';
import { rentAssistance } from '../src/app';
import { rentAssistanceEnv } from '../src/config';
import { NOW, newKey } from './fixtures';
import { support, training, workforceRecord, workforceService } from './workforce-fixtures';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(rentAssistance, rentAssistanceEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

const planPath = (r: { enrollmentId: string }) =>
  `/rent-assistance/workforce-records/${r.enrollmentId}/payment-plan`;
const ledgerOf = async (r: Awaited<ReturnType<typeof workforceRecord>>) =>
  (
    await apiClient(service.url, r.hub).get(
      `/rent-assistance/workforce-records/${r.enrollmentId}/payments`,
    )
  ).body;

test('planned amounts fall as payments are made, a void gives its amount back, and a payment past what remains is refused', async () => {
  const r = await workforceRecord(service);
  const serviceId = await workforceService(service, r);
  const hub = apiClient(service.url, r.hub);
  const set = await hub.put(planPath(r), {
    version: 0,
    lines: [
      { category: 'training_education', plannedCents: 150_000 },
      { category: 'support_service', plannedCents: 20_000 },
    ],
  });
  expect(set.status).toBe(200);
  const changed = (await outboxEvents(service.pool, WorkforcePaymentPlanChanged)).filter(
    (e) => e.data.enrollmentId === r.enrollmentId,
  );
  expect(changed.map((e) => e.data.lines)).toEqual([
    [
      { category: 'support_service', paymentType: null, plannedCents: 20_000 },
      { category: 'training_education', paymentType: null, plannedCents: 150_000 },
    ],
  ]);

  // 150,000 planned − 60,000 entered = 90,000 remaining
  const first = await hub.post(
    '/payments/training-education',
    training(r, serviceId, { amountCents: 60_000 }),
    newKey(),
  );
  expect(first.status).toBe(201);
  const approved = await apiClient(service.url, r.approver).post(
    `/payments/${first.body.id}/approval`,
    { version: 1 },
    newKey(),
  );
  expect(approved.status).toBe(200);
  expect((await ledgerOf(r)).plan).toEqual([
    {
      category: 'support_service',
      paymentType: null,
      plannedCents: 20_000,
      pendingCents: 0,
      paidCents: 0,
      remainingCents: 20_000,
    },
    {
      category: 'training_education',
      paymentType: null,
      plannedCents: 150_000,
      pendingCents: 0,
      paidCents: 60_000,
      remainingCents: 90_000,
    },
  ]);

  const before = await rowCounts(service.pool, ['payments', 'outbox']);
  const over = await hub.post(
    '/payments/training-education',
    training(r, serviceId, { amountCents: 90_001 }),
    newKey(),
  );
  expect(over.status).toBe(422);
  expect(over.body.errors).toEqual([
    {
      field: 'amountCents',
      message: "Over the payment plan's training_education amount: 90000 cents remain of 150000",
    },
  ]);
  expect(await rowCounts(service.pool, ['payments', 'outbox'])).toEqual(before);
  const overSupport = await hub.post(
    '/payments/support-services',
    support(r, { amountCents: 20_001 }),
    newKey(),
  );
  expect(overSupport.status).toBe(422);
  expect(overSupport.body.errors[0].field).toBe('amountCents');

  // exactly what remains fits: 60,000 + 90,000 = 150,000
  const rest = await hub.post(
    '/payments/training-education',
    training(r, serviceId, { amountCents: 90_000 }),
    newKey(),
  );
  expect(rest.status).toBe(201);
  // voiding the approved 60,000 gives it back: 150,000 − 90,000 pending = 60,000
  const voided = await hub.post(
    `/payments/${first.body.id}/void`,
    { version: 2, reason: 'Course cancelled' },
    newKey(),
  );
  expect(voided.status).toBe(200);
  const ledger = await ledgerOf(r);
  expect(ledger.plan[1]).toEqual({
    category: 'training_education',
    paymentType: null,
    plannedCents: 150_000,
    pendingCents: 90_000,
    paidCents: 0,
    remainingCents: 60_000,
  });
  expect(ledger.totalsByCategory).toEqual({ training_education: 90_000 });

  // a plan never goes below what its payments took
  const below = await hub.put(planPath(r), {
    version: 1,
    lines: [{ category: 'training_education', plannedCents: 89_999 }],
  });
  expect(below.status).toBe(422);
  expect(below.body.errors).toEqual([
    { field: 'lines.0.plannedCents', message: 'Below the 90000 cents its payments took already' },
  ]);
});

test('without a plan, or for a category the plan leaves out, payments are not limited by it', async () => {
  const r = await workforceRecord(service);
  const hub = apiClient(service.url, r.hub);
  expect(
    (await hub.post('/payments/support-services', support(r, { amountCents: 700_000 }), newKey()))
      .status,
  ).toBe(201);
  expect((await ledgerOf(r)).plan).toBeNull();
  const set = await hub.put(planPath(r), {
    version: 0,
    lines: [{ category: 'training_education', plannedCents: 10_000 }],
  });
  expect(set.body.lines).toEqual([
    {
      category: 'training_education',
      paymentType: null,
      plannedCents: 10_000,
      pendingCents: 0,
      paidCents: 0,
      remainingCents: 10_000,
    },
  ]);
  expect(
    (await hub.post('/payments/support-services', support(r, { amountCents: 300_000 }), newKey()))
      .status,
  ).toBe(201);
});

test('a plan is the hub staff’s: the coach is refused 403, another organization 404, a line twice 400', async () => {
  const r = await workforceRecord(service);
  const lines = [{ category: 'support_service', plannedCents: 1_000 }];
  expect(
    (await apiClient(service.url, r.coach).put(planPath(r), { version: 0, lines })).status,
  ).toBe(403);
  const stranger = { ...r.hub, orgId: randomUUID() };
  expect(
    (await apiClient(service.url, stranger).put(planPath(r), { version: 0, lines })).status,
  ).toBe(404);
  const twice = await apiClient(service.url, r.hub).put(planPath(r), {
    version: 0,
    lines: [...lines, ...lines],
  });
  expect(twice.status).toBe(400);
  expect(twice.body.errors.map((e: { field: string }) => e.field)).toEqual(['lines.1.paymentType']);
  expect((await ledgerOf(r)).plan).toBeNull();
});

test('10 support payments at once never pass the planned amount together: 3 of 30,000 cents fit 100,000', async () => {
  const r = await workforceRecord(service);
  const hub = apiClient(service.url, r.hub);
  await hub.put(planPath(r), {
    version: 0,
    lines: [{ category: 'support_service', plannedCents: 100_000 }],
  });
  const answers = await Promise.all(
    Array.from({ length: 10 }, () =>
      hub.post('/payments/support-services', support(r, { amountCents: 30_000 }), newKey()),
    ),
  );
  expect(answers.filter((a) => a.status === 201)).toHaveLength(3);
  expect(answers.filter((a) => a.status === 422)).toHaveLength(7);
  expect((await ledgerOf(r)).plan).toEqual([
    {
      category: 'support_service',
      paymentType: null,
      plannedCents: 100_000,
      pendingCents: 90_000,
      paidCents: 0,
      remainingCents: 10_000,
    },
  ]);
});

test('a line may plan one type of its category: a payment must fit both the type line and the category line', async () => {
  const r = await workforceRecord(service);
  const hub = apiClient(service.url, r.hub);
  const bad = await hub.put(planPath(r), {
    version: 0,
    lines: [{ category: 'training_education', paymentType: 'transportation', plannedCents: 1 }],
  });
  expect(bad.status).toBe(400);
  expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['lines.0.paymentType']);
  const set = await hub.put(planPath(r), {
    version: 0,
    lines: [
      { category: 'support_service', plannedCents: 30_000 },
      { category: 'support_service', paymentType: 'transportation', plannedCents: 10_000 },
    ],
  });
  expect(set.status).toBe(200);
  const pay = (more: Record<string, unknown>) =>
    hub.post('/payments/support-services', support(r, more), newKey());
  const overType = await pay({ amountCents: 10_001 });
  expect(overType.body.errors).toEqual([
    {
      field: 'amountCents',
      message: "Over the payment plan's transportation amount: 10000 cents remain of 10000",
    },
  ]);
  expect((await pay({ amountCents: 10_000 })).status).toBe(201);
  // the category line: 30,000 − 10,000 transportation = 20,000 for child care
  const overCategory = await pay({ supportType: 'child_care', amountCents: 20_001 });
  expect(overCategory.body.errors).toEqual([
    {
      field: 'amountCents',
      message: "Over the payment plan's support_service amount: 20000 cents remain of 30000",
    },
  ]);
  expect((await pay({ supportType: 'child_care', amountCents: 20_000 })).status).toBe(201);
  expect((await ledgerOf(r)).plan).toEqual([
    {
      category: 'support_service',
      paymentType: null,
      plannedCents: 30_000,
      pendingCents: 30_000,
      paidCents: 0,
      remainingCents: 0,
    },
    {
      category: 'support_service',
      paymentType: 'transportation',
      plannedCents: 10_000,
      pendingCents: 10_000,
      paidCents: 0,
      remainingCents: 0,
    },
  ]);
});

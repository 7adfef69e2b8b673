import { randomUUID } from 'node:crypto';
import { WorkforcePaymentApproved, WorkforcePaymentRecorded } from '@hearth/events';
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
import {
  deleteService,
  support,
  training,
  workforceRecord,
  workforceService,
} from './workforce-fixtures';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(rentAssistance, rentAssistanceEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

const tables = ['payments', 'outbox', 'idempotency_keys'];

/** Post, expect a 422 naming exactly `fields`, and prove nothing was written. */
async function refused(
  actor: Parameters<typeof apiClient>[1],
  path: string,
  body: object,
  fields: string[],
) {
  const before = await rowCounts(service.pool, tables);
  const answer = await apiClient(service.url, actor).post(path, body, newKey());
  expect(answer.status).toBe(422);
  expect(answer.headers.get('content-type')).toMatch(/application\/problem\+json/);
  expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual(fields);
  expect(await rowCounts(service.pool, tables)).toEqual(before);
  return answer.body.errors as Array<{ field: string; message: string }>;
}

test('a workforce enrollment is kept as a workforce record, never as a Rent Assistance one', async () => {
  const r = await workforceRecord(service);
  const hub = apiClient(service.url, r.hub);
  expect((await hub.get(`/rent-assistance/records/${r.enrollmentId}`)).status).toBe(404);
  const ledger = await hub.get(`/rent-assistance/workforce-records/${r.enrollmentId}/payments`);
  expect(ledger.status).toBe(200);
  expect(ledger.body).toEqual({ items: [], totalsByCategory: {}, plan: null, planVersion: 0 });
});

test('a training payment for a training service record is entered pending, approved by a second hub user, paid', async () => {
  const r = await workforceRecord(service);
  const serviceId = await workforceService(service, r);
  const hub = apiClient(service.url, r.hub);
  const entered = await hub.post(
    '/payments/training-education',
    training(r, serviceId, { wioaIta: true, fiscalReference: 'ITA-7731' }),
    newKey(),
  );
  expect(entered.status).toBe(201);
  expect(entered.headers.get('location')).toBe(`/api/v1/payments/${entered.body.id}`);
  expect(entered.body).toMatchObject({
    category: 'training_education',
    trainingServiceId: serviceId,
    paymentType: 'tuition_fees_books_supplies',
    amountCents: 50_000,
    wioaIta: true,
    fiscalReference: 'ITA-7731',
    justification: null,
    status: 'pending',
    enteredBy: r.hub.userId,
    version: 1,
  });
  const recorded = (await outboxEvents(service.pool, WorkforcePaymentRecorded)).filter(
    (e) => e.data.paymentId === entered.body.id,
  );
  expect(recorded).toHaveLength(1);
  expect(recorded[0].orgId).toBe(r.hubOrgId);
  expect(JSON.stringify(recorded[0].data)).not.toContain('Madison College'); // never the payee

  const path = `/payments/${entered.body.id}`;
  expect((await hub.post(`${path}/approval`, { version: 1 }, newKey())).status).toBe(403);
  const second = apiClient(service.url, r.approver);
  const approved = await second.post(`${path}/approval`, { version: 1 }, newKey());
  expect(approved.status).toBe(200);
  expect(approved.body).toMatchObject({ status: 'approved', approvedBy: r.approver.userId });
  expect(
    (await outboxEvents(service.pool, WorkforcePaymentApproved)).filter(
      (e) => e.data.paymentId === entered.body.id,
    ),
  ).toHaveLength(1);
  const paid = await hub.post(`${path}/paid`, { version: 2 }, newKey());
  expect(paid.body).toMatchObject({ status: 'paid', version: 3 });
  expect((await second.get(path)).body).toMatchObject({
    status: 'paid',
    category: 'training_education',
  });
  const ledger = await hub.get(`/rent-assistance/workforce-records/${r.enrollmentId}/payments`);
  expect(ledger.body.totalsByCategory).toEqual({ training_education: 50_000 });
});

test('the same Idempotency-Key replays the first training payment; with another body it is refused', async () => {
  const r = await workforceRecord(service);
  const serviceId = await workforceService(service, r);
  const hub = apiClient(service.url, r.hub);
  const key = newKey();
  const first = await hub.post('/payments/training-education', training(r, serviceId), key);
  const again = await hub.post('/payments/training-education', training(r, serviceId), key);
  expect(first.status).toBe(201);
  expect(again.body).toEqual(first.body);
  const other = await hub.post(
    '/payments/training-education',
    training(r, serviceId, { amountCents: 5 }),
    key,
  );
  expect(other.status).toBe(422);
  expect(other.body.errors[0].field).toBe('Idempotency-Key');
  const keyless = await hub.post('/payments/training-education', training(r, serviceId));
  expect(keyless.status).toBe(400);
  const { rows } = await service.pool.query(
    'SELECT count(*)::int AS n FROM payments WHERE enrollment_id = $1',
    [r.enrollmentId],
  );
  expect(rows[0].n).toBe(1);
});

test('a training payment must name a live training service of this record: unknown, another participant’s, not a training, deleted are 422', async () => {
  const r = await workforceRecord(service);
  const elsewhere = await workforceRecord(service);
  const othersTraining = await workforceService(service, elsewhere);
  const plain = await workforceService(service, r, null);
  const deleted = await workforceService(service, r);
  await deleteService(service, r, deleted);
  const path = '/payments/training-education';
  const unknown = await refused(r.hub, path, training(r, randomUUID()), ['trainingServiceId']);
  const foreign = await refused(r.hub, path, training(r, othersTraining), ['trainingServiceId']);
  expect(foreign).toEqual(unknown); // another participant's id is not confirmed
  expect(await refused(r.hub, path, training(r, plain), ['trainingServiceId'])).toEqual([
    { field: 'trainingServiceId', message: 'Not a training service record' },
  ]);
  expect(await refused(r.hub, path, training(r, deleted), ['trainingServiceId'])).toEqual([
    { field: 'trainingServiceId', message: 'The service record was deleted' },
  ]);
});

test('a support payment needs other resources unavailable and a timeframe whose end is not before its start', async () => {
  const r = await workforceRecord(service);
  const path = '/payments/support-services';
  expect(
    await refused(
      r.hub,
      path,
      support(r, { otherResourcesUnavailable: false, timeframeEnd: '2026-09-09' }),
      ['otherResourcesUnavailable', 'timeframeEnd'],
    ),
  ).toEqual([
    {
      field: 'otherResourcesUnavailable',
      message: 'Support is paid only when other resources are unavailable',
    },
    { field: 'timeframeEnd', message: "Before the timeframe's start (2026-09-10)" },
  ]);
  await refused(r.hub, path, support(r, { paymentDate: '2026-09-11' }), ['paymentDate']);
  const hub = apiClient(service.url, r.hub);
  for (const [more, field] of [
    [{ supportType: 'yacht' }, 'supportType'],
    [{ amountCents: 10.5 }, 'amountCents'],
    [{ amountCents: -1 }, 'amountCents'],
    [{ timeframeStart: '2026-02-30' }, 'timeframeStart'],
    [{ otherResourcesUnavailable: undefined }, 'otherResourcesUnavailable'],
    [{ wioaIta: true }, 'wioaIta'], // a training's field on a support payment: unknown here
  ] as const) {
    const answer = await hub.post(path, support(r, more), newKey());
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
  }
  const childCare = await hub.post(
    path,
    support(r, {
      supportType: 'child_care',
      timeframeEnd: '2026-10-31',
      amountCents: 32_000,
      justification: 'child care for the first weeks of work',
      fiscalReference: 'PO-2026-114',
    }),
    newKey(),
  );
  expect(childCare.status).toBe(201);
  expect(childCare.body).toMatchObject({
    category: 'support_service',
    paymentType: 'child_care',
    otherResourcesUnavailable: true,
    timeframeStart: '2026-09-10',
    timeframeEnd: '2026-10-31',
    trainingServiceId: null,
    wioaIta: null,
    justification: 'child care for the first weeks of work',
    fiscalReference: 'PO-2026-114',
  });
});

test("another organization's staff, the hub after its release expired or on a restricted participant get 404; the coach (not hub staff) 403", async () => {
  const r = await workforceRecord(service);
  const serviceId = await workforceService(service, r);
  const body = training(r, serviceId);
  const path = '/payments/training-education';
  const stranger = { ...r.hub, orgId: randomUUID() };
  expect((await apiClient(service.url, stranger).post(path, body, newKey())).status).toBe(404);
  const coach = await apiClient(service.url, r.coach).post(path, body, newKey());
  expect(coach.status).toBe(403);
  const expired = await workforceRecord(service, { releaseEnd: '2026-09-09' });
  const late = await apiClient(service.url, expired.hub).post(
    '/payments/support-services',
    support(expired),
    newKey(),
  );
  expect(late.status).toBe(404);
  const restricted = await workforceRecord(service, { restricted: true });
  const hidden = apiClient(service.url, restricted.hub);
  expect(
    (await hidden.post('/payments/support-services', support(restricted), newKey())).status,
  ).toBe(404);
  expect(
    (await hidden.get(`/rent-assistance/workforce-records/${restricted.enrollmentId}/payments`))
      .status,
  ).toBe(404);
  const entered = await apiClient(service.url, r.hub).post(path, body, newKey());
  expect((await apiClient(service.url, stranger).get(`/payments/${entered.body.id}`)).status).toBe(
    404,
  );
  expect(
    (
      await apiClient(service.url, r.coach).get(
        `/rent-assistance/workforce-records/${r.enrollmentId}/payments`,
      )
    ).status,
  ).toBe(200); // the coach's organization reads its record
});

test('the OpenAPI document lists the Keys to Progress routes, and a payment answers either kind', async () => {
  const doc = (await (await fetch(`${service.url}/openapi.json`)).json()) as {
    paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  };
  for (const path of [
    '/api/v1/payments/training-education',
    '/api/v1/payments/support-services',
    '/api/v1/rent-assistance/workforce-records/{id}/payment-plan',
    '/api/v1/rent-assistance/workforce-records/{id}/payments',
  ])
    expect(Object.keys(doc.paths)).toContain(path);
  const answer = JSON.stringify(doc.paths['/api/v1/payments/{id}']!.get!.responses['200']);
  expect(answer).toContain('trainingServiceId');
  expect(answer).toContain('housingType');
});

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
import { support, workforceRecord } from './workforce-fixtures';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(rentAssistance, rentAssistanceEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

type WorkforceRecord = Awaited<ReturnType<typeof workforceRecord>>;
const planPath = (r: WorkforceRecord) =>
  `/rent-assistance/workforce-records/${r.enrollmentId}/payment-plan`;
const ledgerOf = async (r: WorkforceRecord) =>
  (
    await apiClient(service.url, r.hub).get(
      `/rent-assistance/workforce-records/${r.enrollmentId}/payments`,
    )
  ).body as { plan: Array<{ category: string; plannedCents: number }> | null; planVersion: number };
const planChanges = async (r: WorkforceRecord) =>
  (await outboxEvents(service.pool, WorkforcePaymentPlanChanged)).filter(
    (e) => e.data.enrollmentId === r.enrollmentId,
  ).length;
const support20k = [{ category: 'support_service', plannedCents: 20_000 }];
const training50k = [{ category: 'training_education', plannedCents: 50_000 }];

test("two hub users changing the plan they both read: the second is a 409 with the current version, the first's plan stands", async () => {
  const r = await workforceRecord(service);
  const first = apiClient(service.url, r.hub);
  const second = apiClient(service.url, r.approver);
  expect((await ledgerOf(r)).planVersion).toBe(0);

  const taken = await first.put(planPath(r), { version: 0, lines: support20k });
  expect(taken.status).toBe(200);
  expect(taken.body.version).toBe(1);

  const before = await rowCounts(service.pool, ['workforce_plan_lines', 'outbox']);
  const stale = await second.put(planPath(r), { version: 0, lines: training50k });
  expect(stale.status).toBe(409);
  expect(stale.headers.get('content-type')).toMatch(/application\/problem\+json/);
  expect(stale.body.detail).toMatch(/now version 1/);
  expect(stale.body.errors).toEqual([{ field: 'version', message: 'Expected 1' }]);
  expect(await rowCounts(service.pool, ['workforce_plan_lines', 'outbox'])).toEqual(before);
  const kept = await ledgerOf(r);
  expect(kept.planVersion).toBe(1);
  expect(kept.plan?.map((l) => [l.category, l.plannedCents])).toEqual([
    ['support_service', 20_000],
  ]);

  // reloaded, the second user's change names version 1 and replaces the plan
  const again = await second.put(planPath(r), { version: 1, lines: training50k });
  expect(again.status).toBe(200);
  expect(again.body.version).toBe(2);
  const now = await ledgerOf(r);
  expect(now.planVersion).toBe(2);
  expect(now.plan?.map((l) => [l.category, l.plannedCents])).toEqual([
    ['training_education', 50_000],
  ]);
  expect(await planChanges(r)).toBe(2);
});

test('two changes of one version at the same moment: one is taken, the other is a 409', async () => {
  const r = await workforceRecord(service);
  const answers = await Promise.all([
    apiClient(service.url, r.hub).put(planPath(r), { version: 0, lines: support20k }),
    apiClient(service.url, r.approver).put(planPath(r), { version: 0, lines: training50k }),
  ]);
  expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
  expect((await ledgerOf(r)).planVersion).toBe(1);
  expect(await planChanges(r)).toBe(1);
});

test('a refused plan keeps its version; a missing or negative version is a 400 naming it, an unknown one a 409', async () => {
  const r = await workforceRecord(service);
  const hub = apiClient(service.url, r.hub);
  expect(
    (await hub.post('/payments/support-services', support(r, { amountCents: 30_000 }), newKey()))
      .status,
  ).toBe(201);
  // 20,000 planned is below the 30,000 entered: 422, and the version stays 0
  const below = await hub.put(planPath(r), { version: 0, lines: support20k });
  expect(below.status).toBe(422);
  expect((await ledgerOf(r)).planVersion).toBe(0);

  const fields = async (body: object) => {
    const answer = await hub.put(planPath(r), body);
    expect(answer.status).toBe(400);
    return answer.body.errors.map((e: { field: string }) => e.field);
  };
  expect(await fields({ lines: training50k })).toEqual(['version']);
  expect(await fields({ version: -1, lines: training50k })).toEqual(['version']);
  expect(await fields({ version: 1.5, lines: training50k })).toEqual(['version']);
  const unknown = await hub.put(planPath(r), { version: 7, lines: training50k });
  expect(unknown.status).toBe(409);
  expect(unknown.body.errors).toEqual([{ field: 'version', message: 'Expected 0' }]);
  expect(await planChanges(r)).toBe(0);
});

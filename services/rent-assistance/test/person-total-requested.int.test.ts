import { randomUUID } from 'node:crypto';
import { PersonLinked, PersonUnlinked } from '@hearth/events';
import {
  apiClient,
  rowCounts,
  sharedParticipant,
  startServiceForTest,
  type TestService,
} from '@hearth/testkit';
import { rentAssistance } from '../src/app';
import { rentAssistanceEnv } from '../src/config';
import {
  CAREER_PLAN,
  NOW,
  SIGNED_APPLICATION,
  acceptedReferral,
  budgetLines,
  document,
  newKey,
  planOf,
  raEnrollment,
  service as recordService,
} from './fixtures';

/**
 * Two open RA records of one person in one program (both opened before intake linked them:
 * enrollment refuses a second one after) are one episode entered twice: their payments count
 * against a record's total amount requested together; the undo counts each record alone again.
 */
let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(rentAssistance, rentAssistanceEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

/** Two reviewed records, each requesting `total` cents with a plan of 500,000, in one program. */
async function twoOpenRecords(total: number) {
  const first = await acceptedReferral(service, { totalAmountRequestedCents: total });
  const { rows } = await service.pool.query<{ program_id: string }>(
    'SELECT program_id FROM ra_records WHERE enrollment_id = $1',
    [first.enrollmentId],
  );
  const participantId = await sharedParticipant(service.pool, first.coachOrgId, {
    securityRestriction: 'share_mou',
    releases: [{ toOrgId: first.hubOrgId, beginDate: '2026-01-01', endDate: '2027-12-31' }],
  });
  const enrollmentId = await raEnrollment(service, first.coachOrgId, participantId, {
    serviceProviderOrgId: first.hubOrgId,
    applicationDate: '2026-09-01',
    programId: rows[0]!.program_id,
    totalAmountRequestedCents: total,
  });
  const second = { ...first, participantId, enrollmentId };
  await document(service, second, CAREER_PLAN, '2026-08-01');
  await document(service, second, SIGNED_APPLICATION, '2026-09-01');
  const budgets = `/rent-assistance/participants/${participantId}/budgets`;
  expect(
    (await apiClient(service.url, first.coach).post(budgets, { lines: budgetLines })).status,
  ).toBe(201);
  const review = `/rent-assistance/records/${enrollmentId}/review`;
  expect((await apiClient(service.url, first.hub).post(review, {})).status).toBe(200);
  await recordService(service, second, 'coaching', '2025-11-03');
  const link = {
    linkId: randomUUID(),
    personId: first.participantId,
    survivingParticipantId: first.participantId,
    participantIds: [first.participantId, participantId],
    at: NOW.toISOString(),
  };
  return {
    first: { ...first, planId: (await planOf(service, first)).id },
    second: { ...second, planId: (await planOf(service, second)).id },
    link,
    hub: apiClient(service.url, first.hub),
  };
}

/** Arrears of a month of 2025 (no engagement rule). */
const arrears = (
  r: { enrollmentId: string; planId: string },
  month: number,
  amountCents: number,
) => ({
  enrollmentId: r.enrollmentId,
  planId: r.planId,
  paymentDate: '2026-09-10',
  paymentType: 'arrears',
  paidTo: 'landlord',
  payee: 'Lakeview Apartments',
  year: 2025,
  month,
  amountCents,
  housingType: 'rapid_rehousing',
  raEligible: true,
});

const remainingOf = async (hub: ReturnType<typeof apiClient>, enrollmentId: string) =>
  (await hub.get(`/rent-assistance/records/${enrollmentId}/payments`)).body
    .remainingOfRequestedCents;

test('once linked, the two records’ payments count against the total requested together: 100,000 = 60,000 + 40,000', async () => {
  const { first, second, link, hub } = await twoOpenRecords(100_000);
  await service.publish(PersonLinked, link, { orgId: first.coachOrgId });
  expect((await hub.post('/payments', arrears(first, 1, 60_000), newKey())).status).toBe(201);

  const before = await rowCounts(service.pool, ['payments', 'outbox']);
  const over = await hub.post('/payments', arrears(second, 1, 50_000), newKey());
  expect(over.status).toBe(422);
  expect(over.body.errors).toEqual([
    {
      field: 'amountCents',
      message: "Over the record's total amount requested: 40000 cents remain of 100000",
    },
  ]);
  expect(await rowCounts(service.pool, ['payments', 'outbox'])).toEqual(before);
  expect(await remainingOf(hub, second.enrollmentId)).toBe(40_000);

  expect((await hub.post('/payments', arrears(second, 1, 40_000), newKey())).status).toBe(201);
  expect(await remainingOf(hub, first.enrollmentId)).toBe(0);

  // the undo: each record counts its own payments again (100,000 − 40,000 on the second)
  await service.publish(PersonUnlinked, link, { orgId: first.coachOrgId });
  expect(await remainingOf(hub, second.enrollmentId)).toBe(60_000);
  expect((await hub.post('/payments', arrears(second, 2, 50_000), newKey())).status).toBe(201);
});

test('a batch counts rows on the two linked records against one total: 50,000 takes 30,000, refuses the next 30,000', async () => {
  const { first, second, link, hub } = await twoOpenRecords(50_000);
  await service.publish(PersonLinked, link, { orgId: first.coachOrgId });
  const rows = [arrears(first, 3, 30_000), arrears(second, 3, 30_000)].map((p) => ({
    rowKey: randomUUID(),
    ...p,
  }));
  const answer = await hub.post('/payments/batch', { payments: rows }, newKey());
  expect(answer.status).toBe(200);
  expect(answer.body.results.map((r: { status: number }) => r.status)).toEqual([201, 422]);
  expect(answer.body.results[1].errors.map((e: { field: string }) => e.field)).toEqual([
    'amountCents',
  ]);
});

test('records of different people keep a total each', async () => {
  const { first, second, hub } = await twoOpenRecords(50_000);
  expect((await hub.post('/payments', arrears(first, 4, 50_000), newKey())).status).toBe(201);
  expect((await hub.post('/payments', arrears(second, 4, 50_000), newKey())).status).toBe(201);
});

test('two payments at once through the two linked records: one 201, one 422 (50,000 requested, 30,000 each)', async () => {
  const { first, second, link, hub } = await twoOpenRecords(50_000);
  await service.publish(PersonLinked, link, { orgId: first.coachOrgId });
  const answers = await Promise.all([
    hub.post('/payments', arrears(first, 5, 30_000), newKey()),
    hub.post('/payments', arrears(second, 5, 30_000), newKey()),
  ]);
  expect(answers.map((a) => a.status).sort()).toEqual([201, 422]);
});

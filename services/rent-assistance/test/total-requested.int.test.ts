import { randomUUID } from 'node:crypto';
import { EnrollmentUpdated, type EnrollmentSnapshot } from '@hearth/events';
import {
  apiClient,
  publishAndWait,
  rowCounts,
  startServiceForTest,
  type TestService,
} from '@hearth/testkit';
import { rentAssistance } from '../src/app';
import { rentAssistanceEnv } from '../src/config';
import { NOW, acceptedReferral, newKey, planOf, raEnrollment, referral } from './fixtures';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(rentAssistance, rentAssistanceEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

type Ref = { enrollmentId: string };
/** Arrears of a month of 2025 (no engagement rule), 30,000 cents unless told. */
const arrears = (r: Ref, planId: string, more: Record<string, unknown> = {}) => ({
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
  ...more,
});

/** A record requesting `total` cents, with two plans of 100,000 each (metro-ra, county-ra). */
async function recordWithTwoPlans(total: number | null) {
  const r = await acceptedReferral(service, { totalAmountRequestedCents: total });
  const metro = await planOf(service, r, { capCents: 100_000 });
  const county = await planOf(service, r, { fundingSource: 'county-ra', capCents: 100_000 });
  return { r, metro: metro.id, county: county.id, hub: apiClient(service.url, r.hub) };
}

test("the record keeps enrollment's total amount requested, and its later change", async () => {
  const r = await referral(service, { totalAmountRequestedCents: 450_000 });
  const path = `/rent-assistance/records/${r.enrollmentId}`;
  expect((await apiClient(service.url, r.hub).get(path)).body.totalAmountRequestedCents).toBe(
    450_000,
  );
  const snapshot: EnrollmentSnapshot = {
    enrollmentId: r.enrollmentId,
    programId: randomUUID(),
    programKind: 'rent_assistance',
    orgId: r.coachOrgId,
    serviceProviderOrgId: r.hubOrgId,
    totalAmountRequestedCents: 380_000,
    headParticipantId: r.participantId,
    memberParticipantIds: [],
    applicationDate: '2026-09-01',
    registrationDate: null,
    participationDate: null,
    lastQualifyingServiceDate: null,
    exitDate: null,
    status: 'application',
  };
  await publishAndWait(service, EnrollmentUpdated, snapshot, { orgId: r.coachOrgId });
  expect((await apiClient(service.url, r.hub).get(path)).body.totalAmountRequestedCents).toBe(
    380_000,
  );
  // a snapshot made before the field: no total, no cap of the record's own
  const older = await raEnrollment(service, r.coachOrgId, r.participantId, {
    serviceProviderOrgId: r.hubOrgId,
  });
  const without = await apiClient(service.url, r.hub).get(`/rent-assistance/records/${older}`);
  expect(without.body.totalAmountRequestedCents).toBeNull();
});

test("payments of all the record's plans together stay within its total requested: 150,000 = 90,000 + 60,000", async () => {
  const { r, metro, county, hub } = await recordWithTwoPlans(150_000);
  expect(
    (await hub.post('/payments', arrears(r, metro, { amountCents: 90_000 }), newKey())).status,
  ).toBe(201);
  const before = await rowCounts(service.pool, ['payments', 'outbox']);
  // 90,000 + 70,000 = 160,000 > 150,000, though the county plan has 100,000 free
  const over = await hub.post(
    '/payments',
    arrears(r, county, { month: 2, amountCents: 70_000 }),
    newKey(),
  );
  expect(over.status).toBe(422);
  expect(over.body.errors).toEqual([
    {
      field: 'amountCents',
      message: "Over the record's total amount requested: 60000 cents remain of 150000",
    },
  ]);
  expect(await rowCounts(service.pool, ['payments', 'outbox'])).toEqual(before);
  const exact = await hub.post(
    '/payments',
    arrears(r, county, { month: 2, amountCents: 60_000 }),
    newKey(),
  );
  expect(exact.status).toBe(201);
  const ledger = await hub.get(`/rent-assistance/records/${r.enrollmentId}/payments`);
  expect(ledger.body).toMatchObject({
    totalCents: 150_000,
    byFundingSource: { 'metro-ra': 90_000, 'county-ra': 60_000 },
    totalAmountRequestedCents: 150_000,
    remainingOfRequestedCents: 0,
  });
  const cent = await hub.post(
    '/payments',
    arrears(r, metro, { month: 3, amountCents: 1 }),
    newKey(),
  );
  expect(cent.body.errors).toEqual([
    {
      field: 'amountCents',
      message: "Over the record's total amount requested: 0 cents remain of 150000",
    },
  ]);
});

test('a voided payment gives its amount back to the total requested', async () => {
  const { r, metro, county, hub } = await recordWithTwoPlans(100_000);
  const first = await hub.post('/payments', arrears(r, metro, { amountCents: 100_000 }), newKey());
  expect(
    (await hub.post('/payments', arrears(r, county, { month: 2, amountCents: 1 }), newKey()))
      .status,
  ).toBe(422);
  const voided = await hub.post(
    `/payments/${first.body.id}/void`,
    { version: 1, reason: 'Entered on the wrong record' },
    newKey(),
  );
  expect(voided.status).toBe(200);
  const again = await hub.post(
    '/payments',
    arrears(r, county, { month: 2, amountCents: 100_000 }),
    newKey(),
  );
  expect(again.status).toBe(201);
});

test('without a total requested only the plans cap the payments', async () => {
  const { r, metro, county, hub } = await recordWithTwoPlans(null);
  for (const [month, plan] of [metro, county].entries())
    expect(
      (
        await hub.post(
          '/payments',
          arrears(r, plan, { month: month + 1, amountCents: 100_000 }),
          newKey(),
        )
      ).status,
    ).toBe(201);
  const ledger = await hub.get(`/rent-assistance/records/${r.enrollmentId}/payments`);
  expect(ledger.body).toMatchObject({
    totalCents: 200_000,
    totalAmountRequestedCents: null,
    remainingOfRequestedCents: null,
  });
});

test("a batch's rows take the record's total requested in turn, across plans", async () => {
  const { r, metro, county, hub } = await recordWithTwoPlans(100_000);
  const row = (planId: string, month: number, amountCents: number) => ({
    ...arrears(r, planId, { month, amountCents }),
    rowKey: randomUUID(),
    adjustmentReason: null,
  });
  const rows = [
    row(metro, 1, 40_000), // 40,000
    row(county, 2, 40_000), // 80,000
    row(county, 3, 30_000), // 110,000 > 100,000: 20,000 remain
    row(metro, 4, 20_000), // 100,000: exactly the total
  ];
  const answer = await hub.post('/payments/batch', { payments: rows }, newKey());
  expect(answer.status).toBe(200);
  expect(answer.body.results.map((x: { status: number }) => x.status)).toEqual([
    201, 201, 422, 201,
  ]);
  expect(answer.body.results[2].errors).toEqual([
    {
      field: 'amountCents',
      message: "Over the record's total amount requested: 20000 cents remain of 100000",
    },
  ]);
  const ledger = await hub.get(`/rent-assistance/records/${r.enrollmentId}/payments`);
  expect(ledger.body.totalCents).toBe(100_000);
});

test('20 payments at once on two plans never pass the total requested together: 7 of 7,000 cents fit 50,000', async () => {
  const { r, metro, county, hub } = await recordWithTwoPlans(50_000);
  // 20 months of arrears (2024-01 … 2025-08), every other one on each plan: 7 × 7,000 = 49,000
  const answers = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      hub.post(
        '/payments',
        arrears(r, i % 2 ? county : metro, {
          year: 2024 + Math.floor(i / 12),
          month: (i % 12) + 1,
          amountCents: 7_000,
        }),
        newKey(),
      ),
    ),
  );
  expect(answers.filter((a) => a.status === 201)).toHaveLength(7);
  expect(answers.filter((a) => a.status === 422)).toHaveLength(13);
  const ledger = await hub.get(`/rent-assistance/records/${r.enrollmentId}/payments`);
  expect(ledger.body.totalCents).toBe(49_000);
});

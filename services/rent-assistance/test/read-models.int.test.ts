import { randomUUID } from 'node:crypto';
import { EnrollmentCreated, ServiceDeleted } from '@hearth/events';
import { apiClient, startServiceForTest, type TestService } from '@hearth/testkit';
import { rentAssistance } from '../src/app';
import { rentAssistanceEnv } from '../src/config';
import { NOW, budgetLines, raEnrollment, referral, service as recordService } from './fixtures';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(rentAssistance, rentAssistanceEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

test('coaching copied in dates the first coaching service and LQ; RRH/HP start participation without extending LQ; the final rent does', async () => {
  const r = await referral(service);
  await recordService(service, r, 'coaching', '2026-09-03');
  const lateCoaching = await recordService(service, r, 'coaching', '2026-09-05');
  await recordService(service, r, 'housing_support', '2026-09-08');
  const path = `/rent-assistance/records/${r.enrollmentId}`;
  let record = await apiClient(service.url, r.hub).get(path);
  expect(record.body.engagement).toEqual({
    firstCoachingDate: '2026-09-03',
    lastQualifyingDate: '2026-09-05', // the RRH service of 09-08 does not extend it
    firstHousingSupportDate: '2026-09-08',
    finalRentExitDate: null,
  });
  await service.publish(ServiceDeleted, {
    serviceId: lateCoaching,
    participantId: r.participantId,
    enrollmentId: r.enrollmentId,
    serviceTypeId: randomUUID(),
    serviceDate: '2026-09-05',
    startsParticipation: false,
    qualifying: true,
    version: 2,
  });
  await recordService(service, r, 'final_rent_exit', '2026-09-09');
  record = await apiClient(service.url, r.hub).get(path);
  expect(record.body.engagement).toEqual({
    firstCoachingDate: '2026-09-03',
    lastQualifyingDate: '2026-09-09',
    firstHousingSupportDate: '2026-09-08',
    finalRentExitDate: '2026-09-09',
  });
});

test("only Rent Assistance enrollments are records here; the hub is the snapshot's service provider", async () => {
  const r = await referral(service);
  const other = randomUUID();
  await service.publish(EnrollmentCreated, {
    enrollmentId: other,
    programId: randomUUID(),
    programKind: null,
    orgId: r.coachOrgId,
    headParticipantId: r.participantId,
    memberParticipantIds: [],
    applicationDate: '2026-09-02',
    registrationDate: null,
    participationDate: null,
    lastQualifyingServiceDate: null,
    exitDate: null,
    status: 'application',
  });
  const list = await apiClient(service.url, r.coach).get(
    `/rent-assistance/participants/${r.participantId}/records`,
  );
  expect(list.status).toBe(200);
  expect(list.body.items.map((x: { enrollmentId: string }) => x.enrollmentId)).toEqual([
    r.enrollmentId,
  ]);
  expect(list.body.items[0]).toMatchObject({ coachOrgId: r.coachOrgId, hubOrgId: r.hubOrgId });
  expect(
    (await apiClient(service.url, r.hub).get(`/rent-assistance/records/${other}`)).status,
  ).toBe(404);
  // a record the hub provides and itself created (no provider named): the hub is its organization
  const own = await raEnrollment(service, r.hubOrgId, r.participantId);
  const mine = await apiClient(service.url, r.hub).get(`/rent-assistance/records/${own}`);
  expect(mine.body).toMatchObject({ coachOrgId: r.hubOrgId, hubOrgId: r.hubOrgId });
});

test("a budget is kept in integer cents with its totals, dated on the saver's calendar", async () => {
  const r = await referral(service);
  const path = `/rent-assistance/participants/${r.participantId}/budgets`;
  const saved = await apiClient(service.url, r.coach).post(path, { lines: budgetLines });
  expect(saved.status).toBe(201);
  expect(saved.body).toMatchObject({
    savedOn: '2026-09-10',
    savedBy: r.coach.userId,
    incomeCents: 250_000,
    expenseCents: 185_075, // 140,050 + 45,025
    balanceCents: 64_925,
    lines: budgetLines,
  });
  const latest = await apiClient(service.url, r.hub).get(`${path}/latest`);
  expect(latest.body).toEqual(saved.body);
});

test('a budget line in fractional or negative cents is refused 400 naming the line, nothing saved', async () => {
  const r = await referral(service);
  const path = `/rent-assistance/participants/${r.participantId}/budgets`;
  for (const amountCents of [100.5, -1]) {
    const answer = await apiClient(service.url, r.coach).post(path, {
      lines: [budgetLines[0], { kind: 'expense', label: 'Rent', amountCents }],
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'lines.1.amountCents',
    ]);
  }
  expect((await apiClient(service.url, r.coach).get(`${path}/latest`)).status).toBe(404);
  const stranger = await apiClient(service.url, { ...r.coach, orgId: randomUUID() }).post(path, {
    lines: budgetLines,
  });
  expect(stranger.status).toBe(404);
});

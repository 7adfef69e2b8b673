import { randomUUID } from 'node:crypto';
import { RentAssistancePreProgramExited, RentAssistanceReviewed } from '@hearth/events';
import {
  apiClient,
  outboxEvents,
  testActor,
  type TestService,
  startServiceForTest,
} from '@hearth/testkit';
import { rentAssistance } from '../src/app';
import { rentAssistanceEnv } from '../src/config';
import {
  CAREER_PLAN,
  NOW,
  SIGNED_APPLICATION,
  TODAY,
  budgetLines,
  caseNote,
  document,
  referral,
} from './fixtures';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(rentAssistance, rentAssistanceEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

const reviewedEvents = async (enrollmentId: string) =>
  (await outboxEvents(service.pool, RentAssistanceReviewed)).filter(
    (e) => e.data.enrollmentId === enrollmentId,
  );

/** A referral with everything the review asks for: plan and budget within 3 months, signed. */
async function readyReferral(applicationDate = '2026-09-01') {
  const r = await referral(service, { applicationDate });
  // 3 months before the hub's today 2026-09-10 is 2026-06-10: a plan of that day still counts
  await document(service, r, CAREER_PLAN, '2026-06-10');
  await document(service, r, SIGNED_APPLICATION, applicationDate);
  const saved = await apiClient(service.url, r.coach).post(
    `/rent-assistance/participants/${r.participantId}/budgets`,
    { lines: budgetLines },
  );
  expect(saved.status).toBe(201);
  return r;
}

test("the chosen hub's staff record the review: Review Date is the hub's today, Reviewed By themself", async () => {
  const r = await readyReferral();
  const answer = await apiClient(service.url, r.hub).post(
    `/rent-assistance/records/${r.enrollmentId}/review`,
    {},
  );
  expect(answer.status).toBe(200);
  expect(answer.body.review).toEqual({
    lastReviewDay: '2026-10-16', // 2026-09-01 + 45 days
    reviewedOn: TODAY,
    reviewedBy: r.hub.userId,
  });
  const events = await reviewedEvents(r.enrollmentId);
  expect(events.map((e) => e.data)).toEqual([
    {
      enrollmentId: r.enrollmentId,
      participantId: r.participantId,
      hubOrgId: r.hubOrgId,
      reviewedOn: TODAY,
      reviewedBy: r.hub.userId,
    },
  ]);
  const again = await apiClient(service.url, r.hub).post(
    `/rent-assistance/records/${r.enrollmentId}/review`,
    {},
  );
  expect(again.status).toBe(409);
});

test('a review is refused with each unmet condition listed, and nothing is recorded', async () => {
  const r = await referral(service, { applicationDate: '2026-09-01' });
  await document(service, r, CAREER_PLAN, '2026-06-09'); // one day older than 3 months
  await document(service, r, SIGNED_APPLICATION, '2026-08-31'); // before this record's application
  const answer = await apiClient(service.url, r.hub).post(
    `/rent-assistance/records/${r.enrollmentId}/review`,
    {},
  );
  expect(answer.status).toBe(422);
  expect(answer.headers.get('content-type')).toMatch(/problem\+json/);
  expect(answer.body.errors).toEqual([
    {
      field: 'careerPlan',
      message:
        'No career plan ("Individual Plan") dated on or after 2026-06-10: the latest is dated 2026-06-09',
    },
    { field: 'budget', message: 'No prosperity budget saved on or after 2026-06-10' },
    {
      field: 'signedApplication',
      message: 'No signed application dated on or after the application date 2026-09-01',
    },
  ]);
  const record = await apiClient(service.url, r.hub).get(
    `/rent-assistance/records/${r.enrollmentId}`,
  );
  expect(record.body.review.reviewedOn).toBeNull();
  expect(await reviewedEvents(r.enrollmentId)).toEqual([]);
});

test("only the chosen hub's hub_staff review: the coach and the hub's caseworker are refused 403", async () => {
  const r = await readyReferral();
  for (const actor of [r.coach, testActor({ orgId: r.hubOrgId, roles: ['caseworker'] })]) {
    const answer = await apiClient(service.url, actor).post(
      `/rent-assistance/records/${r.enrollmentId}/review`,
      {},
    );
    expect(answer.status).toBe(403);
  }
  expect(await reviewedEvents(r.enrollmentId)).toEqual([]);
});

test("another organization's hub staff, and the hub once its release expired, are answered 404", async () => {
  const r = await readyReferral();
  const stranger = testActor({ roles: ['hub_staff'] });
  const path = `/rent-assistance/records/${r.enrollmentId}`;
  expect((await apiClient(service.url, stranger).get(path)).status).toBe(404);
  expect((await apiClient(service.url, stranger).post(`${path}/review`, {})).status).toBe(404);

  const expired = await referral(service, { releaseEnd: '2026-09-09' });
  const hubPath = `/rent-assistance/records/${expired.enrollmentId}`;
  expect((await apiClient(service.url, expired.hub).get(hubPath)).status).toBe(404);
  expect((await apiClient(service.url, expired.hub).post(`${hubPath}/review`, {})).status).toBe(
    404,
  );
  expect((await apiClient(service.url, expired.coach).get(hubPath)).status).toBe(200);
});

test('the hub reviews through day 45 after the application date, not on day 46', async () => {
  // 2026-07-27 + 45 days = 2026-09-10, today: still allowed
  const lastDay = await readyReferral('2026-07-27');
  const onTime = await apiClient(service.url, lastDay.hub).post(
    `/rent-assistance/records/${lastDay.enrollmentId}/review`,
    {},
  );
  expect(onTime.status).toBe(200);
  // 2026-07-26 + 45 days = 2026-09-09, yesterday
  const late = await readyReferral('2026-07-26');
  const answer = await apiClient(service.url, late.hub).post(
    `/rent-assistance/records/${late.enrollmentId}/review`,
    {},
  );
  expect(answer.status).toBe(422);
  expect(answer.body.errors).toEqual([
    { field: 'enrollmentId', message: 'The last review day was 2026-09-09' },
  ]);
});

test("a rejection is a pre-program exit naming the hub's case note about the participant", async () => {
  const r = await referral(service);
  const path = `/rent-assistance/records/${r.enrollmentId}/rejection`;
  const coachNote = await caseNote(service, r.participantId, r.coachOrgId);
  for (const caseNoteId of [randomUUID(), coachNote]) {
    const refused = await apiClient(service.url, r.hub).post(path, { caseNoteId });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].field).toBe('caseNoteId');
  }
  expect((await apiClient(service.url, r.hub).post(path, {})).status).toBe(400);

  const noteId = await caseNote(service, r.participantId, r.hubOrgId);
  const answer = await apiClient(service.url, r.hub).post(path, { caseNoteId: noteId });
  expect(answer.status).toBe(200);
  expect(answer.body.preProgramExit).toEqual({
    exitDate: TODAY,
    reason: 'referral_rejected',
    caseNoteId: noteId,
  });
  const events = (await outboxEvents(service.pool, RentAssistancePreProgramExited)).filter(
    (e) => e.data.enrollmentId === r.enrollmentId,
  );
  expect(events.map((e) => e.data)).toEqual([
    {
      enrollmentId: r.enrollmentId,
      participantId: r.participantId,
      hubOrgId: r.hubOrgId,
      exitDate: TODAY,
      reason: 'referral_rejected',
      caseNoteId: noteId,
    },
  ]);
  expect((await apiClient(service.url, r.hub).post(path, { caseNoteId: noteId })).status).toBe(409);
  const review = await apiClient(service.url, r.hub).post(
    `/rent-assistance/records/${r.enrollmentId}/review`,
    {},
  );
  expect(review.status).toBe(409);
});

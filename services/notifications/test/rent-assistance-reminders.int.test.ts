import { randomUUID } from 'node:crypto';
import {
  EnrollmentCreated,
  RentAssistanceEngagementVerified,
  RentAssistancePreProgramExited,
  RentAssistanceReviewed,
} from '@hearth/events';
import {
  apiClient,
  sharedParticipant,
  startServiceForTest,
  testActor,
  type TestService,
} from '@hearth/testkit';
import { notifications } from '../src/app';
import { notificationsEnv } from '../src/config';
import { remindRentAssistanceReviews } from '../src/use-cases/rent-assistance-reminders';

let now = new Date('2026-12-01T12:00:00Z');
let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(notifications, notificationsEnv, { clock: () => now });
});
afterAll(() => service?.close());

const on = (date: string) => (now = new Date(`${date}T12:00:00Z`));
const remind = () => remindRentAssistanceReviews({ pool: service.pool, clock: () => now });
const noticesOf = async (actor: ReturnType<typeof testActor>, kind: string) =>
  (await apiClient(service.url, actor).get('/notifications?status=all')).body.items.filter(
    (n: { kind: string }) => n.kind === kind,
  );
const remindersOf = (actor: ReturnType<typeof testActor>) =>
  noticesOf(actor, 'rent_assistance_review_nearing');
const missingOf = (actor: ReturnType<typeof testActor>) =>
  noticesOf(actor, 'rent_assistance_engagement_missing');

/** A Rent Assistance record the coach's organization made with the hub as provider. */
async function record(
  applicationDate: string,
  programKind: 'rent_assistance' | null = 'rent_assistance',
) {
  const coach = testActor({ roles: ['caseworker'] });
  const hub = testActor({ roles: ['hub_staff'] });
  const participantId = await sharedParticipant(service.pool, coach.orgId, {
    securityRestriction: 'share_mou',
    releases: [{ toOrgId: hub.orgId, beginDate: '2020-01-01', endDate: '2099-12-31' }],
  });
  const enrollmentId = randomUUID();
  await service.publish(
    EnrollmentCreated,
    {
      enrollmentId,
      programId: randomUUID(),
      programKind,
      orgId: coach.orgId,
      serviceProviderOrgId: hub.orgId,
      headParticipantId: participantId,
      memberParticipantIds: [participantId],
      applicationDate,
      registrationDate: null,
      participationDate: null,
      lastQualifyingServiceDate: null,
      exitDate: null,
      status: 'application',
    },
    { orgId: coach.orgId },
  );
  return { coach, hub, participantId, enrollmentId };
}

test('an unreviewed record reminds the hub and the coach once, from day 38 after its application', async () => {
  const r = await record('2026-11-01');
  on('2026-12-08'); // day 37
  await remind();
  expect(await remindersOf(r.hub)).toEqual([]);
  on('2026-12-09'); // day 38
  await remind();
  on('2026-12-10');
  await remind(); // the next day: nothing new
  const expected = expect.objectContaining({
    title: 'Rent-assistance referral to review by 2026-12-16 (45 days from its application)',
    link: {
      recordType: 'rent_assistance_record',
      recordId: r.enrollmentId,
      href: `/api/v1/rent-assistance/records/${r.enrollmentId}`,
    },
    participantId: r.participantId,
  });
  expect(await remindersOf(r.hub)).toEqual([expected]);
  expect(await remindersOf(r.coach)).toEqual([expected]);
  expect(await remindersOf(testActor())).toEqual([]);
});

test('a run missed on day 38 still reminds within the window, never after day 45', async () => {
  const late = await record('2026-10-01');
  on('2026-11-15'); // day 45, the last review day
  await remind();
  expect(await remindersOf(late.hub)).toHaveLength(1);
  const past = await record('2026-09-01');
  on('2026-10-17'); // day 46
  await remind();
  expect(await remindersOf(past.hub)).toEqual([]);
});

test('a reviewed, exited or other kind of record reminds no one', async () => {
  const reviewed = await record('2026-11-01');
  await service.publish(RentAssistanceReviewed, {
    enrollmentId: reviewed.enrollmentId,
    participantId: reviewed.participantId,
    hubOrgId: reviewed.hub.orgId,
    reviewedOn: '2026-11-20',
    reviewedBy: reviewed.hub.userId,
  });
  const rejected = await record('2026-11-01');
  await service.publish(RentAssistancePreProgramExited, {
    enrollmentId: rejected.enrollmentId,
    participantId: rejected.participantId,
    hubOrgId: rejected.hub.orgId,
    exitDate: '2026-11-20',
    reason: 'referral_rejected',
    caseNoteId: randomUUID(),
  });
  const other = await record('2026-11-01', null);
  on('2026-12-09');
  await remind();
  for (const r of [reviewed, rejected, other]) expect(await remindersOf(r.hub)).toEqual([]);
});

type RaRecord = Awaited<ReturnType<typeof record>>;
const reviewedOn = (r: RaRecord, date: string) =>
  service.publish(RentAssistanceReviewed, {
    enrollmentId: r.enrollmentId,
    participantId: r.participantId,
    hubOrgId: r.hub.orgId,
    reviewedOn: date,
    reviewedBy: r.hub.userId,
  });
const engaged = (r: RaRecord, year: number, month: number) =>
  service.publish(RentAssistanceEngagementVerified, {
    enrollmentId: r.enrollmentId,
    participantId: r.participantId,
    hubOrgId: r.hub.orgId,
    year,
    month,
    activities: ['weekly_contact'],
    engaged: true,
    verifiedOn: '2026-11-05',
    late: false,
  });

describe("a month's engagement not verified by the 10th of the next", () => {
  test('reminds the hub and the coach once from the 11th, naming the month', async () => {
    const r = await reviewedRecord('2026-10-20');
    on('2026-11-10'); // still due today
    await remind();
    expect(await missingOf(r.hub)).toEqual([]);
    on('2026-11-11');
    await remind();
    on('2026-11-12');
    await remind();
    const expected = expect.objectContaining({
      title: 'Rent-assistance engagement of 2026-10 not verified (due by the 10th)',
      link: expect.objectContaining({ recordId: r.enrollmentId }),
    });
    expect(await missingOf(r.hub)).toEqual([expected]);
    expect(await missingOf(r.coach)).toEqual([expected]);
  });

  test('a verified month, or a record reviewed after that month, reminds no one', async () => {
    const verified = await reviewedRecord('2026-10-20');
    await engaged(verified, 2026, 10);
    const reviewedLater = await reviewedRecord('2026-11-05');
    on('2026-11-11');
    await remind();
    expect(await missingOf(verified.hub)).toEqual([]);
    expect(await missingOf(reviewedLater.hub)).toEqual([]);
  });

  test("in January, December's check of the year before", async () => {
    const r = await reviewedRecord('2026-12-01');
    on('2027-01-11');
    await remind();
    expect((await missingOf(r.hub))[0].title).toContain('2026-12');
  });
});

async function reviewedRecord(date: string) {
  const r = await record('2026-10-01');
  await reviewedOn(r, date);
  return r;
}

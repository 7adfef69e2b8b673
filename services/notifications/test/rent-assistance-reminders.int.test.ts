import { randomUUID } from 'node:crypto';
import {
  EnrollmentCreated,
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
const remindersOf = async (actor: ReturnType<typeof testActor>) =>
  (await apiClient(service.url, actor).get('/notifications?status=all')).body.items.filter(
    (n: { kind: string }) => n.kind === 'rent_assistance_review_nearing',
  );

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

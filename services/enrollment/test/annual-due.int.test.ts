import { randomUUID } from 'node:crypto';
import { outboxEvents, testActor, waitFor } from '@hearth/testkit';
import { addDays, addMonths } from '@hearth/time';
import { announceAnnualAssessmentsDue } from '../src/use-cases/announce-annual-assessments-due';
import { client, daysAgo, startEnrollment, type Harness } from './harness';
import { sharedHousehold } from './hmis-fixtures';

/**
 * The annual assessment falling due, with the clock injected: "now" moves to the days around the
 * first anniversary of the head's entry. Two instances share one database and both run the job.
 */
const orgA = randomUUID();
const worker = testActor({ orgId: orgA, roles: ['caseworker'] });
const stranger = testActor({ roles: ['supervisor'] });
const entry = daysAgo(400);
const anniversary = addMonths(entry, 12);
let now = new Date();
const clock = () => now;
const onDay = (offset: number) => {
  now = new Date(`${addDays(anniversary, offset)}T12:00:00Z`);
};

let one: Harness;
let two: Harness;
let household: Awaited<ReturnType<typeof sharedHousehold>>;
let programId: string;
const dueList = (actor = worker) =>
  client(one.url, actor).get(`/programs/${programId}/annual-assessments-due`);
const dueEvents = async () =>
  (await outboxEvents(one.pool)).filter((e) => e.type === 'enrollment.assessment.annual-due');
const annual = (participantId: string, informationDate: string) =>
  client(one.url, worker).post(`/enrollments/${household.enrollmentId}/assessments`, {
    participantId,
    stage: 'annual',
    informationDate,
    elements: { incomeBenefits: { incomeFromAnySource: 0 } },
  });

beforeAll(async () => {
  one = await startEnrollment({ clock, annualDue: true, annualDueEveryMs: 150 });
  two = await startEnrollment({ clock, annualDue: true, annualDueEveryMs: 150, shareWith: one });
  household = await sharedHousehold(one, worker, randomUUID(), 400);
  programId = (await client(one.url, worker).get(`/enrollments/${household.enrollmentId}`)).body
    .programId;
});
afterAll(async () => {
  await two?.close();
  await one?.close();
});

describe('the annual assessment', () => {
  it('is not due 31 days before the anniversary of the entry', async () => {
    onDay(-31);
    expect(await announceAnnualAssessmentsDue({ pool: one.pool, clock })).toBe(0);
    expect((await dueList()).body.items).toEqual([]);
  });

  it('falls due 30 days before it: listed and announced once for every member lacking it', async () => {
    onDay(-30);
    await waitFor(async () => (await dueEvents()).length > 0);
    const expected = {
      enrollmentId: household.enrollmentId,
      headParticipantId: household.head.participantId,
      participantIds: [household.head.participantId, household.spouse.participantId].sort(),
      anniversaryDate: anniversary,
      dueFrom: addDays(anniversary, -30),
      dueBy: addDays(anniversary, 30),
    };
    const [event] = await dueEvents();
    expect({
      ...(event.data as typeof expected),
      participantIds: [...(event.data as typeof expected).participantIds].sort(),
    }).toEqual({ ...expected, orgId: orgA });
    const listed = (await dueList()).body.items;
    expect(
      listed.map((d: typeof expected) => ({ ...d, participantIds: [...d.participantIds].sort() })),
    ).toEqual([expected]);
  });

  it('leaves the list member by member as each annual assessment is recorded, never announced again', async () => {
    expect((await annual(household.head.participantId, addDays(anniversary, -30))).status).toBe(
      201,
    );
    expect((await dueList()).body.items[0].participantIds).toEqual([
      household.spouse.participantId,
    ]);
    onDay(10);
    expect((await annual(household.spouse.participantId, addDays(anniversary, 10))).status).toBe(
      201,
    );
    expect((await dueList()).body.items).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 500)); // several passes of both instances
    expect(await dueEvents()).toHaveLength(1);
  });

  it('is a list of your own programs only', async () => {
    expect((await dueList(stranger)).status).toBe(404);
  });
});

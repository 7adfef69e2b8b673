import { randomUUID } from 'node:crypto';
import { outboxEvents, testActor } from '@hearth/testkit';
import { client, daysAgo, fieldsOf, startEnrollment, type Harness } from './harness';
import { assessmentCounts, sharedHousehold } from './hmis-fixtures';

const worker = testActor({ orgId: randomUUID(), roles: ['caseworker'] });
let h: Harness;
let household: Awaited<ReturnType<typeof sharedHousehold>>;
const noIncome = { incomeBenefits: { incomeFromAnySource: 0 } };
const masterAssessment = (members: object[], informationDate = daysAgo(100)) =>
  client(h.url, worker).post(`/enrollments/${household.enrollmentId}/assessments/project-start`, {
    informationDate,
    members,
  });
const head = () => ({ participantId: household.head.participantId, elements: noIncome });
const spouse = (elements: object = noIncome) => ({
  participantId: household.spouse.participantId,
  elements,
});

beforeAll(async () => {
  h = await startEnrollment();
  household = await sharedHousehold(h, worker, randomUUID());
});
afterAll(() => h?.close());

describe("the household's master assessment at entry", () => {
  it.each([
    [
      "a member's detail without its yes",
      () => [head(), spouse({ healthAndDv: { domesticViolenceSurvivor: 0, currentlyFleeing: 1 } })],
      daysAgo(100),
      ['members[1].elements.healthAndDv.currentlyFleeing'],
    ],
    ['a member named twice', () => [head(), head()], daysAgo(100), ['members[1].participantId']],
    [
      'a person who is not a member',
      () => [{ participantId: randomUUID(), elements: noIncome }, spouse()],
      daysAgo(100),
      ['members[0].participantId'],
    ],
    [
      'a date before the entry, named once',
      () => [head(), spouse()],
      daysAgo(101),
      ['informationDate'],
    ],
  ])('refuses %s, naming its row and writing nothing', async (_label, members, date, fields) => {
    const before = await assessmentCounts(h);
    const res = await masterAssessment(members(), date);
    expect(res.status).toBe(422);
    expect(fieldsOf(res.body)).toEqual(fields);
    expect(await assessmentCounts(h)).toEqual(before);
  });

  it("records each member's project-start assessment in one go, each announced", async () => {
    const res = await masterAssessment([head(), spouse()]);
    expect(res.status).toBe(201);
    expect(
      res.body.items.map((a: { participantId: string; stage: string }) => [
        a.participantId,
        a.stage,
      ]),
    ).toEqual([
      [household.head.participantId, 'project_start'],
      [household.spouse.participantId, 'project_start'],
    ]);
    const recorded = (await outboxEvents(h.pool)).filter(
      (e) => e.type === 'enrollment.assessment.recorded',
    );
    expect(recorded).toHaveLength(2);
  });

  it('refuses a second one, naming the member who already has it', async () => {
    const before = await assessmentCounts(h);
    const res = await masterAssessment([spouse()]);
    expect([res.status, fieldsOf(res.body)]).toEqual([409, ['members[0].participantId']]);
    expect(await assessmentCounts(h)).toEqual(before);
  });
});

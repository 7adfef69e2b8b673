import { randomUUID } from 'node:crypto';
import { outboxEvents, testActor } from '@hearth/testkit';
import { client, daysAgo, fieldsOf, startEnrollment, type Harness } from './harness';
import { answers, assessmentCounts, sharedHousehold } from './hmis-fixtures';

const orgA = randomUUID();
const worker = testActor({ orgId: orgA, roles: ['caseworker'] });
const colleague = testActor({ orgId: orgA, roles: ['caseworker'] });

let h: Harness;
let household: Awaited<ReturnType<typeof sharedHousehold>>;
const path = (enrollmentId = household.enrollmentId) => `/enrollments/${enrollmentId}/assessments`;
const record = (body: object, actor = worker, enrollmentId?: string) =>
  client(h.url, actor).post(path(enrollmentId), body);
const projectStart = () => ({
  participantId: household.head.participantId,
  stage: 'project_start',
  informationDate: daysAgo(100),
  elements: answers,
});

beforeAll(async () => {
  h = await startEnrollment();
  household = await sharedHousehold(h, worker, randomUUID());
});
afterAll(() => h?.close());

describe('HUD assessments of an enrollment member', () => {
  it('records a project-start assessment, totalling the monthly income of the sources answered yes', async () => {
    const res = await record(projectStart());
    expect(res.status).toBe(201);
    // earned 120,000 + SSI 94,300 cents; unemployment was answered no
    expect(res.body.totalMonthlyIncomeCents).toBe(214_300);
    expect(res.body.elements.incomeBenefits).toMatchObject({
      totalMonthlyIncomeCents: 214_300,
      unemploymentAmountCents: null,
      tanf: 0, // a source not named under "yes" is a no
    });
    expect(res.body).toMatchObject({ restriction: 'org', version: 1, orgId: orgA });
    const shown = await client(h.url, colleague).get(`${path()}/${res.body.id}`);
    expect(shown.body).toEqual(res.body);
  });

  it('announces the coded answers only: no location details', async () => {
    const events = (await outboxEvents(h.pool)).filter(
      (e) => e.type === 'enrollment.assessment.recorded',
    );
    expect(events).toHaveLength(1);
    const data = events[0].data as { elements: Record<string, Record<string, unknown>> };
    expect(data).toMatchObject({ stage: 'project_start', totalMonthlyIncomeCents: 214_300 });
    expect(data.elements.currentLivingSituation).toEqual({
      currentLivingSituation: 116,
      clsSubsidyType: null,
      leaveSituation14Days: null,
      subsequentResidence: null,
      resourcesToObtain: null,
      leaseOwn60Day: null,
      movedTwoOrMore: null,
    });
    expect(data.elements.healthAndDv).toEqual({
      domesticViolenceSurvivor: 1,
      whenOccurred: 2,
      currentlyFleeing: 0,
    });
  });

  const spouseAt = (stage: string, elements: object, informationDate = daysAgo(10)) => ({
    participantId: household.spouse.participantId,
    stage,
    informationDate,
    elements,
  });
  it.each([
    [
      'an answer outside its list',
      () => spouseAt('update', { incomeBenefits: { incomeFromAnySource: 2 } }),
      400,
      ['elements.incomeBenefits.incomeFromAnySource'],
    ],
    [
      'a detail without its yes',
      () => spouseAt('update', { incomeBenefits: { incomeFromAnySource: 0, earned: 1 } }),
      422,
      ['elements.incomeBenefits.earned'],
    ],
    [
      'a yes without its details',
      () => spouseAt('update', { healthAndDv: { domesticViolenceSurvivor: 1 } }),
      422,
      ['elements.healthAndDv.whenOccurred', 'elements.healthAndDv.currentlyFleeing'],
    ],
    [
      'an amount under a source answered yes left out',
      () =>
        spouseAt('update', {
          incomeBenefits: { incomeFromAnySource: 1, earned: 1, ssi: 0 },
        }),
      422,
      ['elements.incomeBenefits.earnedAmountCents'],
    ],
    [
      'a total typed in',
      () =>
        spouseAt('update', {
          incomeBenefits: { incomeFromAnySource: 0, totalMonthlyIncomeCents: 5 },
        }),
      400,
      ['elements.incomeBenefits.totalMonthlyIncomeCents'],
    ],
    [
      'a question of the set left unanswered',
      () => spouseAt('update', { employmentEducation: { employed: 0, notEmployedReason: 1 } }),
      422,
      [
        'elements.employmentEducation.lastGradeCompleted',
        'elements.employmentEducation.schoolStatus',
      ],
    ],
    [
      'an element set HUD does not collect at that stage',
      () =>
        spouseAt('exit', {
          priorLivingSituation: {
            livingSituation: 116,
            lengthOfStay: 5,
            timesHomelessPastThreeYears: 1,
            monthsHomelessPastThreeYears: 113,
          },
        }),
      422,
      ['elements.priorLivingSituation'],
    ],
    [
      'an information date before the entry',
      () => spouseAt('update', answers, daysAgo(101)),
      422,
      ['informationDate'],
    ],
    [
      // HUD: a project start's information date is the entry (100 days ago), not a day after
      'a project-start assessment dated other than the entry',
      () => spouseAt('project_start', { incomeBenefits: { incomeFromAnySource: 0 } }, daysAgo(99)),
      422,
      ['informationDate'],
    ],
    [
      'an annual assessment far from an anniversary of the entry',
      () => spouseAt('annual', { incomeBenefits: { incomeFromAnySource: 0 } }),
      422,
      ['informationDate'],
    ],
    [
      'an information date in the future',
      () => spouseAt('update', answers, daysAgo(-1)),
      422,
      ['informationDate'],
    ],
    [
      'a post-exit assessment before any exit',
      () => spouseAt('post_exit', { incomeBenefits: { incomeFromAnySource: 0 } }),
      422,
      ['stage'],
    ],
    ['a second project-start assessment', () => projectStart(), 409, ['stage']],
    [
      'a person who is not a member',
      () => ({ ...spouseAt('update', answers), participantId: randomUUID() }),
      422,
      ['participantId'],
    ],
    ['no element set at all', () => spouseAt('update', {}), 400, ['elements']],
  ])('refuses %s, naming it and writing nothing', async (_label, body, status, fields) => {
    const before = await assessmentCounts(h);
    const res = await record(body());
    expect(res.status).toBe(status);
    expect(fieldsOf(res.body)).toEqual(fields);
    expect(await assessmentCounts(h)).toEqual(before);
  });

  it('keeps one exit assessment per member when two are sent at once', async () => {
    const exit = spouseAt('exit', { incomeBenefits: { incomeFromAnySource: 0 } });
    const answersOf = await Promise.all([record(exit), record(exit)]);
    expect(answersOf.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('takes any number of updates, and a correction keeps the earlier answers as history', async () => {
    const first = await record(
      spouseAt('update', { incomeBenefits: { incomeFromAnySource: 0 } }, daysAgo(40)),
    );
    const second = await record(
      spouseAt('update', { incomeBenefits: { incomeFromAnySource: 0 } }, daysAgo(20)),
    );
    expect([first.status, second.status]).toEqual([201, 201]);
    const corrected = await client(h.url, worker).patch(`${path()}/${first.body.id}`, {
      version: 1,
      elements: {
        incomeBenefits: { incomeFromAnySource: 1, earned: 1, earnedAmountCents: 50_000 },
      },
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ version: 2, totalMonthlyIncomeCents: 50_000 });
    const history = await client(h.url, worker).get(`${path()}/${first.body.id}/history`);
    expect(history.body.items).toHaveLength(1);
    expect(history.body.items[0]).toMatchObject({ version: 1, informationDate: daysAgo(40) });
    expect(history.body.items[0].elements.incomeBenefits.incomeFromAnySource).toBe(0);
    const stale = await client(h.url, worker).patch(`${path()}/${first.body.id}`, {
      version: 1,
      restriction: 'mou',
    });
    expect(stale.status).toBe(409);
    const nothing = await client(h.url, worker).patch(`${path()}/${first.body.id}`, { version: 2 });
    expect([nothing.status, fieldsOf(nothing.body)]).toEqual([400, ['version']]);
    const updated = (await outboxEvents(h.pool)).filter(
      (e) => e.type === 'enrollment.assessment.updated',
    );
    expect(updated.map((e) => (e.data as { version: number }).version)).toEqual([2]);
  });
});

describe("the assessments' OpenAPI", () => {
  it("shows HUD's code list of each answer and when a detail is asked", async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- walking a large JSON document
    const doc = (await (await fetch(`${h.url}/openapi.json`)).json()) as any;
    const body =
      doc.paths['/api/v1/enrollments/{id}/assessments'].post.requestBody.content['application/json']
        .schema;
    const dv = body.properties.elements.properties.healthAndDv.properties;
    expect(dv.domesticViolenceSurvivor.enum).toEqual([0, 1, 8, 9, 99]);
    expect(dv.whenOccurred).toMatchObject({
      enum: [1, 2, 3, 4, 8, 9, 99],
      description: 'Only when domesticViolenceSurvivor is 1',
    });
  });
});

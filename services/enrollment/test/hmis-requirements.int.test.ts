import { randomUUID } from 'node:crypto';
import { testActor } from '@hearth/testkit';
import { client, counts, daysAgo, fieldsOf, startEnrollment, type Harness } from './harness';
import { assessmentCounts, sharedHousehold } from './hmis-fixtures';

const orgA = randomUUID();
const worker = testActor({ orgId: orgA, roles: ['caseworker'] });
const supervisor = testActor({ orgId: orgA, roles: ['supervisor'] });
const otherSupervisor = testActor({ roles: ['supervisor'] });

let h: Harness;
let household: Awaited<ReturnType<typeof sharedHousehold>>;
let programId: string;
const configure = (body: object, actor = supervisor) =>
  client(h.url, actor).put(`/programs/${programId}/assessment-requirements`, body);
const assess = (participantId: string, stage: string, elements: object) =>
  client(h.url, worker).post(`/enrollments/${household.enrollmentId}/assessments`, {
    participantId,
    stage,
    informationDate: daysAgo(2),
    elements,
  });
const preProgramExit = (exitDate = daysAgo(1)) =>
  client(h.url, worker).post(`/enrollments/${household.enrollmentId}/exit`, {
    kind: 'pre_program_exit',
    exitDate,
    reason: 'completed',
    housingStatusAtExit: 'permanent_housing',
  });
const noIncome = { incomeFromAnySource: 0 };
const exitAnswers = {
  incomeBenefits: noIncome,
  nonCashBenefits: { benefitsFromAnySource: 0 },
  healthInsurance: { insuranceFromAnySource: 1, medicaid: 1 },
  disabilities: {
    physicalDisability: 0,
    developmentalDisability: 0,
    chronicHealthCondition: 0,
    hivAids: 0,
    mentalHealthDisorder: 0,
    substanceUseDisorder: 0,
  },
};

beforeAll(async () => {
  h = await startEnrollment();
  household = await sharedHousehold(h, worker, randomUUID());
  programId = (await client(h.url, worker).get(`/enrollments/${household.enrollmentId}`)).body
    .programId;
});
afterAll(() => h?.close());

describe("a program's required HUD element sets", () => {
  it('requires nothing until a supervisor configures it', async () => {
    const res = await client(h.url, worker).get(`/programs/${programId}/assessment-requirements`);
    expect(res.body).toMatchObject({ version: 0, preset: null, stages: {} });
  });

  it.each([
    ['by a caseworker', { version: 0, preset: 'hud_coc' }, worker, 403, []],
    ['by another organization', { version: 0, preset: 'hud_coc' }, otherSupervisor, 404, []],
    ['from a stale version', { version: 3, preset: 'hud_coc' }, supervisor, 409, ['version']],
    ['with an unknown preset', { version: 0, preset: 'hud_hopwa' }, supervisor, 400, ['preset']],
    [
      'giving both a preset and stages',
      { version: 0, preset: 'hud_coc', stages: {} },
      supervisor,
      400,
      ['preset'],
    ],
    [
      'requiring a set at a stage HUD does not collect it at',
      { version: 0, stages: { exit: ['incomeBenefits', 'priorLivingSituation'] } },
      supervisor,
      422,
      ['stages.exit[1]'],
    ],
  ])('refuses a configuration %s', async (_label, body, actor, status, fields) => {
    const res = await configure(body, actor);
    expect(res.status).toBe(status);
    if (fields.length) expect(fieldsOf(res.body)).toEqual(fields);
  });

  it("applies HUD's CoC preset: the federal partners' elements at each stage", async () => {
    const res = await configure({ version: 0, preset: 'hud_coc' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      version: 1,
      preset: 'hud_coc',
      stages: {
        project_start: [
          'incomeBenefits',
          'nonCashBenefits',
          'healthInsurance',
          'disabilities',
          'healthAndDv',
          'priorLivingSituation',
        ],
        update: ['incomeBenefits', 'nonCashBenefits', 'healthInsurance'],
        annual: ['incomeBenefits', 'nonCashBenefits', 'healthInsurance'],
        exit: ['incomeBenefits', 'nonCashBenefits', 'healthInsurance', 'disabilities'],
      },
    });
  });

  it('refuses an assessment without the sets the program requires at its stage, naming each', async () => {
    const before = await assessmentCounts(h);
    const res = await assess(household.head.participantId, 'update', { incomeBenefits: noIncome });
    expect(res.status).toBe(422);
    expect(fieldsOf(res.body)).toEqual(['elements.nonCashBenefits', 'elements.healthInsurance']);
    expect(await assessmentCounts(h)).toEqual(before);
  });

  it('lets a supervisor narrow it to their own list', async () => {
    const res = await configure({ version: 1, stages: { exit: ['incomeBenefits'] } });
    expect(res.body).toMatchObject({
      version: 2,
      preset: null,
      stages: { exit: ['incomeBenefits'] },
    });
    expect(
      (await assess(household.head.participantId, 'update', { incomeBenefits: noIncome })).status,
    ).toBe(201);
    await configure({ version: 2, preset: 'hud_coc' });
  });

  it('refuses the exit until every member has an exit assessment, then dates it on theirs (HUD)', async () => {
    expect((await assess(household.head.participantId, 'exit', exitAnswers)).status).toBe(201);
    const before = await counts(h);
    const refused = await preProgramExit(daysAgo(2));
    expect(refused.status).toBe(422);
    expect(fieldsOf(refused.body)).toEqual(['exitAssessment']);
    expect(refused.body.errors[0].message).toContain(household.spouse.participantId);
    expect(await counts(h)).toEqual(before);
    const spouseExit = await assess(household.spouse.participantId, 'exit', exitAnswers);
    expect(spouseExit.status).toBe(201);
    // the exit assessments are dated 2 days ago: an exit 3 days ago would leave them outside
    const early = await preProgramExit(daysAgo(3));
    expect([early.status, fieldsOf(early.body)]).toEqual([422, ['exitDate']]);
    // HUD dates the exit assessment the exit: an exit on another day leaves them misdated
    const later = await preProgramExit(daysAgo(1));
    expect([later.status, fieldsOf(later.body)]).toEqual([422, ['exitDate']]);
    expect(later.body.errors[0].message).toContain(daysAgo(2));
    expect((await preProgramExit(daysAgo(2))).status).toBe(200);
    // exited: an exit assessment moved off the exit date is refused
    const moved = await client(h.url, worker).patch(
      `/enrollments/${household.enrollmentId}/assessments/${spouseExit.body.id}`,
      { version: 1, informationDate: daysAgo(3) },
    );
    expect([moved.status, fieldsOf(moved.body)]).toEqual([422, ['informationDate']]);
  });
});

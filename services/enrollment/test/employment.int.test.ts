import { randomUUID } from 'node:crypto';
import { testActor } from '@hearth/testkit';
import { client, eventsOf, fieldsOf, startEnrollment, type Harness } from './harness';
import { employmentView } from '../src/routes/workforce-schemas';
import { outcomeCounts, fixedClock, participating, shareAs, workforceProgram } from './workforce';

const orgA = randomUUID();
const orgB = randomUUID();
const worker = testActor({ orgId: orgA, roles: ['caseworker'] });
const contractManager = testActor({ orgId: orgA, roles: ['contract_manager'] });
const otherOrg = testActor({ orgId: orgB, roles: ['caseworker'] });

let h: Harness;
let e: Awaited<ReturnType<typeof participating>>;
let other: Awaited<ReturnType<typeof participating>>;
const job = {
  startDate: '2026-12-01',
  employmentType: 'unsubsidized',
  employer: 'WorkSystems, Inc',
  naicsCode: '561110',
  naicsTitle: 'Office Administrative Services',
};
const pay = {
  effectiveDate: '2026-12-01',
  onetCode: '43-6014.00',
  onetTitle: 'Secretaries and Administrative Assistants',
  hourlyPayCents: 1500,
  hoursPerWeek: 20,
  benefits: [],
};
const jobs = (id: string, actor = worker) =>
  client(h.url, actor).get(`/enrollments/${id}/employments`);
const recordJob = (body: object, actor = worker, id = e.id) =>
  client(h.url, actor).post(`/enrollments/${id}/employments`, body);

beforeAll(async () => {
  h = await startEnrollment({ clock: fixedClock });
  const program = await workforceProgram(h, worker);
  e = await participating(h, worker, program, '2026-11-02');
  other = await participating(h, worker, program, '2026-11-02', { firstName: 'Other' });
});
afterAll(() => h?.close());

describe('employment with pay history', () => {
  it('records a job, then pay entries by effective date: a raise is a new entry, never an overwrite', async () => {
    const res = await recordJob({ participantId: e.participantId, ...job });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ...job, endDate: null, payEntries: [], version: 1 });
    const path = `/enrollments/${e.id}/employments/${res.body.id}/pay-entries`;
    expect((await client(h.url, worker).post(path, pay)).status).toBe(201);
    const raise = { ...pay, effectiveDate: '2027-03-01', hourlyPayCents: 1725, hoursPerWeek: 37.5 };
    expect(
      (await client(h.url, worker).post(path, { ...raise, benefits: ['health_insurance'] })).status,
    ).toBe(201);

    const listed = (await jobs(e.id)).body.items;
    expect(listed).toHaveLength(1);
    expect(employmentView.parse(listed[0])).toEqual(listed[0]); // the documented shape, exactly
    expect(
      listed[0].payEntries.map((p: { effectiveDate: string; hourlyPayCents: number }) => [
        p.effectiveDate,
        p.hourlyPayCents,
      ]),
    ).toEqual([
      ['2026-12-01', 1500],
      ['2027-03-01', 1725],
    ]);
    expect(listed[0]).toMatchObject({ version: 3, countsTowardPerformance: false });
    expect((await eventsOf(h, e.id)).filter((t) => t.startsWith('enrollment.employment'))).toEqual([
      'enrollment.employment.recorded',
      'enrollment.employment.changed',
      'enrollment.employment.changed',
    ]);
  });

  it('ends a job with the version read; a stale version or an end before the last pay is refused', async () => {
    const [current] = (await jobs(e.id)).body.items;
    const path = `/enrollments/${e.id}/employments/${current.id}`;
    const early = await client(h.url, worker).patch(path, { version: 3, endDate: '2027-02-28' });
    expect(early.status).toBe(422);
    expect(fieldsOf(early.body)).toEqual(['endDate']);
    const ended = await client(h.url, worker).patch(path, { version: 3, endDate: '2027-05-31' });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ endDate: '2027-05-31', version: 4 });
    const stale = await client(h.url, worker).patch(path, { version: 3, endDate: '2027-05-30' });
    expect(stale.status).toBe(409);
    expect(fieldsOf(stale.body)).toEqual(['version']);
  });

  it.each([
    ['an end date before the start', { endDate: '2026-11-30' }, 422, ['endDate']],
    ['a start in the future', { startDate: '2027-06-16' }, 422, ['startDate']],
    ['pay inside the job', { hourlyPayCents: 1500 }, 400, ['hourlyPayCents']],
    ['an unknown employment type', { employmentType: 'gig' }, 400, ['employmentType']],
    ['a NAICS code that is not one', { naicsCode: 'office' }, 400, ['naicsCode']],
  ])('refuses a job with %s, writing nothing', async (_label, change, status, fields) => {
    const before = await outcomeCounts(h);
    const res = await recordJob({ participantId: e.participantId, ...job, ...change });
    expect(res.status).toBe(status);
    expect(fieldsOf(res.body)).toEqual(fields);
    expect(await outcomeCounts(h)).toEqual(before);
  });

  it('refuses a job for someone who is not a member of the enrollment, writing nothing', async () => {
    const before = await outcomeCounts(h);
    const res = await recordJob({ participantId: other.participantId, ...job });
    expect(res.status).toBe(422);
    expect(fieldsOf(res.body)).toEqual(['participantId']);
    expect(await outcomeCounts(h)).toEqual(before);
  });

  it.each([
    ['on a job that does not exist', () => randomUUID(), pay, 404, []],
    ["on another enrollment's job", async () => (await jobs(e.id)).body.items[0].id, pay, 404, []],
  ])('refuses pay %s, writing nothing', async (_label, jobId, body, status, fields) => {
    const id = await jobId();
    const before = await outcomeCounts(h);
    const res = await client(h.url, worker).post(
      `/enrollments/${other.id}/employments/${id}/pay-entries`,
      body,
    );
    expect(res.status).toBe(status);
    expect(fieldsOf(res.body)).toEqual(fields);
    expect(await outcomeCounts(h)).toEqual(before);
  });

  it.each([
    ['dated before the job started', { effectiveDate: '2026-11-30' }, 422, ['effectiveDate']],
    ['dated after the job ended', { effectiveDate: '2027-06-01' }, 422, ['effectiveDate']],
    ['on a date that already has one', {}, 409, ['effectiveDate']],
    ['with pay in dollars', { hourlyPayCents: 15.5 }, 400, ['hourlyPayCents']],
    ['with more hours than a week has', { hoursPerWeek: 169 }, 400, ['hoursPerWeek']],
    ['with a sliver of an hour', { hoursPerWeek: 1e-9 }, 400, ['hoursPerWeek']],
    ['with a benefit twice', { benefits: ['dental', 'dental'] }, 400, ['benefits']],
  ])('refuses a pay entry %s, writing nothing', async (_label, change, status, fields) => {
    const [current] = (await jobs(e.id)).body.items;
    const before = await outcomeCounts(h);
    const path = `/enrollments/${e.id}/employments/${current.id}/pay-entries`;
    const res = await client(h.url, worker).post(path, { ...pay, ...change });
    expect(res.status).toBe(status);
    expect(fieldsOf(res.body)).toEqual(fields);
    expect(await outcomeCounts(h)).toEqual(before);
  });
  it('keeps one of two pay entries racing to the same effective date; the other is a 409', async () => {
    const [current] = (await jobs(e.id)).body.items;
    const path = `/enrollments/${e.id}/employments/${current.id}/pay-entries`;
    const body = { ...pay, effectiveDate: '2027-04-01', hourlyPayCents: 1800 };
    const answers = await Promise.all([1, 2].map(() => client(h.url, worker).post(path, body)));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const [after] = (await jobs(e.id)).body.items;
    const dated = after.payEntries.filter(
      (p: { effectiveDate: string }) => p.effectiveDate === '2027-04-01',
    );
    expect(dated).toHaveLength(1);
  });
});

describe('who may see and record jobs', () => {
  it('refuses a job from a contract manager (403) and from another organization (404)', async () => {
    const before = await outcomeCounts(h);
    expect(
      (await recordJob({ participantId: e.participantId, ...job }, contractManager)).status,
    ).toBe(403);
    expect((await recordJob({ participantId: e.participantId, ...job }, otherOrg)).status).toBe(
      404,
    );
    expect((await jobs(e.id, otherOrg)).status).toBe(404);
    expect(await outcomeCounts(h)).toEqual(before);
  });

  it("shows another organization the jobs only while the participant's release to it is active", async () => {
    const owner = { participantId: e.participantId, ownerOrgId: orgA };
    await shareAs(
      h,
      owner,
      'share_mou',
      [{ toOrgId: orgB, beginDate: '2027-01-01', endDate: '2027-12-31' }],
      2,
    );
    expect((await jobs(e.id, otherOrg)).body.items).toHaveLength(1);
    // the same release, expired before today (2027-06-15)
    await shareAs(
      h,
      owner,
      'share_mou',
      [{ toOrgId: orgB, beginDate: '2027-01-01', endDate: '2027-05-31' }],
      3,
    );
    expect((await jobs(e.id, otherOrg)).status).toBe(404);
  });

  it('keeps the jobs, records of the organization, from agencies a global participant gave no release', async () => {
    await shareAs(h, { participantId: e.participantId, ownerOrgId: orgA }, 'share_global', [], 4);
    const res = await jobs(e.id, otherOrg);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
    expect((await recordJob({ participantId: e.participantId, ...job }, otherOrg)).status).toBe(
      403,
    );
  });
});

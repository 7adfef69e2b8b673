import { randomUUID } from 'node:crypto';
import { testActor } from '@hearth/testkit';
import { client, fieldsOf, startEnrollment, type Actor, type Harness } from './harness';
import { measuresView } from '../src/routes/outcome-measures';
import { enrollAlone } from './household';
import { exitOn, fixedClock, participating, workforceProgram } from './workforce';

const orgA = randomUUID();
const worker = testActor({ orgId: orgA, roles: ['caseworker'] });
const contractManager = testActor({ orgId: orgA, roles: ['contract_manager'] });
const otherManager = testActor({ roles: ['contract_manager'] });

let h: Harness;
let program: string;
const ids: Record<string, string> = {};

const jobOf = async (e: { id: string; participantId: string }, employmentType: string) => {
  const res = await client(h.url, worker).post(`/enrollments/${e.id}/employments`, {
    participantId: e.participantId,
    startDate: '2026-01-20',
    employmentType,
    employer: 'Employer',
    naicsCode: '621111',
    naicsTitle: 'Offices of Physicians',
  });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body.id as string;
};
const confirm = async (
  e: { id: string },
  jobId: string,
  period: string,
  confirmationDate: string,
  change: { kind?: string; status?: string } = {},
) => {
  const res = await client(h.url, worker).post(
    `/enrollments/${e.id}/employments/${jobId}/confirmations`,
    {
      confirmationDate,
      kind: 'employment',
      period,
      status: 'working',
      periodStart: confirmationDate,
      periodEnd: confirmationDate,
      ...change,
    },
  );
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
};
const credential = async (e: { id: string; participantId: string }, status: string) => {
  const res = await client(h.url, worker).post(`/enrollments/${e.id}/credentials`, {
    participantId: e.participantId,
    credentialDate: '2026-02-01',
    credentialType: 'industry_certification',
    name: 'CNA',
    status,
    documentation: 'certificate',
  });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
};
const measures = (query: string, actor: Actor = contractManager) =>
  client(h.url, actor).get(`/programs/${program}/outcome-measures?${query}`);

/**
 * The cohort, exits from 2026-01-01 to 2026-06-30 (quarters after exit are calendar quarters after
 * the exit's own quarter):
 *   A exit 2026-02-10, permanent housing; unsubsidized job confirmed before exit, Q2 (Jul-Sep 2026)
 *     and Q4 (Jan-Mar 2027) working; a credential attained.
 *   B exit 2026-03-15, shelter; career-track job confirmed at exit as Career Plan Employment, Q2
 *     working, Q4 not working; a credential in progress.
 *   C exit 2026-04-20, permanent housing; a subsidized job confirmed before exit, Q2 (Oct-Dec 2026)
 *     and Q4 (Apr-Jun 2027) working; an unsubsidized job never confirmed.
 *   D exit 2026-05-01 for health reasons (removed from performance), with a confirmed job.
 *   F pre-program exit 2026-03-01.
 *   G exit 2026-07-05, outside the period; H never exited.
 */
beforeAll(async () => {
  h = await startEnrollment({ clock: fixedClock });
  program = await workforceProgram(h, worker);
  const enroll = () => participating(h, worker, program, '2026-01-05');

  const a = await enroll();
  const aJob = await jobOf(a, 'unsubsidized');
  await confirm(a, aJob, 'before_exit', '2026-02-01');
  await credential(a, 'attained');
  await exitOn(h, worker, a.id, '2026-02-10');
  await confirm(a, aJob, 'q2', '2026-08-01');
  await confirm(a, aJob, 'q4', '2027-01-15');

  const b = await enroll();
  const bJob = await jobOf(b, 'career_track');
  await credential(b, 'in_progress');
  await exitOn(h, worker, b.id, '2026-03-15', { housingStatusAtExit: 'shelter' });
  await confirm(b, bJob, 'at_exit', '2026-03-15', { kind: 'career_plan_employment' });
  await confirm(b, bJob, 'q2', '2026-08-10');
  await confirm(b, bJob, 'q4', '2027-02-01', { status: 'not_working' });

  const c = await enroll();
  const cSubsidized = await jobOf(c, 'subsidized');
  await jobOf(c, 'unsubsidized');
  await confirm(c, cSubsidized, 'before_exit', '2026-04-01');
  await exitOn(h, worker, c.id, '2026-04-20');
  await confirm(c, cSubsidized, 'q2', '2026-11-02');
  await confirm(c, cSubsidized, 'q4', '2027-05-03');

  const d = await enroll();
  await confirm(d, await jobOf(d, 'unsubsidized'), 'before_exit', '2026-02-01');
  await exitOn(h, worker, d.id, '2026-05-01', { reason: 'health_medical' });

  const f = await enrollAlone(h, worker, program, '2026-02-01');
  await exitOn(h, worker, f.id, '2026-03-01', {
    kind: 'pre_program_exit',
    reason: 'declined_services',
  });

  const g = await enroll();
  await confirm(g, await jobOf(g, 'unsubsidized'), 'before_exit', '2026-02-01');
  await exitOn(h, worker, g.id, '2026-07-05');
  await enroll(); // H
  Object.assign(ids, { a: a.id, b: b.id, c: c.id, d: d.id, f: f.id });
}, 120_000); // a cohort of eight records, built through the API
afterAll(() => h?.close());

describe('contract outcome measures', () => {
  it('counts each measure over the exits of the period, listing the enrollments it counted', async () => {
    const res = await measures('from=2026-01-01&to=2026-06-30');
    expect(res.status).toBe(200);
    expect(measuresView.parse(res.body)).toEqual(res.body); // the documented shape, exactly
    const { a, b, c, d, f } = ids;
    expect(new Set(res.body.counted)).toEqual(new Set([a, b, c]));
    expect(res.body.excluded).toEqual(
      expect.arrayContaining([
        { enrollmentId: f, reason: 'pre_program_exit' },
        { enrollmentId: d, reason: 'removed_from_performance' },
      ]),
    );
    expect(res.body.excluded).toHaveLength(2);
    const m = res.body.measures;
    // A (unsubsidized) and B (career track is unsubsidized too): 2 of 3
    expect(m.unsubsidizedEmployment).toEqual({
      count: 2,
      of: 3,
      percent: 66.7,
      enrollmentIds: [a, b],
    });
    // B alone has a working Career Plan Employment confirmation: 1 of 3
    expect(m.careerTrackEmployment).toEqual({ count: 1, of: 3, percent: 33.3, enrollmentIds: [b] });
    // A and C work in both Q2 and Q4 after exit; B stopped by Q4
    expect(m.retentionInEmployment).toEqual({
      count: 2,
      of: 3,
      percent: 66.7,
      enrollmentIds: [a, c],
    });
    expect(m.permanentHousingAtExit).toEqual({
      count: 2,
      of: 3,
      percent: 66.7,
      enrollmentIds: [a, c],
    });
    expect(m.credentialAttainment).toEqual({ count: 1, of: 3, percent: 33.3, enrollmentIds: [a] });
  });

  it('answers empty figures for a period without exits', async () => {
    const res = await measures('from=2025-01-01&to=2025-12-31');
    expect(res.status).toBe(200);
    expect(res.body.measures.retentionInEmployment).toEqual({
      count: 0,
      of: 0,
      percent: null,
      enrollmentIds: [],
    });
  });

  it.each([
    ['a period ending before it starts', 'from=2026-06-30&to=2026-01-01', 422, ['query.to']],
    ['no start', 'to=2026-01-01', 400, ['query.from']],
    ['a date that is not one', 'from=2026-02-30&to=2026-03-01', 400, ['query.from']],
    ['an unknown parameter', 'from=2026-01-01&to=2026-03-01&orgId=x', 400, ['query.orgId']],
  ])('refuses %s', async (_label, query, status, fields) => {
    const res = await measures(query);
    expect(res.status).toBe(status);
    expect(fieldsOf(res.body)).toEqual(fields);
  });

  it("shows a program's measures to its own managers only", async () => {
    const period = 'from=2026-01-01&to=2026-06-30';
    expect((await measures(period, worker)).status).toBe(403);
    expect((await measures(period, otherManager)).status).toBe(404);
  });
});

test('its OpenAPI document lists the workforce outcome routes with their problem statuses', async () => {
  const doc = (await (await fetch(`${h.url}/openapi.json`)).json()) as {
    paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  };
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining([
      '/api/v1/enrollments/{id}/employments',
      '/api/v1/enrollments/{id}/employments/{employmentId}',
      '/api/v1/enrollments/{id}/employments/{employmentId}/pay-entries',
      '/api/v1/enrollments/{id}/employments/{employmentId}/confirmations',
      '/api/v1/enrollments/{id}/credentials',
      '/api/v1/programs/{id}/outcome-measures',
    ]),
  );
  const measuresGet = doc.paths['/api/v1/programs/{id}/outcome-measures'].get;
  expect(Object.keys(measuresGet.responses)).toEqual(
    expect.arrayContaining(['200', '403', '404', '422']),
  );
});

import { randomUUID } from 'node:crypto';
import { testActor } from '@hearth/testkit';
import { confirmationView, credentialView } from '../src/routes/workforce-schemas';
import { client, eventsOf, fieldsOf, startEnrollment, type Harness } from './harness';
import {
  deleteService,
  exitOn,
  fixedClock,
  outcomeCounts,
  participating,
  serviceFor,
  workforceProgram,
} from './workforce';

const orgA = randomUUID();
const worker = testActor({ orgId: orgA, roles: ['caseworker'], name: 'Kari Brenk' });
const otherOrg = testActor({ roles: ['caseworker'] });

let h: Harness;
let e: Awaited<ReturnType<typeof participating>>;
let other: Awaited<ReturnType<typeof participating>>;
let jobId: string;
const confirm = (body: object, actor = worker) =>
  client(h.url, actor).post(`/enrollments/${e.id}/employments/${jobId}/confirmations`, body);
const working = (confirmationDate: string, period: string, change: object = {}) => ({
  confirmationDate,
  kind: 'employment',
  period,
  status: 'working',
  periodStart: confirmationDate,
  periodEnd: confirmationDate,
  ...change,
});

beforeAll(async () => {
  h = await startEnrollment({ clock: fixedClock });
  const program = await workforceProgram(h, worker);
  // application 2026-01-05, participation from a training service that day; the job from 01-20
  e = await participating(h, worker, program, '2026-01-05');
  other = await participating(h, worker, program, '2026-01-05', { firstName: 'Other' });
  const res = await client(h.url, worker).post(`/enrollments/${e.id}/employments`, {
    participantId: e.participantId,
    startDate: '2026-01-20',
    employmentType: 'career_track',
    employer: 'Lakeshore Clinic',
    naicsCode: '621111',
    naicsTitle: 'Offices of Physicians',
  });
  jobId = res.body.id;
});
afterAll(() => h?.close());

describe('employment confirmations', () => {
  it('confirms a job before exit, naming a training service of the participant; the job now counts', async () => {
    const res = await confirm(
      working('2026-02-02', 'before_exit', { relatedServiceId: e.trainingServiceId }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ period: 'before_exit', staff: { name: 'Kari Brenk' } });
    expect(confirmationView.parse(res.body)).toEqual(res.body);
    const [job] = (await client(h.url, worker).get(`/enrollments/${e.id}/employments`)).body.items;
    expect(job.countsTowardPerformance).toBe(true);
    expect(await eventsOf(h, e.id)).toContain('enrollment.employment-confirmation.recorded');
  });

  it("refuses to move the job's start past its confirmation, writing nothing", async () => {
    const before = await outcomeCounts(h);
    const res = await client(h.url, worker).patch(`/enrollments/${e.id}/employments/${jobId}`, {
      version: 1,
      startDate: '2026-02-03',
    });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { field: 'startDate', message: 'The job was confirmed on 2026-02-02 already' },
    ]);
    expect(await outcomeCounts(h)).toEqual(before);
  });

  it('refuses a quarter confirmation before the enrollment has an exit, writing nothing', async () => {
    const before = await outcomeCounts(h);
    const res = await confirm(working('2026-02-03', 'q1'));
    expect(res.status).toBe(422);
    expect(fieldsOf(res.body)).toEqual(['period']);
    expect(await outcomeCounts(h)).toEqual(before);
  });

  describe('after an exit on 2026-02-10 (first quarter of 2026)', () => {
    beforeAll(() => exitOn(h, worker, e.id, '2026-02-10'));

    it.each([
      ['q1', '2026-03-31', 'the last day of the exit quarter'],
      ['q3', '2026-09-30', 'the day before the third quarter after exit (2026-10-01)'],
      ['q3', '2027-01-01', 'the day after the third quarter after exit (2026-12-31)'],
      ['q4', '2027-04-01', 'the day after the fourth quarter after exit (2027-03-31)'],
      ['before_exit', '2026-02-11', 'the day after the exit, as before exit'],
      ['at_exit', '2026-02-09', 'the day before the exit, as at exit'],
    ])('refuses a %s confirmation dated %s, %s, writing nothing', async (period, date) => {
      const before = await outcomeCounts(h);
      const res = await confirm(working(date, period));
      expect(res.status).toBe(422);
      expect(fieldsOf(res.body)).toEqual(['confirmationDate']);
      expect(await outcomeCounts(h)).toEqual(before);
    });

    it.each([
      ['q1', '2026-04-01'],
      ['q2', '2026-09-30'],
      ['q3', '2026-10-01'],
      ['q3', '2026-12-31'],
      ['q4', '2027-01-01'],
      ['at_exit', '2026-02-10'],
    ])('takes a %s confirmation dated %s, inside its quarter', async (period, date) => {
      expect((await confirm(working(date, period))).status).toBe(201);
    });

    it.each([
      [
        "another participant's service",
        () => other.trainingServiceId,
        "No service of this participant's has this id",
      ],
      [
        'a service nobody recorded',
        () => randomUUID(),
        "No service of this participant's has this id",
      ],
    ])('refuses a confirmation naming %s, writing nothing', async (_label, serviceId, message) => {
      const before = await outcomeCounts(h);
      const res = await confirm(working('2026-04-02', 'q1', { relatedServiceId: serviceId() }));
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([{ field: 'relatedServiceId', message }]);
      expect(await outcomeCounts(h)).toEqual(before);
    });

    it.each([
      [
        'a confirmation period ending before it starts',
        { periodStart: '2026-04-03', periodEnd: '2026-04-02' },
        422,
        ['periodEnd'],
      ],
      [
        'a date in the future',
        { confirmationDate: '2027-06-16' },
        422,
        ['confirmationDate', 'confirmationDate'],
      ],
      ['an unknown status', { status: 'retired' }, 400, ['status']],
      ['an unknown period', { period: 'q5' }, 400, ['period']],
    ])(
      'refuses a confirmation with %s, writing nothing',
      async (_label, change, status, fields) => {
        const before = await outcomeCounts(h);
        const res = await confirm(working('2026-04-02', 'q1', change));
        expect(res.status).toBe(status);
        expect(fieldsOf(res.body)).toEqual(fields);
        expect(await outcomeCounts(h)).toEqual(before);
      },
    );

    it('records a job obtained after the exit, and confirms it in its quarter', async () => {
      const res = await client(h.url, worker).post(`/enrollments/${e.id}/employments`, {
        participantId: e.participantId,
        startDate: '2026-05-04',
        employmentType: 'unsubsidized',
        employer: 'Harbor Foods',
        naicsCode: '445110',
        naicsTitle: 'Supermarkets and Other Grocery Retailers',
      });
      expect(res.status).toBe(201);
      const path = `/enrollments/${e.id}/employments/${res.body.id}/confirmations`;
      // before its own start the job cannot be confirmed, even inside the quarter
      const early = await client(h.url, worker).post(path, working('2026-05-01', 'q1'));
      expect(fieldsOf(early.body)).toEqual(['confirmationDate']);
      expect((await client(h.url, worker).post(path, working('2026-05-11', 'q1'))).status).toBe(
        201,
      );
    });

    it('refuses a confirmation from another organization as if the enrollment did not exist', async () => {
      expect((await confirm(working('2026-04-02', 'q1'), otherOrg)).status).toBe(404);
    });
  });
});

describe('credentials', () => {
  const credential = (change: object = {}) => ({
    participantId: e.participantId,
    credentialDate: '2026-02-05',
    credentialType: 'occupational_licensure',
    name: 'LPN',
    status: 'attained',
    documentation: 'license',
    relatedServiceId: e.trainingServiceId,
    ...change,
  });
  const record = (body: object, actor = worker) =>
    client(h.url, actor).post(`/enrollments/${e.id}/credentials`, body);

  it('records a credential with its related training service, and announces it', async () => {
    const res = await record(credential());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'LPN',
      status: 'attained',
      recordedBy: { name: 'Kari Brenk' },
    });
    const listed = await client(h.url, worker).get(`/enrollments/${e.id}/credentials`);
    expect(listed.body.items.map((c: { id: string }) => c.id)).toEqual([res.body.id]);
    expect(credentialView.parse(res.body)).toEqual(res.body); // the documented shape, exactly
    expect(await eventsOf(h, e.id)).toContain('enrollment.credential.recorded');
  });

  it('refuses a credential naming a deleted service', async () => {
    const serviceId = await serviceFor(h, e, '2026-01-12');
    await deleteService(h, e, serviceId, '2026-01-12');
    const before = await outcomeCounts(h);
    const res = await record(credential({ relatedServiceId: serviceId }));
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { field: 'relatedServiceId', message: 'This service was deleted' },
    ]);
    expect(await outcomeCounts(h)).toEqual(before);
  });

  it.each([
    ["another participant's service", { relatedServiceId: 'other' }, 422, ['relatedServiceId']],
    ['a date in the future', { credentialDate: '2027-06-16' }, 422, ['credentialDate']],
    ['a type outside the DOL categories', { credentialType: 'badge' }, 400, ['credentialType']],
    ['no name', { name: '  ' }, 400, ['name']],
  ])('refuses a credential with %s, writing nothing', async (_label, change, status, fields) => {
    const body = credential(change);
    if (body.relatedServiceId === 'other') body.relatedServiceId = other.trainingServiceId;
    const before = await outcomeCounts(h);
    const res = await record(body);
    expect(res.status).toBe(status);
    expect(fieldsOf(res.body)).toEqual(fields);
    expect(await outcomeCounts(h)).toEqual(before);
  });

  it('refuses a credential from another organization (404) and shows it none', async () => {
    expect((await record(credential(), otherOrg)).status).toBe(404);
    expect((await client(h.url, otherOrg).get(`/enrollments/${e.id}/credentials`)).status).toBe(
      404,
    );
  });
});

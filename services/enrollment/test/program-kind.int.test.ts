import { EnrollmentCreated } from '@hearth/events';
import { outboxEvents, testActor } from '@hearth/testkit';
import { client, daysAgo, fieldsOf, startEnrollment, type Harness } from './harness';
import { createProgram, enrollAlone } from './household';

const supervisor = testActor({ roles: ['supervisor'] });
const worker = testActor({ roles: ['caseworker'], orgId: supervisor.orgId });

let h: Harness;
beforeAll(async () => {
  h = await startEnrollment();
});
afterAll(() => h?.close());

const createdFor = async (enrollmentId: string) =>
  (await outboxEvents(h.pool, EnrollmentCreated)).find(
    (e) => e.data.enrollmentId === enrollmentId,
  )!;

test("an RSI program's enrollments carry its kind; a program without one carries null", async () => {
  const rsi = await createProgram(h, supervisor, {
    name: 'Refugee School Impact',
    fundingSource: 'ORR',
    activeFrom: '2020-01-01',
    kind: 'rsi',
  });
  const plain = await createProgram(h, supervisor, {
    name: 'Coaching',
    fundingSource: 'KtP',
    activeFrom: '2020-01-01',
  });
  expect((await client(h.url, worker).get(`/programs/${rsi}`)).body.kind).toBe('rsi');
  const student = await enrollAlone(h, worker, rsi, daysAgo(10));
  const adult = await enrollAlone(h, worker, plain, daysAgo(10));
  expect((await createdFor(student.id)).data.programKind).toBe('rsi');
  expect((await createdFor(adult.id)).data.programKind).toBeNull();
});

test('a kind outside the list is a 400, and a kind cannot be changed afterwards', async () => {
  const bad = await client(h.url, supervisor).post('/programs', {
    name: 'Mentoring',
    fundingSource: 'ORR',
    activeFrom: '2020-01-01',
    kind: 'school',
  });
  expect(bad.status).toBe(400);
  expect(fieldsOf(bad.body)).toEqual(['kind']);
  const id = await createProgram(h, supervisor, {
    name: 'Youth Mentoring',
    fundingSource: 'ORR',
    activeFrom: '2020-01-01',
    kind: 'rym',
  });
  const change = await client(h.url, supervisor).patch(`/programs/${id}`, {
    version: 1,
    kind: 'rsi',
  });
  expect(change.status).toBe(400);
  expect((await client(h.url, supervisor).get(`/programs/${id}`)).body.kind).toBe('rym');
});

test("a hub's Rent Assistance program is a kind: its enrollments are rent-assistance's records", async () => {
  const ra = await createProgram(h, supervisor, {
    name: 'Rent Assistance',
    fundingSource: 'Metro RA',
    activeFrom: '2020-01-01',
    kind: 'rent_assistance',
  });
  expect((await client(h.url, worker).get(`/programs/${ra}`)).body.kind).toBe('rent_assistance');
  const record = await enrollAlone(h, worker, ra, daysAgo(5));
  expect((await createdFor(record.id)).data.programKind).toBe('rent_assistance');
});

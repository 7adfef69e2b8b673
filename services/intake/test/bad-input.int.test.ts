import { testActor } from '@hearth/testkit';
import { client, createParticipant, startIntake } from './harness';

/** Requests that answered 500 before libs/http refused them: each is a 4xx problem now. */
const worker = testActor({ roles: ['caseworker'] });
const amina = { firstName: 'Amina', lastName: 'Odhiambo', birthDate: '1990-04-02', sex: 'female' };
let intake: Awaited<ReturnType<typeof startIntake>>;
beforeAll(async () => {
  intake = await startIntake();
});
afterAll(() => intake?.close());

const fieldsOf = (problem: { errors?: Array<{ field: string }> }) =>
  (problem.errors ?? []).map((e) => e.field);

test('when participants are searched by a birth date in year 0, it answers 400 naming birthDate', async () => {
  const res = await client(intake.url, worker).get('/participants?birthDate=0000-01-01');
  expect(res.status).toBe(400);
  expect(fieldsOf(res.body)).toEqual(['query.birthDate']);
});

test("when a participant's name holds a NUL, it answers 400 naming the name", async () => {
  const res = await client(intake.url, worker).post('/participants', {
    ...amina,
    firstName: 'Ami\u0000na',
    confirmNew: true,
  });
  expect(res.status).toBe(400);
  expect(fieldsOf(res.body)).toEqual(['firstName']);
});

test('when a workflow title holds a NUL, it answers 400 naming the title', async () => {
  const res = await client(intake.url, worker).post('/workflows/intake_assessment', {
    title: 'Amina\u0000',
  });
  expect(res.status).toBe(400);
  expect(fieldsOf(res.body)).toEqual(['title']);
});

test('when a search or the workflow list is sent a cursor that decodes to a NUL, it answers 400 on cursor', async () => {
  for (const path of ['/participants?lastName=Od&cursor=AA', '/workflows?cursor=AA']) {
    const res = await client(intake.url, worker).get(path);
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['cursor']);
  }
});

test('when a participant is read with an unknown query parameter, it answers 400 naming it', async () => {
  const id = await createParticipant(intake.url, worker, amina);
  const res = await client(intake.url, worker).get(`/participants/${id}?x=1`);
  expect(res.status).toBe(400);
  expect(fieldsOf(res.body)).toEqual(['query.x']);
});

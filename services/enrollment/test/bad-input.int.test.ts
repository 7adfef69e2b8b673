import { randomUUID } from 'node:crypto';
import { testActor } from '@hearth/testkit';
import {
  client,
  fieldsOf,
  introduce,
  participantFacts,
  startEnrollment,
  type Harness,
} from './harness';
import { createProgram, keysToProgress } from './household';

/** Requests that answered 500 before libs/http refused them: each is a 4xx problem now. */
const orgA = randomUUID();
const supervisor = testActor({ orgId: orgA, roles: ['supervisor'] });
const worker = testActor({ orgId: orgA, roles: ['caseworker'] });

let h: Harness;
let programId: string;
beforeAll(async () => {
  h = await startEnrollment();
  programId = await createProgram(h, supervisor, keysToProgress);
});
afterAll(() => h?.close());

test('when programs are asked for those active on year 0, it answers 400 naming activeOn', async () => {
  const res = await client(h.url, worker).get('/programs?activeOn=0000-01-01');
  expect(res.status).toBe(400);
  expect(fieldsOf(res.body)).toEqual(['query.activeOn']);
});

test("when a program's funding source holds a NUL, it answers 400 naming fundingSource", async () => {
  const res = await client(h.url, supervisor).post('/programs', {
    ...keysToProgress,
    name: 'Another program',
    fundingSource: 'Metro\u0000Grant',
  });
  expect(res.status).toBe(400);
  expect(fieldsOf(res.body)).toEqual(['fundingSource']);
});

test("when a participant's enrollments are paged with a foreign cursor, it answers 400 on cursor", async () => {
  const person = participantFacts(orgA);
  await introduce(h, person);
  const res = await client(h.url, worker).get(
    `/enrollments?participantId=${person.participantId}&cursor=AA`,
  );
  expect(res.status).toBe(400);
  expect(fieldsOf(res.body)).toEqual(['cursor']);
});

test('when a route that takes no query is sent one, it answers 400 naming the parameter', async () => {
  const res = await client(h.url, worker).get(`/programs/${programId}?x=1`);
  expect(res.status).toBe(400);
  expect(fieldsOf(res.body)).toEqual(['query.x']);
});

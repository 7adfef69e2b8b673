import { randomUUID } from 'node:crypto';
import { FsspGoalUpdated } from '@hearth/events';
import {
  apiClient,
  type ApiAnswer,
  publishAndWait,
  rowCounts,
  startServiceForTest,
  type TestService,
} from '@hearth/testkit';
import { services } from '../src/app';
import { servicesEnv } from '../src/config';
import { NOW, enrollmentOf, goalOf, organization, participantOf, serviceTypeOf } from './fixtures';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(services, servicesEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

/** A head and a child of one organization, each enrolled in one program with a plain type. */
async function household() {
  const org = organization();
  const programId = randomUUID();
  const [head, child] = [
    await participantOf(service, org.orgId),
    await participantOf(service, org.orgId),
  ];
  const serviceTypeId = await serviceTypeOf(service, org.supervisor, programId);
  const bodyFor = async (participantId: string) => ({
    participantId,
    enrollmentId: (
      await enrollmentOf(service, { orgId: org.orgId, programId, headParticipantId: participantId })
    ).enrollmentId,
    serviceTypeId,
    serviceDate: '2026-03-01',
  });
  const client = apiClient(service.url, org.worker);
  return {
    ...org,
    head,
    child,
    client,
    headBody: await bodyFor(head),
    childBody: await bodyFor(child),
  };
}

/** fssp's next version of a family goal, now for these participants only. */
const onlyFor = (
  orgId: string,
  goal: { goalId: string; barrierId: string },
  participantIds: string[],
) =>
  publishAndWait(
    service,
    FsspGoalUpdated,
    {
      goalId: goal.goalId,
      planId: randomUUID(),
      orgId,
      kind: 'family',
      participantIds,
      barrierIds: [goal.barrierId],
      category: 'employment',
      goal: 'find_job',
      startDate: '2026-01-05',
      targetDate: '2026-06-30',
      status: 'open',
      version: 2,
    },
    { orgId },
  );

const tables = ['services', 'service_versions', 'outbox'];

/** Send, expect a 422 naming `field`, and prove nothing was written. */
async function refused(send: () => Promise<ApiAnswer>, field: string) {
  const before = await rowCounts(service.pool, tables);
  const answer = await send();
  expect(answer.status).toBe(422);
  expect(answer.body.errors).toEqual([expect.objectContaining({ field })]);
  expect(await rowCounts(service.pool, tables)).toEqual(before);
}

test('a service naming a goal of another participant is refused on goalId, nothing written', async () => {
  const h = await household();
  const { goalId } = await goalOf(service, h.orgId, [h.head]);
  await refused(() => h.client.post('/services', { ...h.childBody, goalId }), 'goalId');
});

test('an unknown goal, or barrier, is refused on its field', async () => {
  const h = await household();
  await refused(
    () => h.client.post('/services', { ...h.headBody, goalId: randomUUID() }),
    'goalId',
  );
  await refused(
    () => h.client.post('/services', { ...h.headBody, barrierId: randomUUID() }),
    'barrierId',
  );
});

test("another organization's goal for the same participant is refused", async () => {
  const h = await household();
  const { goalId } = await goalOf(service, randomUUID(), [h.head]);
  await refused(() => h.client.post('/services', { ...h.headBody, goalId }), 'goalId');
});

test('a family goal may be named on a service of any member it lists, with its barrier', async () => {
  const h = await household();
  const { goalId, barrierId } = await goalOf(service, h.orgId, [h.head, h.child]);
  const answer = await h.client.post('/services', { ...h.childBody, goalId, barrierId });
  expect(answer.status).toBe(201);
  expect(answer.body).toMatchObject({ participantId: h.child, goalId, barrierId });
});

test("a barrier of the participant's other goal is refused with the goal named", async () => {
  const h = await household();
  const first = await goalOf(service, h.orgId, [h.head]);
  const second = await goalOf(service, h.orgId, [h.head]);
  await refused(
    () =>
      h.client.post('/services', {
        ...h.headBody,
        goalId: first.goalId,
        barrierId: second.barrierId,
      }),
    'barrierId',
  );
  // alone, it is one of the participant's barriers
  const alone = await h.client.post('/services', { ...h.headBody, barrierId: second.barrierId });
  expect(alone.status).toBe(201);
});

test("an edit naming another participant's goal is refused, nothing written", async () => {
  const h = await household();
  const created = await h.client.post('/services', h.childBody);
  const { goalId } = await goalOf(service, h.orgId, [h.head]);
  await refused(
    () => h.client.patch(`/services/${created.body.id}`, { version: 1, goalId }),
    'goalId',
  );
});

test('a goal regrouped since stays on an edit of other fields', async () => {
  const h = await household();
  const goal = await goalOf(service, h.orgId, [h.head, h.child]);
  const created = await h.client.post('/services', { ...h.childBody, ...goal });
  expect(created.status).toBe(201);
  await onlyFor(h.orgId, goal, [h.head]); // the child leaves the family goal
  const edited = await h.client.patch(`/services/${created.body.id}`, {
    version: 1,
    comment: 'Met at school',
  });
  expect(edited.status).toBe(200);
  expect(edited.body).toMatchObject({ ...goal, comment: 'Met at school' });
});

test("a copy keeps a goal still the participant's and leaves off one that no longer is", async () => {
  const org = organization();
  const [head, child] = [
    await participantOf(service, org.orgId),
    await participantOf(service, org.orgId),
  ];
  const enrollments: string[] = [];
  const types: string[] = [];
  for (const programId of [randomUUID(), randomUUID()]) {
    enrollments.push(
      (await enrollmentOf(service, { orgId: org.orgId, programId, headParticipantId: child }))
        .enrollmentId,
    );
    types.push(await serviceTypeOf(service, org.supervisor, programId, { name: 'Tutoring' }));
  }
  const client = apiClient(service.url, org.worker);
  const goal = await goalOf(service, org.orgId, [head, child]);
  const original = await client.post('/services', {
    participantId: child,
    enrollmentId: enrollments[0],
    serviceTypeId: types[0],
    serviceDate: '2026-03-01',
    ...goal,
  });
  expect(original.status).toBe(201);
  const copy = () =>
    client.post(`/services/${original.body.id}/copies`, { enrollmentId: enrollments[1] });
  expect((await copy()).body).toMatchObject(goal);
  await onlyFor(org.orgId, goal, [head]);
  const later = await copy();
  expect(later.status).toBe(201);
  expect(later.body).toMatchObject({
    goalId: null,
    barrierId: null,
    copiedFromId: original.body.id,
  });
});

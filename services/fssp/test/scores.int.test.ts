import { randomUUID } from 'node:crypto';
import { FsspScoreRecorded } from '@hearth/events';
import {
  apiClient,
  outboxEvents,
  rowCounts,
  startServiceForTest,
  testActor,
  type TestService,
} from '@hearth/testkit';
import { fssp } from '../src/app';
import { fsspEnv } from '../src/config';
import { NOW, TODAY, goalBody, openPlanOf } from './fixtures';

let service: TestService;

beforeAll(async () => {
  service = await startServiceForTest(fssp, fsspEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

/** A family goal of the first and second child, with no score yet. */
async function familyGoal() {
  const p = await openPlanOf(service);
  const client = apiClient(service.url, p.worker);
  const goal = await client.post('/goals', goalBody(p.planId, [p.first, p.second]));
  expect(goal.status).toBe(201);
  return { ...p, client, goalId: goal.body.id as string };
}

const written = () => rowCounts(service.pool, ['goal_scores', 'outbox']);

test("scores are kept as a history; the plan shows each goal's first, latest and the change", async () => {
  const g = await familyGoal();
  // given out of date order: the history is by score date, not by entry
  const given = [
    { participantId: g.first, scoreDate: '2026-09-05', score: 2 },
    { participantId: g.second, scoreDate: '2026-09-01', score: 0 },
    { participantId: g.first, scoreDate: TODAY, score: 3 },
  ];
  for (const body of given) {
    const answer = await g.client.post(`/goals/${g.goalId}/scores`, body);
    expect(answer.status).toBe(201);
  }
  const history = await g.client.get(`/goals/${g.goalId}/scores`);
  expect(history.status).toBe(200);
  expect(
    history.body.items.map((s: { scoreDate: string; score: number; label: string }) => [
      s.scoreDate,
      s.score,
      s.label,
    ]),
  ).toEqual([
    ['2026-09-01', 0, 'in_crisis'],
    ['2026-09-05', 2, 'moderately_stable'],
    ['2026-09-10', 3, 'thriving'],
  ]);
  const goals = await g.client.get(`/fssps/${g.planId}/goals`);
  expect(goals.status).toBe(200);
  expect(goals.body.items).toHaveLength(1);
  // first 0 on Sep 1, latest 3 on Sep 10: a change of +3
  expect(goals.body.items[0].progress).toEqual({
    first: { scoreDate: '2026-09-01', score: 0 },
    latest: { scoreDate: '2026-09-10', score: 3 },
    change: 3,
  });
  const events = (await outboxEvents(service.pool, FsspScoreRecorded)).filter(
    (e) => e.data.goalId === g.goalId,
  );
  expect(events.map((e) => e.data.score)).toEqual([2, 0, 3]);
  expect(events[0].data).toMatchObject({
    planId: g.planId,
    participantIds: [g.first, g.second].sort(),
    scoreDate: '2026-09-05',
  });
});

test('same-day scores: the later one given is the latest', async () => {
  const g = await familyGoal();
  for (const score of [1, 2])
    await g.client.post(`/goals/${g.goalId}/scores`, {
      participantId: g.first,
      scoreDate: '2026-09-02',
      score,
    });
  const goals = await g.client.get(`/fssps/${g.planId}/goals`);
  expect(goals.body.items[0].progress).toEqual({
    first: { scoreDate: '2026-09-02', score: 1 },
    latest: { scoreDate: '2026-09-02', score: 2 },
    change: 1,
  });
});

test('a goal without scores shows no progress', async () => {
  const g = await familyGoal();
  const goals = await g.client.get(`/fssps/${g.planId}/goals`);
  expect(goals.body.items[0].progress).toBeNull();
});

test('a score outside 0-3, not whole, or dated after today is refused naming the field, nothing written', async () => {
  const g = await familyGoal();
  const before = await written();
  const cases: Array<[object, number, string]> = [
    [{ score: 4 }, 400, 'score'],
    [{ score: -1 }, 400, 'score'],
    [{ score: 1.5 }, 400, 'score'],
    [{ scoreDate: '2026-09-11' }, 422, 'scoreDate'],
  ];
  for (const [change, status, field] of cases) {
    const answer = await g.client.post(`/goals/${g.goalId}/scores`, {
      participantId: g.first,
      scoreDate: TODAY,
      score: 2,
      ...change,
    });
    expect(answer.status).toBe(status);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  }
  expect(await written()).toEqual(before);
});

test('scoring goes through a member of the goal; another organization gets 404 for the scores', async () => {
  const g = await familyGoal();
  const before = await written();
  const notMember = await g.client.post(`/goals/${g.goalId}/scores`, {
    participantId: g.head,
    scoreDate: TODAY,
    score: 1,
  });
  expect(notMember.status).toBe(422);
  expect(notMember.body.errors[0].field).toBe('participantId');
  const stranger = apiClient(service.url, testActor());
  expect(
    (
      await stranger.post(`/goals/${g.goalId}/scores`, {
        participantId: g.first,
        scoreDate: TODAY,
        score: 1,
      })
    ).status,
  ).toBe(404);
  expect((await stranger.get(`/goals/${g.goalId}/scores`)).status).toBe(404);
  expect((await stranger.get(`/fssps/${g.planId}/goals`)).status).toBe(404);
  expect((await g.client.get(`/goals/${randomUUID()}/scores`)).status).toBe(404);
  expect(await written()).toEqual(before);
});

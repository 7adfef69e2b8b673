import { FsspFollowUpDue, FsspPlanClosed, FsspScoreRecorded } from '@hearth/events';
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
import { announceDueFollowUps } from '../src/use-cases/announce-due-follow-ups';
import {
  NOW,
  TODAY,
  enrollmentOf,
  goalBody,
  openPlanOf,
  organization,
  participantOf,
} from './fixtures';

let service: TestService;

beforeAll(async () => {
  service = await startServiceForTest(fssp, fsspEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

const written = () =>
  rowCounts(service.pool, [
    'plans',
    'plan_assessments',
    'goal_scores',
    'follow_up_announcements',
    'outbox',
  ]);

/** A head alone with an enrollment and a plan assessed on `assessmentDate`. */
async function planAssessedOn(assessmentDate: string) {
  const { orgId, worker } = await organization(service);
  const head = await participantOf(service, orgId);
  const client = apiClient(service.url, worker);
  const plan = await client.post('/fssps', {
    headParticipantId: head,
    assessmentDate,
    enrollmentId: await enrollmentOf(service, orgId, head),
  });
  expect(plan.status).toBe(201);
  return { orgId, worker, head, client, plan: plan.body };
}

describe('closing a plan', () => {
  test('closed, the family may get a new plan; both stay in the history, the latest first', async () => {
    const p = await openPlanOf(service);
    const client = apiClient(service.url, p.worker);
    const closed = await client.post(`/fssps/${p.planId}/close`, { version: 1, closedOn: TODAY });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedOn: TODAY, version: 2 });
    const [event] = (await outboxEvents(service.pool, FsspPlanClosed)).filter(
      (e) => e.data.planId === p.planId,
    );
    expect(event.data.status).toBe('closed');

    const next = await client.post('/fssps', {
      headParticipantId: p.head,
      assessmentDate: TODAY,
      enrollmentId: closed.body.enrollmentId,
    });
    expect(next.status).toBe(201);
    const history = await client.get(`/fssps?participantId=${p.first}`);
    expect(history.body.items.map((x: { id: string; status: string }) => [x.id, x.status])).toEqual(
      [
        [next.body.id, 'open'],
        [p.planId, 'closed'],
      ],
    );
  });

  test('a stale version, a date after today or before the assessment, a second close, another organization: refused, nothing written', async () => {
    const p = await openPlanOf(service);
    const client = apiClient(service.url, p.worker);
    const path = `/fssps/${p.planId}/close`;
    const before = await written();
    const refusals: Array<[object, number]> = [
      [{ version: 2, closedOn: TODAY }, 409],
      [{ version: 1, closedOn: '2026-09-11' }, 422],
      [{ version: 1, closedOn: '2026-08-31' }, 422], // assessed on Sep 1
    ];
    for (const [body, status] of refusals)
      expect((await client.post(path, body)).status).toBe(status);
    expect(
      (await apiClient(service.url, testActor()).post(path, { version: 1, closedOn: TODAY }))
        .status,
    ).toBe(404);
    expect(await written()).toEqual(before);
    expect((await client.post(path, { version: 1, closedOn: TODAY })).status).toBe(200);
    const again = await client.post(path, { version: 2, closedOn: TODAY });
    expect(again.status).toBe(409);
    const goal = await client.post('/goals', goalBody(p.planId, [p.head]));
    expect(goal.status).toBe(409);
  });
});

describe('follow-ups and revisions', () => {
  test('a 6-month follow-up re-scores goals into their history, kept as an assessment of the plan; a second one is 409', async () => {
    const p = await openPlanOf(service);
    const client = apiClient(service.url, p.worker);
    const goal = (await client.post('/goals', goalBody(p.planId, [p.head]))).body;
    await client.post(`/goals/${goal.id}/scores`, {
      participantId: p.head,
      scoreDate: '2026-09-01',
      score: 1,
    });
    const followUp = await client.post(`/fssps/${p.planId}/follow-ups`, {
      type: 'six_month',
      assessmentDate: TODAY,
      scores: [{ goalId: goal.id, score: 2 }],
    });
    expect(followUp.status).toBe(201);
    expect(followUp.body).toMatchObject({
      planId: p.planId,
      type: 'six_month',
      assessmentDate: TODAY,
    });

    const goals = await client.get(`/fssps/${p.planId}/goals`);
    expect(goals.body.items[0].progress).toEqual({
      first: { scoreDate: '2026-09-01', score: 1 },
      latest: { scoreDate: TODAY, score: 2 },
      change: 1,
    });
    const plan = await client.get(`/fssps/${p.planId}`);
    expect(plan.body.followUps).toEqual([
      { id: followUp.body.id, assessmentType: 'six_month', assessmentDate: TODAY },
    ]);
    const events = (await outboxEvents(service.pool, FsspScoreRecorded)).filter(
      (e) => e.data.goalId === goal.id,
    );
    expect(events.map((e) => [e.data.scoreDate, e.data.score])).toEqual([
      ['2026-09-01', 1],
      [TODAY, 2],
    ]);

    const before = await written();
    const twice = await client.post(`/fssps/${p.planId}/follow-ups`, {
      type: 'six_month',
      assessmentDate: TODAY,
      scores: [{ goalId: goal.id, score: 3 }],
    });
    expect(twice.status).toBe(409);
    expect(twice.body.errors[0].field).toBe('type');
    expect(await written()).toEqual(before);
    const revision = await client.post(`/fssps/${p.planId}/follow-ups`, {
      type: 'revision',
      assessmentDate: TODAY,
      scores: [{ goalId: goal.id, score: 3 }],
    });
    expect(revision.status).toBe(201);
  });

  test("a goal of another plan, a goal twice, no score, or a date outside the plan's assessment..today: refused naming the field", async () => {
    const p = await openPlanOf(service);
    const other = await openPlanOf(service);
    const client = apiClient(service.url, p.worker);
    const goal = (await client.post('/goals', goalBody(p.planId, [p.head]))).body;
    const foreign = (
      await apiClient(service.url, other.worker).post(
        '/goals',
        goalBody(other.planId, [other.head]),
      )
    ).body;
    const before = await written();
    const cases: Array<[object, number, string]> = [
      [{ scores: [{ goalId: foreign.id, score: 1 }] }, 422, 'scores.0.goalId'],
      [
        {
          scores: [
            { goalId: goal.id, score: 1 },
            { goalId: goal.id, score: 2 },
          ],
        },
        422,
        'scores.1.goalId',
      ],
      [{ scores: [] }, 400, 'scores'],
      [{ scores: [{ goalId: goal.id, score: 4 }] }, 400, 'scores.0.score'],
      [{ assessmentDate: '2026-09-11' }, 422, 'assessmentDate'],
      [{ assessmentDate: '2026-08-31' }, 422, 'assessmentDate'],
    ];
    for (const [change, status, field] of cases) {
      const answer = await client.post(`/fssps/${p.planId}/follow-ups`, {
        type: 'revision',
        assessmentDate: TODAY,
        scores: [{ goalId: goal.id, score: 1 }],
        ...change,
      });
      expect(answer.status).toBe(status);
      expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const stranger = await apiClient(service.url, testActor()).post(
      `/fssps/${p.planId}/follow-ups`,
      {
        type: 'revision',
        assessmentDate: TODAY,
        scores: [{ goalId: goal.id, score: 1 }],
      },
    );
    expect(stranger.status).toBe(404);
    expect(await written()).toEqual(before);
  });
});

describe('follow-ups due', () => {
  test("a case worker's follow-ups due from today to 14 days on: day 14 in, day 15 out, recorded ones gone", async () => {
    // today is 2026-09-10: Sep 24 is day 14, Sep 25 day 15
    const day14 = await planAssessedOn('2026-03-24'); // six-month on 2026-09-24
    const day15 = await planAssessedOn('2026-03-25'); // six-month on 2026-09-25
    const yearly = await planAssessedOn('2025-09-20'); // twelve-month on 2026-09-20
    const due = async (p: { client: ReturnType<typeof apiClient> }) => {
      const answer = await p.client.get('/fssps/follow-ups-due');
      expect(answer.status).toBe(200);
      return answer.body.items.map((d: { followUp: string; dueDate: string }) => [
        d.followUp,
        d.dueDate,
      ]);
    };
    expect(await due(day14)).toEqual([['six_month', '2026-09-24']]);
    expect(await due(day15)).toEqual([]);
    expect(await due(yearly)).toEqual([['twelve_month', '2026-09-20']]);
    // another case worker of the same organization has none of them
    const colleague = apiClient(service.url, testActor({ orgId: day14.orgId }));
    expect((await colleague.get('/fssps/follow-ups-due')).body.items).toEqual([]);

    const goal = (
      await day14.client.post(
        '/goals',
        goalBody(day14.plan.id, [day14.head], { startDate: '2026-03-24' }),
      )
    ).body;
    const recorded = await day14.client.post(`/fssps/${day14.plan.id}/follow-ups`, {
      type: 'six_month',
      assessmentDate: TODAY,
      scores: [{ goalId: goal.id, score: 2 }],
    });
    expect(recorded.status).toBe(201);
    expect(await due(day14)).toEqual([]);
  });

  test('the daily job announces each due follow-up once, however often it runs', async () => {
    const soon = await planAssessedOn('2026-03-20'); // six-month on 2026-09-20
    const later = await planAssessedOn('2026-04-01'); // six-month on 2026-10-01: not yet
    const deps = { pool: service.pool, clock: () => NOW };
    await announceDueFollowUps(deps);
    await announceDueFollowUps(deps);
    const events = await outboxEvents(service.pool, FsspFollowUpDue);
    const of = (planId: string) => events.filter((e) => e.data.planId === planId);
    expect(of(soon.plan.id).map((e) => e.data)).toEqual([
      {
        planId: soon.plan.id,
        orgId: soon.orgId,
        headParticipantId: soon.head,
        caseWorkerUserId: soon.worker.userId,
        followUp: 'six_month',
        dueDate: '2026-09-20',
      },
    ]);
    expect(of(later.plan.id)).toEqual([]);
  });
});

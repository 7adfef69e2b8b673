import { randomUUID } from 'node:crypto';
import { FsspGoalAdded, FsspGoalUpdated } from '@hearth/events';
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
import { NOW, goalBody, openPlanOf, refusalCheck } from './fixtures';

const openPlan = (sharing: Parameters<typeof openPlanOf>[1] = {}) => openPlanOf(service, sharing);

let service: TestService;

beforeAll(async () => {
  service = await startServiceForTest(fssp, fsspEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

const tables = ['goals', 'goal_members', 'barriers', 'action_steps', 'outbox'];
const written = () => rowCounts(service.pool, tables);

const expectRefused = refusalCheck(written);

describe('adding a goal', () => {
  test('an individual goal keeps its barriers with ids and its action steps; the event carries ids, never free text', async () => {
    const p = await openPlan();
    const answer = await apiClient(service.url, p.worker).post(
      '/goals',
      goalBody(p.planId, [p.head]),
    );
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      planId: p.planId,
      orgId: p.orgId,
      kind: 'individual',
      participantIds: [p.head],
      status: 'open',
      version: 1,
      actionSteps: [{ text: 'Update the resume', dueDate: '2026-09-15', doneDate: '2026-09-09' }],
    });
    const barrierIds = answer.body.barriers.map((b: { id: string }) => b.id);
    expect(answer.body.barriers.map((b: { description: string }) => b.description)).toEqual([
      'No reliable transportation',
      'Childcare hours',
    ]);
    const [event] = (await outboxEvents(service.pool, FsspGoalAdded)).filter(
      (e) => e.data.goalId === answer.body.id,
    );
    expect(event.data).toEqual({
      goalId: answer.body.id,
      planId: p.planId,
      orgId: p.orgId,
      kind: 'individual',
      participantIds: [p.head],
      barrierIds,
      category: 'employment',
      goal: 'obtain_employment',
      startDate: '2026-09-01',
      targetDate: '2027-03-01',
      status: 'open',
      version: 1,
    });
  });

  test('the target date may equal the start date, never precede it', async () => {
    const p = await openPlan();
    const client = apiClient(service.url, p.worker);
    const before = await written();
    const early = await client.post(
      '/goals',
      goalBody(p.planId, [p.head], { startDate: '2026-09-01', targetDate: '2026-08-31' }),
    );
    await expectRefused(early, 422, 'targetDate', before);
    const same = await client.post(
      '/goals',
      goalBody(p.planId, [p.head], { startDate: '2026-09-01', targetDate: '2026-09-01' }),
    );
    expect(same.status).toBe(201);
  });

  test('a goal without action steps is refused, nothing written', async () => {
    const p = await openPlan();
    const before = await written();
    const answer = await apiClient(service.url, p.worker).post(
      '/goals',
      goalBody(p.planId, [p.head], { actionSteps: [] }),
    );
    await expectRefused(answer, 400, 'actionSteps', before);
  });

  test('category and goal come from the catalog: a goal of another category is 422, an unknown category 400', async () => {
    const p = await openPlan();
    const client = apiClient(service.url, p.worker);
    const before = await written();
    await expectRefused(
      await client.post('/goals', goalBody(p.planId, [p.head], { goal: 'obtain_ged' })),
      422,
      'goal',
      before,
    );
    await expectRefused(
      await client.post('/goals', goalBody(p.planId, [p.head], { category: 'lottery' })),
      400,
      'category',
      before,
    );
  });

  test("a step done after today (the organization's) is refused, naming its row", async () => {
    const p = await openPlan();
    const before = await written();
    const steps = [
      { text: 'Call the employer', dueDate: '2026-09-20', doneDate: null },
      { text: 'Interview', dueDate: '2026-09-20', doneDate: '2026-09-11' },
    ];
    const answer = await apiClient(service.url, p.worker).post(
      '/goals',
      goalBody(p.planId, [p.head], { actionSteps: steps }),
    );
    await expectRefused(answer, 422, 'actionSteps.1.doneDate', before);
  });

  test('members: an individual goal has one; each must be included in the plan, listed once', async () => {
    const p = await openPlan();
    const client = apiClient(service.url, p.worker);
    const before = await written();
    await expectRefused(
      await client.post('/goals', { ...goalBody(p.planId, [p.head, p.first]), kind: 'individual' }),
      422,
      'participantIds',
      before,
    );
    await expectRefused(
      await client.post('/goals', goalBody(p.planId, [p.first, p.excluded])),
      422,
      'participantIds.1',
      before,
    );
    await expectRefused(
      await client.post('/goals', goalBody(p.planId, [p.first, p.first])),
      422,
      'participantIds.1',
      before,
    );
    await expectRefused(
      await client.post('/goals', goalBody(p.planId, [randomUUID()])),
      422,
      'participantIds.0',
      before,
    );
  });

  test('another organization cannot add a goal to a plan, even of a participant shared with everyone (404)', async () => {
    const p = await openPlan({ securityRestriction: 'share_global' });
    const before = await written();
    const answer = await apiClient(service.url, testActor()).post(
      '/goals',
      goalBody(p.planId, [p.head]),
    );
    expect(answer.status).toBe(404);
    expect(await written()).toEqual(before);
  });
});

describe('a family goal', () => {
  test('updated through its second member, it changes for every member: one row, many members', async () => {
    const p = await openPlan();
    const client = apiClient(service.url, p.worker);
    const added = await client.post('/goals', goalBody(p.planId, [p.first, p.second]));
    expect(added.status).toBe(201);
    expect(added.body.kind).toBe('family');

    const changed = await client.patch(`/goals/${added.body.id}`, {
      version: 1,
      participantId: p.second,
      targetDate: '2027-06-30',
      status: 'closed',
      actionSteps: [
        { text: 'Update the resume', dueDate: '2026-09-15', doneDate: '2026-09-09' },
        { text: 'Apply to three jobs', dueDate: '2026-09-30', doneDate: null },
      ],
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ version: 2, status: 'closed', targetDate: '2027-06-30' });

    // read through the first member: the same goal, changed
    const listed = await client.get(`/goals?participantId=${p.first}`);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0]).toEqual(changed.body);
    expect(listed.body.items[0].actionSteps).toHaveLength(2);
    const rows = await service.pool.query(
      `SELECT (SELECT count(*)::int FROM goals WHERE id = $1) AS goals,
              (SELECT count(*)::int FROM goal_members WHERE goal_id = $1) AS members`,
      [added.body.id],
    );
    expect(rows.rows[0]).toEqual({ goals: 1, members: 2 });

    const [event] = (await outboxEvents(service.pool, FsspGoalUpdated)).filter(
      (e) => e.data.goalId === added.body.id,
    );
    expect(event.data).toMatchObject({
      participantIds: [p.first, p.second].sort(),
      status: 'closed',
      version: 2,
    });
  });

  test('a change through a non-member, with a stale version or breaking the dates is refused, nothing written', async () => {
    const p = await openPlan();
    const client = apiClient(service.url, p.worker);
    const added = await client.post('/goals', goalBody(p.planId, [p.first, p.second]));
    const before = await written();
    const path = `/goals/${added.body.id}`;
    await expectRefused(
      await client.patch(path, { version: 1, participantId: p.head, status: 'closed' }),
      422,
      'participantId',
      before,
    );
    await expectRefused(
      await client.patch(path, { version: 2, participantId: p.first, status: 'closed' }),
      409,
      'version',
      before,
    );
    await expectRefused(
      await client.patch(path, { version: 1, participantId: p.first, targetDate: '2026-08-01' }),
      422,
      'targetDate',
      before,
    );
    await expectRefused(
      await client.patch(path, { version: 1, participantId: p.first, actionSteps: [] }),
      400,
      'actionSteps',
      before,
    );
    await expectRefused(
      await client.patch(path, { version: 1, participantId: p.first }),
      400,
      'version',
      before,
    );
  });

  test("another organization cannot change it (404) nor see it in a shared participant's goals", async () => {
    const p = await openPlan({ securityRestriction: 'share_global' });
    const added = await apiClient(service.url, p.worker).post(
      '/goals',
      goalBody(p.planId, [p.head]),
    );
    const stranger = apiClient(service.url, testActor());
    const before = await written();
    const answer = await stranger.patch(`/goals/${added.body.id}`, {
      version: 1,
      participantId: p.head,
      status: 'closed',
    });
    expect(answer.status).toBe(404);
    expect(await written()).toEqual(before);
    const listed = await stranger.get(`/goals?participantId=${p.head}`);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([]);
    expect(
      (
        await stranger.patch(`/goals/${randomUUID()}`, {
          version: 1,
          participantId: p.head,
          status: 'closed',
        })
      ).status,
    ).toBe(404);
  });
});

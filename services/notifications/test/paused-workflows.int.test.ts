import { randomUUID } from 'node:crypto';
import { WorkflowPaused, WorkflowResumed } from '@hearth/events';
import { apiClient, startServiceForTest, testActor, type TestService } from '@hearth/testkit';
import { notifications } from '../src/app';
import { notificationsEnv } from '../src/config';
import { remindPausedWorkflows } from '../src/use-cases/paused-workflows';

/** The service's clock, moved by each test; the reminder job reads it. */
let now = new Date('2026-12-01T10:00:00Z');
let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(notifications, notificationsEnv, { clock: () => now });
});
afterAll(() => service?.close());

const at = (iso: string) => (now = new Date(iso));
const remind = () => remindPausedWorkflows({ pool: service.pool, clock: () => now });

/** A draft of `author`'s, as its owning service announces a move of it. */
const move = (
  event: typeof WorkflowPaused | typeof WorkflowResumed,
  author: ReturnType<typeof testActor>,
  workflowId: string,
  draftVersion: number,
  changedAt: string,
) =>
  service.publish(
    event,
    {
      workflowId,
      workflowType: 'fssp-creation',
      ownerUserId: author.userId,
      status: event === WorkflowPaused ? 'paused' : 'in_progress',
      draftVersion,
      changedAt,
    },
    { orgId: author.orgId },
  );

const remindersOf = async (actor: ReturnType<typeof testActor>) =>
  (await apiClient(service.url, actor).get('/notifications?status=all')).body.items.filter(
    (n: { kind: string }) => n.kind === 'paused_workflow',
  );

test('a draft paused 7 days ago reminds its author alone, once, linked to their paused workflows', async () => {
  const author = testActor({ roles: ['caseworker'] });
  const colleague = testActor({ orgId: author.orgId, roles: ['caseworker'] });
  const workflowId = randomUUID();
  await move(WorkflowPaused, author, workflowId, 3, '2026-12-01T10:00:00.000Z');
  at('2026-12-08T09:59:59Z'); // 6 days 23:59:59 later: not yet
  await remind();
  expect(await remindersOf(author)).toEqual([]);
  at('2026-12-08T10:00:00Z'); // exactly 7 days
  await remind();
  await remind(); // the next day's run, or a second replica: still one
  expect(await remindersOf(author)).toEqual([
    expect.objectContaining({
      title: 'Your fssp creation workflow has been paused for 7 days',
      link: {
        recordType: 'workflow',
        recordId: workflowId,
        href: '/api/v1/workflows?status=paused',
      },
      participantId: null,
    }),
  ]);
  expect(await remindersOf(colleague)).toEqual([]);
});

test('a draft resumed before its 7 days reminds no one; paused again, it counts from that pause', async () => {
  const author = testActor({ roles: ['caseworker'] });
  const workflowId = randomUUID();
  await move(WorkflowPaused, author, workflowId, 3, '2026-12-01T10:00:00.000Z');
  await move(WorkflowResumed, author, workflowId, 4, '2026-12-05T10:00:00.000Z');
  at('2026-12-09T10:00:00Z');
  await remind();
  expect(await remindersOf(author)).toEqual([]);
  await move(WorkflowPaused, author, workflowId, 6, '2026-12-09T10:00:00.000Z');
  at('2026-12-16T10:00:00Z');
  await remind();
  expect(await remindersOf(author)).toHaveLength(1);
});

test('an older move arriving late does not undo a newer one', async () => {
  const author = testActor({ roles: ['caseworker'] });
  const workflowId = randomUUID();
  await move(WorkflowResumed, author, workflowId, 4, '2026-12-05T10:00:00.000Z');
  await move(WorkflowPaused, author, workflowId, 3, '2026-12-01T10:00:00.000Z'); // late
  at('2026-12-20T10:00:00Z');
  await remind();
  expect(await remindersOf(author)).toEqual([]);
});

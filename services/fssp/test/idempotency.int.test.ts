import { randomUUID } from 'node:crypto';
import { apiClient, rowCounts, startServiceForTest, type TestService } from '@hearth/testkit';
import { fssp } from '../src/app';
import { fsspEnv } from '../src/config';
import {
  NOW,
  TODAY,
  enrollmentOf,
  goalBody,
  openPlanOf,
  organization,
  participantOf,
} from './fixtures';

/**
 * The FSSP writes a client may retry take an Idempotency-Key (libs/http `idempotently`): the
 * retry is answered what the first request was and writes nothing; the key with another body is
 * a 422 naming it.
 */
let service: TestService;

beforeAll(async () => {
  service = await startServiceForTest(fssp, fsspEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

const written = () =>
  rowCounts(service.pool, [
    'plans',
    'plan_members',
    'goals',
    'goal_scores',
    'plan_assessments',
    'outbox',
  ]);

const key = () => ({ 'idempotency-key': randomUUID() });

/** Sends `body` with a key, then retries it; the retry must be the first answer, nothing new. */
async function expectReplay(
  send: (
    body: object,
    headers: Record<string, string>,
  ) => Promise<{ status: number; body: unknown; headers: Headers }>,
  body: object,
  changed: object,
) {
  const headers = key();
  const first = await send(body, headers);
  expect(first.status).toBe(201);
  const after = await written();
  const retry = await send(body, headers);
  expect(retry.status).toBe(201);
  expect(retry.body).toEqual(first.body);
  expect(retry.headers.get('idempotency-replayed')).toBe('true');
  const other = await send(changed, headers);
  expect(other.status).toBe(422);
  expect((other.body as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toEqual([
    'Idempotency-Key',
  ]);
  expect(await written()).toEqual(after);
  return first.body as { id: string };
}

test('a retried plan creation answers the same plan and writes nothing new; the key with another body is a 422', async () => {
  const { orgId, worker } = await organization(service);
  const head = await participantOf(service, orgId);
  const enrollmentId = await enrollmentOf(service, orgId, head);
  const client = apiClient(service.url, worker);
  const body = { headParticipantId: head, assessmentDate: TODAY, enrollmentId };
  await expectReplay((b, h) => client.post('/fssps', b, h), body, {
    ...body,
    assessmentDate: '2026-09-01',
  });
});

test('a retried goal, score and follow-up each answer the first answer and write nothing new', async () => {
  const p = await openPlanOf(service);
  const client = apiClient(service.url, p.worker);
  const goal = await expectReplay(
    (b, h) => client.post('/goals', b, h),
    goalBody(p.planId, [p.head]),
    goalBody(p.planId, [p.first]),
  );
  const score = { participantId: p.head, scoreDate: TODAY, score: 1 };
  await expectReplay((b, h) => client.post(`/goals/${goal.id}/scores`, b, h), score, {
    ...score,
    score: 2,
  });
  const followUp = {
    type: 'six_month',
    assessmentDate: TODAY,
    scores: [{ goalId: goal.id, score: 2 }],
  };
  await expectReplay((b, h) => client.post(`/fssps/${p.planId}/follow-ups`, b, h), followUp, {
    ...followUp,
    type: 'revision',
  });
});

test('a refused request leaves its key free: fixed and sent again with it, it is written', async () => {
  const { orgId, worker } = await organization(service);
  const head = await participantOf(service, orgId);
  const client = apiClient(service.url, worker);
  const headers = key();
  const body = { headParticipantId: head, assessmentDate: TODAY, enrollmentId: randomUUID() };
  expect((await client.post('/fssps', body, headers)).status).toBe(422);
  const enrollmentId = await enrollmentOf(service, orgId, head);
  const fixed = await client.post('/fssps', { ...body, enrollmentId }, headers);
  expect(fixed.status).toBe(201);
});

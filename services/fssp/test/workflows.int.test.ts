import { randomUUID } from 'node:crypto';
import {
  apiClient,
  rowCounts,
  startServiceForTest,
  testActor,
  type TestService,
} from '@hearth/testkit';
import { fssp } from '../src/app';
import { fsspEnv } from '../src/config';
import {
  NOW,
  TODAY,
  enrollmentOf,
  familyOf,
  goalBody,
  openPlanOf,
  organization,
  participantOf,
} from './fixtures';

/**
 * Creating an FSSP and recording a follow-up as paused workflows (libs/workflows): steps saved,
 * paused, resumed, and finished by the same use cases as POST /fssps and its follow-ups route.
 */
let service: TestService;

beforeAll(async () => {
  service = await startServiceForTest(fssp, fsspEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

const written = () =>
  rowCounts(service.pool, ['plans', 'plan_members', 'plan_assessments', 'goal_scores', 'outbox']);

const fieldsOf = (body: { errors?: Array<{ field: string }> }) =>
  (body.errors ?? []).map((e) => e.field);

/** A head without enrollment yet and one child, and a started fssp-creation draft on the head. */
async function creationStarted() {
  const { orgId, worker } = await organization(service);
  const head = await participantOf(service, orgId);
  const child = await participantOf(service, orgId);
  await familyOf(service, head, [child]);
  const client = apiClient(service.url, worker);
  const started = await client.post('/workflows/fssp-creation', { participantId: head });
  expect(started.status).toBe(201);
  const base = `/workflows/fssp-creation/${started.body.id as string}`;
  expect(started.headers.get('location')).toBe(`/api/v1${base}`);
  return { orgId, worker, head, child, client, base, id: started.body.id as string };
}

describe('a paused and resumed FSSP creation', () => {
  test('head saved, paused while the head gets an enrollment, resumed and finished: the plan exists with the family', async () => {
    const w = await creationStarted();
    const head = await w.client.put(`${w.base}/steps/head`, {
      data: { headParticipantId: w.head },
    });
    expect(head.status).toBe(200);
    expect((await w.client.post(`${w.base}/pause`)).body.status).toBe('paused');
    const paused = await w.client.get('/workflows?status=paused');
    expect(paused.body.items.map((i: { id: string }) => i.id)).toContain(w.id);

    // meanwhile: the enrollment is added (enrollment's event reaches fssp's read model)
    const enrollmentId = await enrollmentOf(service, w.orgId, w.head);

    expect((await w.client.post(`${w.base}/resume`)).body.status).toBe('in_progress');
    const assessment = await w.client.put(`${w.base}/steps/assessment`, {
      data: { assessmentDate: TODAY, enrollmentId },
    });
    expect(assessment.status).toBe(200);
    const finished = await w.client.post(`${w.base}/finish`);
    expect(finished.status).toBe(200);
    expect(finished.body).toMatchObject({
      status: 'finished',
      result: {
        headParticipantId: w.head,
        enrollmentId,
        assessmentDate: TODAY,
        sixMonthFollowUpDate: '2027-03-10',
        twelveMonthFollowUpDate: '2027-09-10',
        status: 'open',
      },
    });
    const plan = await w.client.get(`/fssps/${finished.body.result.id as string}`);
    expect(plan.status).toBe(200);
    expect(plan.body.members.map((m: { participantId: string }) => m.participantId).sort()).toEqual(
      [w.head, w.child].sort(),
    );
    // finished: out of the Paused Workflows, and it cannot run twice
    expect(
      (await w.client.get('/workflows')).body.items.map((i: { id: string }) => i.id),
    ).not.toContain(w.id);
    const again = await w.client.post(`${w.base}/finish`);
    expect(again.status).toBe(409);
  });

  test('finishing before the enrollment step is refused naming the step field; nothing written, the draft still open', async () => {
    const w = await creationStarted();
    await w.client.put(`${w.base}/steps/head`, { data: { headParticipantId: w.head } });
    const before = await written();
    const missing = await w.client.post(`${w.base}/finish`);
    expect(missing.status).toBe(422);
    expect(fieldsOf(missing.body)).toEqual(
      expect.arrayContaining(['assessment.assessmentDate', 'assessment.enrollmentId']),
    );
    // a stranger's enrollment id is refused by the rules of POST /fssps, named on its step
    await w.client.put(`${w.base}/steps/assessment`, {
      data: { assessmentDate: TODAY, enrollmentId: randomUUID() },
    });
    const refused = await w.client.post(`${w.base}/finish`);
    expect(refused.status).toBe(422);
    expect(fieldsOf(refused.body)).toEqual(['assessment.enrollmentId']);
    // an exclusion without its required case note, named on the members step
    const enrollmentId = await enrollmentOf(service, w.orgId, w.head);
    await w.client.put(`${w.base}/steps/assessment`, {
      data: { assessmentDate: TODAY, enrollmentId },
    });
    await w.client.put(`${w.base}/steps/members`, {
      data: { exclusions: [{ participantId: w.child, reason: 'declines_all_services' }] },
    });
    const noNote = await w.client.post(`${w.base}/finish`);
    expect(noNote.status).toBe(422);
    expect(fieldsOf(noNote.body)).toEqual(['members.exclusions.0.caseNoteId']);
    expect(await written()).toEqual(before);
    expect((await w.client.get(w.base)).body.status).toBe('in_progress');
  });

  test('two finishes of one draft at once make one plan; the other answers 409', async () => {
    const w = await creationStarted();
    const enrollmentId = await enrollmentOf(service, w.orgId, w.head);
    await w.client.put(`${w.base}/steps/head`, { data: { headParticipantId: w.head } });
    await w.client.put(`${w.base}/steps/assessment`, {
      data: { assessmentDate: TODAY, enrollmentId },
    });
    const plans = async () =>
      (await w.client.get(`/fssps?participantId=${w.head}`)).body.items.length as number;
    const answers = await Promise.all([
      w.client.post(`${w.base}/finish`),
      w.client.post(`${w.base}/finish`),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(await plans()).toBe(1);
  });

  test('a step with bad data is refused at saving naming the step field, the draft unchanged', async () => {
    const w = await creationStarted();
    const bad = await w.client.put(`${w.base}/steps/assessment`, {
      data: { assessmentDate: '2026-02-30', extra: 1 },
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(
      expect.arrayContaining(['assessment.assessmentDate', 'assessment.extra']),
    );
    expect((await w.client.get(w.base)).body.version).toBe(1);
  });

  test('a head another organization keeps restricted cannot be named, and another user cannot see or finish the draft', async () => {
    const w = await creationStarted();
    const elsewhere = await participantOf(service, randomUUID());
    const hidden = await w.client.put(`${w.base}/steps/head`, {
      data: { headParticipantId: elsewhere },
    });
    expect(hidden.status).toBe(404);
    const colleague = apiClient(service.url, testActor({ orgId: w.orgId }));
    expect((await colleague.get(w.base)).status).toBe(404);
    expect((await colleague.post(`${w.base}/finish`)).status).toBe(404);
    // a draft of one type is not found under another type's path
    expect((await w.client.get(`/workflows/fssp-follow-up/${w.id}`)).status).toBe(404);
  });
});

describe('a paused and resumed follow-up', () => {
  test('plan, assessment and scores saved across a pause; finishing records the follow-up as POST /fssps/{id}/follow-ups does', async () => {
    const p = await openPlanOf(service);
    const client = apiClient(service.url, p.worker);
    const goal = await client.post('/goals', goalBody(p.planId, [p.head]));
    expect(goal.status).toBe(201);
    const started = await client.post('/workflows/fssp-follow-up', { participantId: p.head });
    const base = `/workflows/fssp-follow-up/${started.body.id as string}`;
    await client.put(`${base}/steps/plan`, { data: { planId: p.planId } });
    await client.put(`${base}/steps/assessment`, {
      data: { type: 'revision', assessmentDate: TODAY },
    });
    await client.post(`${base}/pause`);
    await client.post(`${base}/resume`);
    const outOfRange = await client.put(`${base}/steps/scores`, {
      data: { scores: [{ goalId: goal.body.id, score: 4 }] },
    });
    expect(outOfRange.status).toBe(400);
    expect(fieldsOf(outOfRange.body)).toEqual(['scores.scores.0.score']);
    await client.put(`${base}/steps/scores`, {
      data: { scores: [{ goalId: goal.body.id, score: 2 }] },
    });
    const finished = await client.post(`${base}/finish`);
    expect(finished.status).toBe(200);
    expect(finished.body.result).toMatchObject({
      planId: p.planId,
      type: 'revision',
      assessmentDate: TODAY,
      scores: [{ goalId: goal.body.id, score: 2 }],
    });
  });

  test('a follow-up of a plan another organization holds is refused at finishing, nothing written', async () => {
    const p = await openPlanOf(service);
    const { worker } = await organization(service);
    const client = apiClient(service.url, worker);
    const started = await client.post('/workflows/fssp-follow-up', {});
    const base = `/workflows/fssp-follow-up/${started.body.id as string}`;
    await client.put(`${base}/steps/plan`, { data: { planId: p.planId } });
    await client.put(`${base}/steps/assessment`, {
      data: { type: 'revision', assessmentDate: TODAY },
    });
    await client.put(`${base}/steps/scores`, {
      data: { scores: [{ goalId: randomUUID(), score: 2 }] },
    });
    const before = await written();
    expect((await client.post(`${base}/finish`)).status).toBe(404);
    expect(await written()).toEqual(before);
  });
});

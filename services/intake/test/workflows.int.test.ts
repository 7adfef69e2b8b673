import { randomUUID } from 'node:crypto';
import { createTestDatabase, mintToken, testActor, waitFor } from '@hearth/testkit';
import { client, createParticipant, startIntake } from './harness';

/**
 * Paused workflows on a real intake service and Postgres: a draft is the private progress of one
 * user, saved step by step, paused, resumed, cancelled (discarded) or finished.
 */
const worker = testActor({ roles: ['caseworker'] });
// same organization, same role: still must not see or touch the worker's drafts
const colleague = testActor({ roles: ['caseworker'], orgId: worker.orgId });

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let intake: Awaited<ReturnType<typeof startIntake>>;
let me: ReturnType<typeof client>;
let other: ReturnType<typeof client>;

beforeAll(async () => {
  db = await createTestDatabase('workflows');
  intake = await startIntake({ databaseUrl: db.url });
  me = client(intake.url, worker);
  other = client(intake.url, colleague);
});

afterAll(async () => {
  await intake?.close();
  await db?.drop();
});

const participant = (as: ReturnType<typeof testActor>) =>
  createParticipant(intake.url, as, {
    firstName: 'Amina',
    lastName: 'Odhiambo',
    birthDate: '1990-05-01',
    sex: 'female',
  });

const start = async (as = me, title = 'Amina Odhiambo') => {
  const res = await as.post('/workflows/intake_assessment', { title });
  expect(res.status).toBe(201);
  return res.body as { id: string; version: number; status: string };
};
const fieldsOf = (body: { errors?: Array<{ field: string }> }) =>
  (body.errors ?? []).map((e) => e.field);
const stored = async (id: string) =>
  (await intake.service.ctx.pool.query('SELECT * FROM workflow_drafts WHERE id = $1', [id]))
    .rows[0];

describe('paused workflows', () => {
  it('starts, saves, pauses, lists, resumes, saves again and finishes', async () => {
    const res = await me.post('/workflows/intake_assessment', { title: 'Amina O.' });
    expect(res.status).toBe(201);
    const wf = res.body;
    expect(res.headers.get('location')).toBe(`/api/v1/workflows/intake_assessment/${wf.id}`);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(wf).toMatchObject({ status: 'in_progress', steps: {}, version: 1, currentStep: null });

    const chosen = { choice: 'new', search: { firstName: 'Amina', lastName: 'Odhiambo' } };
    let saved = await me.put(`/workflows/intake_assessment/${wf.id}/steps/choose_participant`, {
      data: chosen,
    });
    expect(saved.status).toBe(200);
    const form = { firstName: 'Amina', birthDate: '1990-04-02', phones: [{ number: '555-0100' }] };
    saved = await me.put(`/workflows/intake_assessment/${wf.id}/steps/intake_form`, { data: form });
    expect(saved.body).toMatchObject({
      currentStep: 'intake_form',
      version: 3,
      steps: { choose_participant: chosen, intake_form: form },
    });

    expect((await me.post(`/workflows/intake_assessment/${wf.id}/pause`)).body.status).toBe(
      'paused',
    );
    await start(other, 'someone else'); // in progress, not paused
    const othersPaused = await start(other, 'paused by someone else');
    expect((await other.post(`/workflows/intake_assessment/${othersPaused.id}/pause`)).status).toBe(
      200,
    );

    const paused = await me.get('/workflows?status=paused');
    expect(paused.status).toBe(200);
    expect(paused.body.items.map((i: { id: string }) => i.id)).toEqual([wf.id]);
    expect(paused.body.items[0]).toMatchObject({
      title: 'Amina O.',
      savedSteps: expect.arrayContaining(['choose_participant', 'intake_form']),
    });
    expect(paused.body.items[0].steps).toBeUndefined(); // the list stays light

    expect((await me.post(`/workflows/intake_assessment/${wf.id}/resume`)).body.status).toBe(
      'in_progress',
    );
    const family = { members: [{ firstName: 'Baraka', relationshipToHead: 'child' }] };
    saved = await me.put(`/workflows/intake_assessment/${wf.id}/steps/family_members`, {
      data: family,
    });
    expect(saved.status).toBe(200);
    const finished = await me.post(`/workflows/intake_assessment/${wf.id}/finish`);
    expect(finished.body).toMatchObject({ status: 'finished', version: 7 });
    expect(Object.keys(finished.body.steps)).toHaveLength(3); // finishing keeps the data
    const open = await me.get('/workflows');
    expect(open.body.items.map((i: { id: string }) => i.id)).not.toContain(wf.id);
  });

  it('refuses to save a step of a paused workflow until it is resumed', async () => {
    const wf = await start();
    await me.post(`/workflows/intake_assessment/${wf.id}/pause`);
    const res = await me.put(`/workflows/intake_assessment/${wf.id}/steps/intake_form`, {
      data: { sex: 'female' },
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ currentStatus: 'paused' });
    expect(res.body.detail).toContain('resume it first');
    expect((await stored(wf.id)).steps).toEqual({});
    const finish = await me.post(`/workflows/intake_assessment/${wf.id}/finish`);
    expect(finish).toMatchObject({ status: 409, body: { currentStatus: 'paused' } });
  });

  it("answers someone else's workflow as not found and changes nothing", async () => {
    const wf = await start();
    await me.put(`/workflows/intake_assessment/${wf.id}/steps/intake_form`, {
      data: { firstName: 'Amina' },
    });
    await me.post(`/workflows/intake_assessment/${wf.id}/pause`);
    const before = await stored(wf.id);
    const missing = await other.get(`/workflows/intake_assessment/${randomUUID()}`);
    for (const res of [
      await other.post(`/workflows/intake_assessment/${wf.id}/resume`),
      await other.post(`/workflows/intake_assessment/${wf.id}/cancel`),
      await other.get(`/workflows/intake_assessment/${wf.id}`),
      await other.put(`/workflows/intake_assessment/${wf.id}/steps/intake_form`, { data: {} }),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.detail).toBe(missing.body.detail); // indistinguishable from no workflow
    }
    expect(await stored(wf.id)).toEqual(before);
    expect((await me.get(`/workflows/intake_assessment/${wf.id}`)).body).toMatchObject({
      status: 'paused',
    });
  });

  it('discards the saved data when a workflow is cancelled', async () => {
    const wf = await start();
    const participantId = await participant(worker);
    const saved = await me.put(`/workflows/intake_assessment/${wf.id}/steps/intake_form`, {
      data: { lastName: 'Odhiambo' },
      title: 'Odhiambo',
      participantId, // a step may update what the list shows
    });
    expect(saved.body).toMatchObject({ title: 'Odhiambo', participantId });
    const res = await me.post(`/workflows/intake_assessment/${wf.id}/cancel`);
    expect(res.body).toMatchObject({ status: 'cancelled', steps: {}, currentStep: null });
    expect(await stored(wf.id)).toMatchObject({ status: 'cancelled', steps: {} });
    expect(await me.post(`/workflows/intake_assessment/${wf.id}/resume`)).toMatchObject({
      status: 409,
      body: { currentStatus: 'cancelled' },
    });
  });

  it('refuses a draft naming a participant its author may not see, as not found', async () => {
    const hidden = await participant(testActor({ roles: ['caseworker'] })); // another agency
    const refused = await me.post('/workflows/intake_assessment', { participantId: hidden });
    expect(refused.status).toBe(404);
    const wf = await start();
    const step = await me.put(`/workflows/intake_assessment/${wf.id}/steps/intake_form`, {
      data: { lastName: 'Odhiambo' },
      participantId: hidden,
    });
    expect(step.status).toBe(404);
    expect(await stored(wf.id)).toMatchObject({ participant_id: null, steps: {} });
    // the denial is written after the answer, so it may land a moment later
    await waitFor(async () => {
      const audited = await intake.service.ctx.pool.query(
        'SELECT count(*)::int AS n FROM access_denials WHERE participant_id = $1',
        [hidden],
      );
      expect(audited.rows[0].n).toBe(2);
      return true;
    });
  });

  it.each([
    ['choose_participant', (id: string) => ({ choice: 'another', participantId: id })],
    ['family_members', (id: string) => ({ members: [{ participantId: id }] })],
    [
      'eligibility_enrollment',
      (id: string) => ({ enrollments: [{ programId: randomUUID(), headOfEnrollmentId: id }] }),
    ],
  ])(
    'when %s data names a participant its author may not see, the step is refused as not found',
    async (step, data) => {
      const hidden = await participant(testActor({ roles: ['caseworker'] }));
      const wf = await start();
      const res = await me.put(`/workflows/intake_assessment/${wf.id}/steps/${step}`, {
        data: data(hidden),
      });
      expect(res.status).toBe(404);
      expect(await stored(wf.id)).toMatchObject({ steps: {}, version: 1 });
    },
  );

  it('when the author has lost access to the participant a draft names, the draft answers not found', async () => {
    const elsewhere = testActor({ roles: ['caseworker'] });
    const shared = await createParticipant(intake.url, elsewhere, {
      firstName: 'Amina',
      lastName: 'Odhiambo',
      birthDate: '1990-05-01',
      sex: 'female',
      securityRestriction: 'share_global',
    });
    const wf = await start();
    const saved = await me.put(`/workflows/intake_assessment/${wf.id}/steps/family_members`, {
      data: { members: [{ participantId: shared }] },
    });
    expect(saved.status).toBe(200);
    expect((await me.get(`/workflows/intake_assessment/${wf.id}`)).status).toBe(200);
    const restricted = await client(intake.url, elsewhere).put(`/participants/${shared}/sharing`, {
      securityRestriction: 'restrict_to_org',
    });
    expect(restricted.status).toBe(200);
    const missing = await me.get(`/workflows/intake_assessment/${randomUUID()}`);
    const res = await me.get(`/workflows/intake_assessment/${wf.id}`);
    expect(res.status).toBe(404);
    expect(res.body.detail).toBe(missing.body.detail);
    expect(JSON.stringify(res.body)).not.toContain(shared);
  });

  it('when the author has lost access to the participant a draft names, the draft leaves their list', async () => {
    const elsewhere = testActor({ roles: ['caseworker'] });
    const shared = await createParticipant(intake.url, elsewhere, {
      firstName: 'Amina',
      lastName: 'Odhiambo',
      birthDate: '1990-05-01',
      sex: 'female',
      securityRestriction: 'share_global',
    });
    const lister = testActor({ roles: ['caseworker'] });
    const mine = client(intake.url, lister);
    const named = await mine.post('/workflows/intake_assessment', { participantId: shared });
    const unnamed = await mine.post('/workflows/intake_assessment', {});
    const ids = async () =>
      (await mine.get('/workflows')).body.items.map((i: { id: string }) => i.id).sort();
    expect(await ids()).toEqual([named.body.id, unnamed.body.id].sort());
    await client(intake.url, elsewhere).put(`/participants/${shared}/sharing`, {
      securityRestriction: 'restrict_to_org',
    });
    expect(await ids()).toEqual([unnamed.body.id]);
  });

  it('rejects invalid step data, unknown steps and unknown types naming the field', async () => {
    const wf = await start();
    const bad = await me.put(`/workflows/intake_assessment/${wf.id}/steps/intake_form`, {
      data: { birthDate: '1990-02-30' },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(fieldsOf(bad.body)).toEqual(['intake_form.birthDate']);
    const noData = await me.put(`/workflows/intake_assessment/${wf.id}/steps/intake_form`, {
      title: 'x',
    });
    expect(fieldsOf(noData.body)).toEqual(['data']);
    const unknownStep = await me.put(`/workflows/intake_assessment/${wf.id}/steps/payments`, {
      data: {},
    });
    expect(unknownStep.status).toBe(400);
    expect(fieldsOf(unknownStep.body)).toEqual(['step']);
    expect((await stored(wf.id)).version).toBe(1); // nothing written
    // a type is a path: one this service does not offer is not here
    expect((await me.post('/workflows/space_travel', {})).status).toBe(404);
    expect((await me.post('/workflows', { type: 'intake_assessment' })).status).toBe(404);
    expect((await me.get(`/workflows/space_travel/${wf.id}`)).status).toBe(404);
    const unknownType = await me.get('/workflows?type=space_travel');
    expect(unknownType.status).toBe(400);
    expect(fieldsOf(unknownType.body)).toEqual(['query.type']);
  });

  it('keeps two tabs from overwriting each other', async () => {
    const wf = await start();
    // without If-Match, two tabs saving different steps both keep their step
    await me.put(`/workflows/intake_assessment/${wf.id}/steps/intake_form`, {
      data: { firstName: 'A' },
    });
    await me.put(`/workflows/intake_assessment/${wf.id}/steps/family_members`, {
      data: { members: [] },
    });
    expect(Object.keys((await stored(wf.id)).steps).sort()).toEqual([
      'family_members',
      'intake_form',
    ]);
    // with If-Match (sent by plain fetch: the harness client sets no extra headers), a tab that
    // read version 1 is refused once the draft moved on, and the current ETag goes through
    const pause = (etag: string) =>
      fetch(`${intake.url}/api/v1/workflows/intake_assessment/${wf.id}/pause`, {
        method: 'POST',
        headers: { authorization: `Bearer ${mintToken(worker)}`, 'if-match': etag },
      });
    const stale = await pause('"1"');
    expect(stale.status).toBe(412);
    expect(await stale.json()).toMatchObject({ currentVersion: 3 });
    expect((await stored(wf.id)).status).toBe('in_progress');
    const current = await pause('"3"');
    expect(current.status).toBe(200);
    expect(current.headers.get('etag')).toBe('"4"');
  });

  it('pages the list newest first with a cursor', async () => {
    const pager = client(intake.url, testActor());
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await start(pager, `n${i}`)).id);
    const first = await pager.get('/workflows?limit=2');
    expect(first.body.items.map((i: { id: string }) => i.id)).toEqual([ids[2], ids[1]]);
    const second = await pager.get(`/workflows?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toMatchObject({ items: [{ id: ids[0] }], nextCursor: null });
    const foreign = await pager.get('/workflows?cursor=bm90LWEtY3Vyc29y');
    expect(fieldsOf(foreign.body)).toEqual(['cursor']);
  });
});

import { randomUUID } from 'node:crypto';
import { testActor } from '@hearth/testkit';
import {
  client,
  counts,
  daysAgo,
  eventsOf,
  fieldsOf,
  startEnrollment,
  today,
  type Harness,
} from './harness';
import { createProgram, enrollAlone, recordService } from './household';

const orgA = randomUUID();
const worker = testActor({ orgId: orgA, roles: ['caseworker'] });
const contractManager = testActor({ orgId: orgA, roles: ['contract_manager'] });
const stranger = testActor({ roles: ['caseworker'] });

let h: Harness;
let program: string;
let e: { id: string; participantId: string };
const manualExit = {
  kind: 'exit',
  exitDate: daysAgo(1),
  reason: 'completed',
  housingStatusAtExit: 'permanent_housing',
};
const exit = (id: string, body: object, actor = worker) =>
  client(h.url, actor).post(`/enrollments/${id}/exit`, body);
const removeExit = (id: string, actor = contractManager) =>
  client(h.url, actor).post(`/enrollments/${id}/exit-removal`);

beforeAll(async () => {
  h = await startEnrollment();
  program = await createProgram(h, worker, {
    name: 'Coaching',
    fundingSource: 'KtP',
    activeFrom: '2020-01-01',
  });
  e = await enrollAlone(h, worker, program, daysAgo(60));
  await recordService(h, e, daysAgo(50), { startsParticipation: true, qualifying: true });
});
afterAll(() => h?.close());

describe('exits', () => {
  it.each([
    [
      'without housing status at exit',
      { housingStatusAtExit: undefined },
      worker,
      400,
      ['housingStatusAtExit'],
    ],
    [
      'dated before the enrollment',
      { exitDate: daysAgo(61) },
      worker,
      422,
      ['exitDate', 'exitDate'],
    ],
    ['dated in the future', { exitDate: daysAgo(-1) }, worker, 422, ['exitDate']],
    [
      'as a pre-program exit after participation',
      { kind: 'pre_program_exit' },
      worker,
      422,
      ['kind'],
    ],
    ['with an unknown reason', { reason: 'bored' }, worker, 400, ['reason']],
    ['by a contract manager', {}, contractManager, 403, []],
    ['by another organization', {}, stranger, 404, []],
  ])('refuses an exit %s, writing nothing', async (_label, change, actor, status, fields) => {
    const before = await counts(h);
    const res = await exit(e.id, { ...manualExit, ...change }, actor);
    expect(res.status).toBe(status);
    expect(fieldsOf(res.body)).toEqual(fields);
    expect(await counts(h)).toEqual(before);
  });

  it('exits with date, reason and housing status; these reasons remove it from performance', async () => {
    const res = await exit(e.id, { ...manualExit, reason: 'deceased' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'exit',
      active: false,
      exit: {
        exitDate: daysAgo(1),
        kind: 'exit',
        reason: 'deceased',
        housingStatusAtExit: 'permanent_housing',
      },
    });
    expect(res.body.statusHistory[0]).toMatchObject({
      status: 'exit',
      removedFromPerformance: true,
    });
    expect((await eventsOf(h, e.id)).slice(-3)).toEqual([
      'enrollment.status.changed',
      'enrollment.enrollment.updated',
      'enrollment.enrollment.exited',
    ]);
    const exited = await h.pool.query(
      "SELECT envelope FROM outbox WHERE routing_key = 'enrollment.enrollment.exited' AND envelope->'data'->>'enrollmentId' = $1",
      [e.id],
    );
    expect(exited.rows[0].envelope).toMatchObject({
      orgId: orgA,
      actor: { userId: worker.userId },
      data: {
        kind: 'exit',
        reason: 'deceased',
        removedFromPerformance: true,
        memberParticipantIds: [e.participantId],
      },
    });
  });

  it('refuses an exit on an exited enrollment, writing nothing', async () => {
    const before = await counts(h);
    const res = await exit(e.id, manualExit);
    expect(res.status).toBe(409);
    expect(fieldsOf(res.body)).toEqual(['exitDate']);
    expect(await counts(h)).toEqual(before);
  });

  it('lets only a contract manager remove the exit within 90 days, and the record continues', async () => {
    expect((await removeExit(e.id, worker)).status).toBe(403);
    const res = await removeExit(e.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'exit_removed',
      active: true,
      exit: null,
      reopenedOn: today(),
    });
    expect((await removeExit(e.id)).status).toBe(409);
    expect((await exit(e.id, manualExit)).status).toBe(200); // and it can be exited again
  });

  it("when another organization's contract manager can read the enrollment, it still cannot remove its exit", async () => {
    const shared = await enrollAlone(h, worker, program, daysAgo(30), {
      securityRestriction: 'share_global',
    });
    const preProgram = { ...manualExit, kind: 'pre_program_exit', reason: 'unable_to_contact' };
    expect((await exit(shared.id, preProgram)).status).toBe(200);
    const funderElsewhere = testActor({ roles: ['contract_manager'] });
    expect((await client(h.url, funderElsewhere).get(`/enrollments/${shared.id}`)).status).toBe(
      200,
    );
    const res = await removeExit(shared.id, funderElsewhere);
    expect(res.status).toBe(403);
    const after = await client(h.url, worker).get(`/enrollments/${shared.id}`);
    expect(after.body).toMatchObject({ active: false, exit: { exitDate: daysAgo(1) } });
  });

  it('records a pre-program exit for someone who never started', async () => {
    const never = await enrollAlone(h, worker, program, daysAgo(30));
    const res = await exit(never.id, {
      ...manualExit,
      kind: 'pre_program_exit',
      reason: 'unable_to_contact',
    });
    expect(res.status).toBe(200);
    expect(res.body.statusHistory[0]).toMatchObject({
      status: 'pre_program_exit',
      reason: 'unable_to_contact',
      removedFromPerformance: false,
    });
    // a late service no longer starts participation on an exited record
    await recordService(h, never, daysAgo(2), { startsParticipation: true, qualifying: true });
    expect((await client(h.url, worker).get(`/enrollments/${never.id}`)).body.status).toBe(
      'pre_program_exit',
    );
  });

  it('refuses to remove an exit more than 90 days old', async () => {
    const old = await enrollAlone(h, worker, program, daysAgo(200));
    expect(
      (await exit(old.id, { ...manualExit, kind: 'pre_program_exit', exitDate: daysAgo(91) }))
        .status,
    ).toBe(200);
    const res = await removeExit(old.id);
    expect(res.status).toBe(422);
    expect(fieldsOf(res.body)).toEqual(['exitDate']);
  });
});

import { randomUUID } from 'node:crypto';
import { FsspPlanCreated } from '@hearth/events';
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
import {
  NOW,
  TODAY,
  caseNoteOf,
  enrollmentOf,
  familyOf,
  organization,
  participantOf,
  refusalCheck,
} from './fixtures';

let service: TestService;

beforeAll(async () => {
  service = await startServiceForTest(fssp, fsspEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

/** A head with an enrollment and two children: one with an active enrollment of their own. */
async function household() {
  const { orgId, worker } = await organization(service);
  const head = await participantOf(service, orgId);
  const enrolledChild = await participantOf(service, orgId);
  const child = await participantOf(service, orgId);
  const familyId = await familyOf(service, head, [enrolledChild, child]);
  const enrollmentId = await enrollmentOf(service, orgId, head);
  const childEnrollmentId = await enrollmentOf(service, orgId, enrolledChild);
  return { orgId, worker, head, enrolledChild, child, familyId, enrollmentId, childEnrollmentId };
}

const written = () => rowCounts(service.pool, ['plans', 'plan_members', 'outbox']);

const expectRefused = refusalCheck(written);

describe('creating an FSSP', () => {
  test('the follow-ups fall 6 and 12 months after the assessment, Aug 31 becoming Feb 28; every family member is included with an enrollment', async () => {
    const h = await household();
    const answer = await apiClient(service.url, h.worker).post('/fssps', {
      headParticipantId: h.head,
      assessmentDate: '2026-08-31',
      enrollmentId: h.enrollmentId,
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('location')).toBe(`/api/v1/fssps/${answer.body.id}`);
    expect(answer.body).toMatchObject({
      orgId: h.orgId,
      familyId: h.familyId,
      headParticipantId: h.head,
      enrollmentId: h.enrollmentId,
      assessmentDate: '2026-08-31',
      assessmentType: 'initial',
      // 2027 has no Feb 31, 29 or 30: the month's last day
      sixMonthFollowUpDate: '2027-02-28',
      twelveMonthFollowUpDate: '2027-08-31',
      status: 'open',
      version: 1,
    });
    const member = (participantId: string, enrollmentId: string, isHead = false) => ({
      participantId,
      isHead,
      included: true,
      exclusionReason: null,
      caseNoteId: null,
      enrollmentId,
    });
    expect(answer.body.members).toEqual(
      expect.arrayContaining([
        member(h.head, h.enrollmentId, true),
        member(h.enrolledChild, h.childEnrollmentId), // their own active enrollment
        member(h.child, h.enrollmentId), // none of their own: the head's
      ]),
    );
    expect(answer.body.members[0].participantId).toBe(h.head);
    expect(answer.body.members).toHaveLength(3);

    const events = (await outboxEvents(service.pool, FsspPlanCreated)).filter(
      (e) => e.data.planId === answer.body.id,
    );
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({
      familyId: h.familyId,
      headParticipantId: h.head,
      sixMonthFollowUpDate: '2027-02-28',
      twelveMonthFollowUpDate: '2027-08-31',
      status: 'open',
    });
    expect([...events[0].data.memberParticipantIds].sort()).toEqual(
      [h.head, h.enrolledChild, h.child].sort(),
    );
  });

  test("the assessment may be today on the organization's calendar, not tomorrow", async () => {
    const h = await household();
    const before = await written();
    // 03:00 UTC on Sep 11 is still Sep 10 in Chicago
    const tomorrow = await apiClient(service.url, h.worker).post('/fssps', {
      headParticipantId: h.head,
      assessmentDate: '2026-09-11',
      enrollmentId: h.enrollmentId,
    });
    await expectRefused(tomorrow, 422, 'assessmentDate', before);
    const today = await apiClient(service.url, h.worker).post('/fssps', {
      headParticipantId: h.head,
      assessmentDate: TODAY,
      enrollmentId: h.enrollmentId,
    });
    expect(today.status).toBe(201);
    // Sep 10 + 6 months = Mar 10; + 12 months = Sep 10 of the next year
    expect(today.body).toMatchObject({
      sixMonthFollowUpDate: '2027-03-10',
      twelveMonthFollowUpDate: '2027-09-10',
    });
  });

  test('a head of household without an enrollment is refused, naming the enrollment, nothing written', async () => {
    const { orgId, worker } = await organization(service);
    const head = await participantOf(service, orgId);
    const before = await written();
    const answer = await apiClient(service.url, worker).post('/fssps', {
      headParticipantId: head,
      assessmentDate: '2026-09-01',
      enrollmentId: randomUUID(),
    });
    await expectRefused(answer, 422, 'enrollmentId', before);
  });

  test("another participant's enrollment, or one of another organization, is not the head's", async () => {
    const h = await household();
    const other = await organization(service);
    const theirs = await enrollmentOf(service, other.orgId, h.head);
    const before = await written();
    for (const enrollmentId of [h.childEnrollmentId, theirs]) {
      const answer = await apiClient(service.url, h.worker).post('/fssps', {
        headParticipantId: h.head,
        assessmentDate: '2026-09-01',
        enrollmentId,
      });
      await expectRefused(answer, 422, 'enrollmentId', before);
    }
  });

  test('a member who is not the head of their family cannot start its plan', async () => {
    const h = await household();
    const before = await written();
    const answer = await apiClient(service.url, h.worker).post('/fssps', {
      headParticipantId: h.enrolledChild,
      assessmentDate: '2026-09-01',
      enrollmentId: h.childEnrollmentId,
    });
    await expectRefused(answer, 422, 'headParticipantId', before);
  });

  test('a person entered alone, with an enrollment, gets a plan of their own', async () => {
    const { orgId, worker } = await organization(service);
    const head = await participantOf(service, orgId);
    const enrollmentId = await enrollmentOf(service, orgId, head);
    const answer = await apiClient(service.url, worker).post('/fssps', {
      headParticipantId: head,
      assessmentDate: '2026-09-01',
      enrollmentId,
    });
    expect(answer.status).toBe(201);
    expect(answer.body.familyId).toBeNull();
    expect(answer.body.members).toHaveLength(1);
  });

  test('another organization cannot create a plan for a participant it cannot see (404)', async () => {
    const h = await household();
    const stranger = testActor();
    const before = await written();
    const answer = await apiClient(service.url, stranger).post('/fssps', {
      headParticipantId: h.head,
      assessmentDate: '2026-09-01',
      enrollmentId: h.enrollmentId,
    });
    expect(answer.status).toBe(404);
    expect(await written()).toEqual(before);
  });

  test('a relative whose sharing keeps this organization out is not made a member of its plan, and the denial is audited', async () => {
    const { orgId, worker } = await organization(service);
    const head = await participantOf(service, orgId);
    const child = await participantOf(service, orgId);
    // the grandmother's record belongs to another agency and is restricted to it
    const grandmother = await participantOf(service, randomUUID());
    await familyOf(service, head, [child, grandmother]);
    const enrollmentId = await enrollmentOf(service, orgId, head);
    const answer = await apiClient(service.url, worker).post('/fssps', {
      headParticipantId: head,
      assessmentDate: '2026-09-01',
      enrollmentId,
    });
    expect(answer.status).toBe(201);
    const members = answer.body.members.map((m: { participantId: string }) => m.participantId);
    expect(members.sort()).toEqual([head, child].sort());
    const denied = async () =>
      (
        await service.pool.query(
          'SELECT reason, action FROM access_denials WHERE participant_id = $1 AND org_id = $2',
          [grandmother, orgId],
        )
      ).rows.map((r) => `${r.action}: ${r.reason}`);
    // audited after the answer: wait for it
    for (let i = 0; i < 50 && (await denied()).length === 0; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(await denied()).toEqual(['write: restricted_to_org']);
  });

  test('unknown fields and malformed dates are 400 naming the field', async () => {
    const h = await household();
    const client = apiClient(service.url, h.worker);
    const base = { headParticipantId: h.head, enrollmentId: h.enrollmentId };
    const before = await written();
    await expectRefused(
      await client.post('/fssps', { ...base, assessmentDate: '2026-02-30' }),
      400,
      'assessmentDate',
      before,
    );
    const extra = await client.post('/fssps', { ...base, assessmentDate: TODAY, score: 4 });
    expect(extra.status).toBe(400);
    expect(await written()).toEqual(before);
  });
});

describe('one open FSSP per family and per participant', () => {
  test('two concurrent creations for one family: exactly one 201, the other 409', async () => {
    const h = await household();
    const client = apiClient(service.url, h.worker);
    const body = {
      headParticipantId: h.head,
      assessmentDate: '2026-09-01',
      enrollmentId: h.enrollmentId,
    };
    const answers = await Promise.all([client.post('/fssps', body), client.post('/fssps', body)]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const { rows } = await service.pool.query(
      'SELECT count(*)::int AS n FROM plans WHERE head_participant_id = $1',
      [h.head],
    );
    expect(rows[0].n).toBe(1);
  });

  test("a family member already on another open plan makes the family's plan a 409 unless excluded as recorded separately", async () => {
    const { orgId, worker } = await organization(service);
    const client = apiClient(service.url, worker);
    const member = await participantOf(service, orgId);
    // the member's own plan, entered alone, before joining the family
    const own = await client.post('/fssps', {
      headParticipantId: member,
      assessmentDate: '2026-09-01',
      enrollmentId: await enrollmentOf(service, orgId, member),
    });
    expect(own.status).toBe(201);
    const head = await participantOf(service, orgId);
    await familyOf(service, head, [member]);
    const enrollmentId = await enrollmentOf(service, orgId, head);
    const body = { headParticipantId: head, assessmentDate: '2026-09-02', enrollmentId };
    const before = await written();
    const refused = await client.post('/fssps', body);
    expect(refused.status).toBe(409);
    expect(await written()).toEqual(before);
    const separate = await client.post('/fssps', {
      ...body,
      exclusions: [{ participantId: member, reason: 'already_recorded_separately' }],
    });
    expect(separate.status).toBe(201);
  });
});

describe('excluding a family member', () => {
  test('"declines all services" without a case note is refused, naming exclusions.0.caseNoteId', async () => {
    const h = await household();
    const before = await written();
    const answer = await apiClient(service.url, h.worker).post('/fssps', {
      headParticipantId: h.head,
      assessmentDate: '2026-09-01',
      enrollmentId: h.enrollmentId,
      exclusions: [{ participantId: h.child, reason: 'declines_all_services' }],
    });
    await expectRefused(answer, 422, 'exclusions.0.caseNoteId', before);
  });

  test("a deleted note, another member's note or another organization's note does not count", async () => {
    const h = await household();
    const other = await organization(service);
    const notes = [
      await caseNoteOf(service, h.orgId, h.child, true),
      await caseNoteOf(service, h.orgId, h.enrolledChild),
      await caseNoteOf(service, other.orgId, h.child),
      randomUUID(),
    ];
    const before = await written();
    for (const caseNoteId of notes) {
      const answer = await apiClient(service.url, h.worker).post('/fssps', {
        headParticipantId: h.head,
        assessmentDate: '2026-09-01',
        enrollmentId: h.enrollmentId,
        exclusions: [{ participantId: h.child, reason: 'not_able_to_be_contacted', caseNoteId }],
      });
      await expectRefused(answer, 422, 'exclusions.0.caseNoteId', before);
    }
  });

  test('with a live case note of that member the member is kept on the plan as excluded, with no enrollment', async () => {
    const h = await household();
    const caseNoteId = await caseNoteOf(service, h.orgId, h.child);
    const answer = await apiClient(service.url, h.worker).post('/fssps', {
      headParticipantId: h.head,
      assessmentDate: '2026-09-01',
      enrollmentId: h.enrollmentId,
      exclusions: [{ participantId: h.child, reason: 'declines_all_services', caseNoteId }],
    });
    expect(answer.status).toBe(201);
    expect(answer.body.members).toContainEqual({
      participantId: h.child,
      isHead: false,
      included: false,
      exclusionReason: 'declines_all_services',
      caseNoteId,
      enrollmentId: null,
    });
    const [event] = (await outboxEvents(service.pool, FsspPlanCreated)).filter(
      (e) => e.data.planId === answer.body.id,
    );
    expect(event.data.memberParticipantIds).not.toContain(h.child);
  });

  test('only current members other than the head can be excluded, each once', async () => {
    const h = await household();
    const stranger = await participantOf(service, h.orgId);
    const before = await written();
    const separately = { reason: 'already_recorded_separately' };
    const cases = [
      [{ participantId: stranger, ...separately }],
      [{ participantId: h.head, ...separately }],
      [
        { participantId: h.child, ...separately },
        { participantId: h.child, ...separately },
      ],
    ];
    const fields = [
      'exclusions.0.participantId',
      'exclusions.0.participantId',
      'exclusions.1.participantId',
    ];
    for (const [i, exclusions] of cases.entries()) {
      const answer = await apiClient(service.url, h.worker).post('/fssps', {
        headParticipantId: h.head,
        assessmentDate: '2026-09-01',
        enrollmentId: h.enrollmentId,
        exclusions,
      });
      await expectRefused(answer, 422, fields[i], before);
    }
  });
});

describe('reading plans', () => {
  async function planOf(sharing: Parameters<typeof participantOf>[2] = {}) {
    const { orgId, worker } = await organization(service);
    const head = await participantOf(service, orgId, sharing);
    const enrollmentId = await enrollmentOf(service, orgId, head);
    const created = await apiClient(service.url, worker).post('/fssps', {
      headParticipantId: head,
      assessmentDate: '2026-09-01',
      enrollmentId,
    });
    expect(created.status).toBe(201);
    return { worker, head, plan: created.body };
  }

  test("its organization reads the plan and finds it among the participant's plans", async () => {
    const { worker, head, plan } = await planOf();
    const one = await apiClient(service.url, worker).get(`/fssps/${plan.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(plan);
    const list = await apiClient(service.url, worker).get(`/fssps?participantId=${head}`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([plan.id]);
  });

  test('another organization without a release gets 404 for the plan and for the list', async () => {
    const { head, plan } = await planOf();
    const stranger = apiClient(service.url, testActor());
    expect((await stranger.get(`/fssps/${plan.id}`)).status).toBe(404);
    expect((await stranger.get(`/fssps?participantId=${head}`)).status).toBe(404);
  });

  test('an organization holding an active release reads it; once the release expired, 404', async () => {
    const reader = randomUUID();
    const expired = randomUUID();
    const { plan } = await planOf({
      securityRestriction: 'share_mou',
      releases: [
        { toOrgId: reader, beginDate: '2026-01-01', endDate: '2026-12-31' },
        { toOrgId: expired, beginDate: '2026-01-01', endDate: '2026-06-30' },
      ],
    });
    expect(
      (await apiClient(service.url, testActor({ orgId: reader })).get(`/fssps/${plan.id}`)).status,
    ).toBe(200);
    expect(
      (await apiClient(service.url, testActor({ orgId: expired })).get(`/fssps/${plan.id}`)).status,
    ).toBe(404);
  });

  test('a share_global participant is visible to all, yet another organization cannot read its plan', async () => {
    const { head, plan } = await planOf({ securityRestriction: 'share_global' });
    const stranger = apiClient(service.url, testActor());
    expect((await stranger.get(`/fssps/${plan.id}`)).status).toBe(404);
    const list = await stranger.get(`/fssps?participantId=${head}`);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([]);
  });

  test('an unknown plan is 404', async () => {
    const { worker } = await planOf();
    expect((await apiClient(service.url, worker).get(`/fssps/${randomUUID()}`)).status).toBe(404);
  });
});

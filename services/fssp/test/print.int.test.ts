import { randomUUID } from 'node:crypto';
import type { Actor } from '@hearth/auth';
import {
  apiClient,
  mintToken,
  startServiceForTest,
  waitFor,
  type TestService,
} from '@hearth/testkit';
import { fssp } from '../src/app';
import { fsspEnv } from '../src/config';
import { NOW, TODAY, goalBody, openPlanOf, organization } from './fixtures';

let service: TestService;

beforeAll(async () => {
  service = await startServiceForTest(fssp, fsspEnv, { clock: () => NOW });
});
afterAll(() => service?.close());

async function print(actor: Actor, planId: string, query: string) {
  const res = await fetch(`${service.url}/api/v1/fssps/${planId}/print?${query}`, {
    headers: { authorization: `Bearer ${mintToken(actor)}` },
  });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    bytes: Buffer.from(await res.arrayBuffer()),
  };
}
/** The parts a PDF holds, from its bookmarks (one per part), in print order. */
const bookmarks = (pdf: Buffer) =>
  [...pdf.toString('latin1').matchAll(/\/Title \(([^)]*)\)/g)].map((m) => m[1]);

/** A plan with two goals, the first re-scored at the 6-month follow-up. */
async function scoredPlan(sharing: Parameters<typeof openPlanOf>[1] = {}) {
  const p = await openPlanOf(service, sharing);
  const client = apiClient(service.url, p.worker);
  const job = await client.post('/goals', goalBody(p.planId, [p.head]));
  const savings = await client.post(
    '/goals',
    goalBody(p.planId, [p.head, p.first], { category: 'financial', goal: 'build_savings' }),
  );
  expect([job.status, savings.status]).toEqual([201, 201]);
  const followUp = await client.post(`/fssps/${p.planId}/follow-ups`, {
    type: 'revision',
    assessmentDate: TODAY,
    scores: [{ goalId: job.body.id, score: 2 }],
  });
  expect(followUp.status).toBe(201);
  return { ...p, followUpId: followUp.body.id as string };
}

/** The reasons audited for `actor` reading this participant, once the write after the answer lands. */
const deniedReasons = (participantId: string, actor: Actor) =>
  waitFor(async () => {
    const { rows } = await service.pool.query<{ reason: string }>(
      'SELECT reason FROM access_denials WHERE participant_id = $1 AND user_id = $2',
      [participantId, actor.userId],
    );
    return rows.length > 0 && rows.map((r) => r.reason);
  });

describe('printing an FSSP', () => {
  test('the whole plan, its goals, or one follow-up comes back as a PDF of those parts', async () => {
    const p = await scoredPlan();
    const whole = await print(p.worker, p.planId, 'part=plan');
    expect([whole.status, whole.type]).toEqual([200, 'application/pdf']);
    expect(whole.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bookmarks(whole.bytes)).toEqual(['Plan', 'Goal 1', 'Goal 2']);
    expect(bookmarks((await print(p.worker, p.planId, '')).bytes)).toEqual(bookmarks(whole.bytes));
    expect(bookmarks((await print(p.worker, p.planId, 'part=goals')).bytes)).toEqual([
      'Goal 1',
      'Goal 2',
    ]);
    const followUp = await print(p.worker, p.planId, `part=follow-up&followUpId=${p.followUpId}`);
    expect(followUp.status).toBe(200);
    expect(bookmarks(followUp.bytes)).toEqual([`Follow-up ${TODAY}`]);
  });

  test('another organization gets 404 for a plan it may not see, and the denial is audited', async () => {
    const p = await scoredPlan();
    const { worker: stranger } = await organization(service);
    const denied = await print(stranger, p.planId, 'part=plan');
    expect([denied.status, denied.type]).toEqual([404, 'application/problem+json; charset=utf-8']);
    expect(await deniedReasons(p.head, stranger)).toEqual(['restricted_to_org']);
    expect((await print(p.worker, randomUUID(), 'part=plan')).status).toBe(404);
  });

  test('a participant shared with everyone: their plan prints only for its organization or one with an active release', async () => {
    const shared = await scoredPlan({ securityRestriction: 'share_global' });
    const { worker: other } = await organization(service);
    expect((await print(other, shared.planId, 'part=goals')).status).toBe(404);
    expect(await deniedReasons(shared.head, other)).toEqual(['no_release']);

    const { orgId: partnerOrg, worker: partner } = await organization(service);
    const { orgId: formerOrg, worker: former } = await organization(service);
    const released = await scoredPlan({
      securityRestriction: 'share_mou',
      releases: [
        { toOrgId: partnerOrg, beginDate: '2026-01-01', endDate: '2026-12-31' },
        { toOrgId: formerOrg, beginDate: '2026-01-01', endDate: '2026-08-31' }, // expired
      ],
    });
    expect((await print(partner, released.planId, 'part=plan')).status).toBe(200);
    expect((await print(former, released.planId, 'part=plan')).status).toBe(404);
    expect(await deniedReasons(released.head, former)).toEqual(['release_expired']);
  });

  test('a follow-up not of this plan is 404; a bad part or a missing follow-up id is 400 naming it', async () => {
    const p = await scoredPlan();
    const other = await print(p.worker, p.planId, `part=follow-up&followUpId=${randomUUID()}`);
    expect(other.status).toBe(404);
    const client = apiClient(service.url, p.worker);
    const field = async (query: string) => {
      const answer = await client.get(`/fssps/${p.planId}/print?${query}`);
      return [answer.status, answer.body.errors?.[0]?.field];
    };
    expect(await field('part=follow-up')).toEqual([400, 'query.followUpId']);
    expect(await field(`part=goals&followUpId=${p.followUpId}`)).toEqual([400, 'query.followUpId']);
    expect(await field('part=page')).toEqual([400, 'query.part']);
    expect(await field('part=follow-up&followUpId=nope')).toEqual([400, 'query.followUpId']);
  });

  test('the print is documented as a PDF and its 404 as a problem', async () => {
    const doc = (await (await fetch(`${service.url}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: object }> }>>;
    };
    const printed = doc.paths['/api/v1/fssps/{id}/print'].get.responses;
    expect(printed['200'].content).toEqual({
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    });
    expect(printed['404'].content).toHaveProperty(['application/problem+json']);
  });
});

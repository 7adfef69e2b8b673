import { randomUUID } from 'node:crypto';
import { ParticipantAccessed } from '@hearth/events';
import {
  apiClient,
  sharedParticipant,
  startServiceForTest,
  testActor,
  waitFor,
  type TestService,
} from '@hearth/testkit';
import { notifications } from '../src/app';
import { notificationsEnv } from '../src/config';

let service: TestService;
beforeAll(async () => {
  service = await startServiceForTest(notifications, notificationsEnv);
});
afterAll(() => service?.close());

const as = (actor: ReturnType<typeof testActor>) => apiClient(service.url, actor);
type Entry = { id: string; userId: string; orgId: string; allowed: boolean; at: string };

/** A gate decision of another service, as its outbox would announce it. */
function accessed(
  participantId: string,
  who: { userId: string; orgId: string },
  at: string,
  allowed = true,
) {
  return service.publish(
    ParticipantAccessed,
    {
      participantId,
      ...who,
      action: 'read',
      allowed,
      reason: allowed ? 'same_org' : 'restricted_to_org',
      what: 'The case note',
      at,
    },
    { orgId: who.orgId, requestId: `req-${at}` },
  );
}

/** Every page of a participant's trail, without the supervisor's own reads (they are audited too). */
async function wholeTrail(supervisor: ReturnType<typeof testActor>, participantId: string) {
  const entries: Entry[] = [];
  let cursor: string | null = null;
  do {
    const answer = await as(supervisor).get(
      `/audit/participants/${participantId}?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(answer.status).toBe(200);
    entries.push(...answer.body.items);
    cursor = answer.body.nextCursor;
  } while (cursor);
  return entries.filter((e) => e.userId !== supervisor.userId);
}

test("a supervisor reads every service's reads of a participant, newest first, page by page", async () => {
  const supervisor = testActor({ roles: ['supervisor'] });
  const participantId = await sharedParticipant(service.pool, supervisor.orgId);
  const worker = { userId: randomUUID(), orgId: supervisor.orgId };
  const other = { userId: randomUUID(), orgId: randomUUID() };
  const first = await accessed(participantId, worker, '2026-11-01T09:00:00.000Z');
  const second = await accessed(participantId, other, '2026-11-02T09:00:00.000Z', false);
  const third = await accessed(participantId, worker, '2026-11-03T09:00:00.000Z');
  const trail = await wholeTrail(supervisor, participantId);
  expect(trail.map((e) => e.id)).toEqual([third.id, second.id, first.id]);
  expect(trail[1]).toEqual({
    id: second.id,
    participantId,
    userId: other.userId,
    orgId: other.orgId,
    action: 'read',
    allowed: false,
    reason: 'restricted_to_org',
    what: 'The case note',
    requestId: 'req-2026-11-02T09:00:00.000Z',
    at: '2026-11-02T09:00:00.000Z',
  });
});

test('a denied read in this very service travels through its outbox into the trail', async () => {
  const owner = testActor({ roles: ['supervisor'] });
  const stranger = testActor({ roles: ['supervisor'] });
  const participantId = await sharedParticipant(service.pool, owner.orgId);
  expect((await as(stranger).get(`/audit/participants/${participantId}`)).status).toBe(404);
  const denied = await waitFor(
    async () => (await wholeTrail(owner, participantId)).find((e) => e.userId === stranger.userId),
    15_000,
    'the denied read in the trail',
  );
  expect(denied).toMatchObject({
    orgId: stranger.orgId,
    allowed: false,
    reason: 'restricted_to_org',
  });
});

test('who has seen the record: each user and organization whose reads were allowed, how often and when', async () => {
  const supervisor = testActor({ roles: ['supervisor'] });
  const participantId = await sharedParticipant(service.pool, supervisor.orgId);
  const a = { userId: randomUUID(), orgId: supervisor.orgId };
  const b = { userId: randomUUID(), orgId: randomUUID() };
  const refused = { userId: randomUUID(), orgId: randomUUID() };
  await accessed(participantId, a, '2026-11-01T09:00:00.000Z');
  await accessed(participantId, a, '2026-11-05T09:00:00.000Z');
  await accessed(participantId, b, '2026-11-03T09:00:00.000Z');
  await accessed(participantId, refused, '2026-11-04T09:00:00.000Z', false);
  const answer = await as(supervisor).get(`/audit/participants/${participantId}/viewers`);
  expect(answer.status).toBe(200);
  expect(answer.body.items.filter((v: Entry) => v.userId !== supervisor.userId)).toEqual([
    {
      ...a,
      reads: 2,
      firstSeenAt: '2026-11-01T09:00:00.000Z',
      lastSeenAt: '2026-11-05T09:00:00.000Z',
    },
    {
      ...b,
      reads: 1,
      firstSeenAt: '2026-11-03T09:00:00.000Z',
      lastSeenAt: '2026-11-03T09:00:00.000Z',
    },
  ]);
});

test('the trail is append-only: its rows cannot be updated or deleted, not even by the service', async () => {
  const participantId = randomUUID();
  const { userId, orgId } = testActor();
  const event = await accessed(participantId, { userId, orgId }, '2026-11-01T09:00:00.000Z');
  await expect(
    service.pool.query('UPDATE audit_trail SET allowed = NOT allowed WHERE event_id = $1', [
      event.id,
    ]),
  ).rejects.toThrow(/permission denied|append-only/);
  await expect(
    service.pool.query('DELETE FROM audit_trail WHERE event_id = $1', [event.id]),
  ).rejects.toThrow(/permission denied|append-only/);
  await expect(service.pool.query('TRUNCATE audit_trail')).rejects.toThrow(
    /permission denied|append-only/,
  );
  // the grants too: the service's role (the table's owner) holds no UPDATE, DELETE or TRUNCATE
  // (a superuser, as tests may run, passes grants by: the trigger holds for it as well)
  const { rows: grants } = await service.pool.query(
    `SELECT a.privilege_type FROM pg_class c, aclexplode(c.relacl) a
     WHERE c.oid = 'audit_trail'::regclass AND a.grantee = c.relowner`,
  );
  const granted = grants.map((g) => g.privilege_type);
  expect(granted).toEqual(expect.arrayContaining(['INSERT', 'SELECT']));
  expect(granted).not.toEqual(expect.arrayContaining(['UPDATE']));
  expect(granted).not.toEqual(expect.arrayContaining(['DELETE']));
  expect(granted).not.toEqual(expect.arrayContaining(['TRUNCATE']));
  const { rows } = await service.pool.query('SELECT allowed FROM audit_trail WHERE event_id = $1', [
    event.id,
  ]);
  expect(rows).toEqual([{ allowed: true }]);
});

describe('who may read the trail', () => {
  test('a case worker is answered 403, another organization without a release 404', async () => {
    const supervisor = testActor({ roles: ['supervisor'] });
    const participantId = await sharedParticipant(service.pool, supervisor.orgId);
    const worker = testActor({ orgId: supervisor.orgId });
    expect((await as(worker).get(`/audit/participants/${participantId}`)).status).toBe(403);
    expect((await as(worker).get(`/audit/participants/${participantId}/viewers`)).status).toBe(403);
    const elsewhere = testActor({ roles: ['supervisor'] });
    expect((await as(elsewhere).get(`/audit/participants/${participantId}`)).status).toBe(404);
    expect((await as(elsewhere).get(`/audit/participants/${participantId}/viewers`)).status).toBe(
      404,
    );
  });

  test('an expired release shuts another organization out of the trail', async () => {
    const owner = randomUUID();
    const reader = testActor({ roles: ['supervisor'] });
    const participantId = await sharedParticipant(service.pool, owner, {
      securityRestriction: 'share_mou',
      releases: [{ toOrgId: reader.orgId, beginDate: '2020-01-01', endDate: '2021-12-31' }],
    });
    expect((await as(reader).get(`/audit/participants/${participantId}`)).status).toBe(404);
  });

  test('a foreign cursor or a malformed id answers 400 naming the field', async () => {
    const supervisor = testActor({ roles: ['supervisor'] });
    const participantId = await sharedParticipant(service.pool, supervisor.orgId);
    const bad = await as(supervisor).get(`/audit/participants/${participantId}?cursor=nope`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
    const id = await as(supervisor).get('/audit/participants/42');
    expect(id.status).toBe(400);
    expect(id.body.errors).toEqual([expect.objectContaining({ field: 'params.id' })]);
  });
});
